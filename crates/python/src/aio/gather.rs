//! `asyncio.gather`, `asyncio.wait_for` and `asyncio.shield`, as in CPython 3.11's tasks.py.

use super::funcs::{coro, ensure_future, running};
use super::future::{await_future, cancelled_error, FutState, FutureObj};
use super::timer::{call_later, cancel_timer};
use crate::interp::exc::make_exc;
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{Args, HashKey, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// What a `gather`'s done callbacks share (CPython's closure over `nfuts` and `nfinished`).
struct Counts {
    nfuts: Cell<usize>,
    nfinished: Cell<usize>,
    /// Set when `gather` itself raised (an argument was not awaitable): as CPython's `outer`
    /// still `None` then, the children's callbacks find no outer future to finish.
    abandoned: Cell<bool>,
}

/// `asyncio.gather(*aws, return_exceptions=False)`: the outer future holds the children (once,
/// for all its callbacks); a duplicate awaitable is found in a map, as CPython's `arg_to_fut`.
pub fn gather(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let return_exceptions = a.take_kw("return_exceptions").is_some_and(|v| crate::interp::ops::truthy(&v));
    let outer = FutureObj::new(&cx.interp, None);
    if a.pos.is_empty() {
        outer.finish(FutState::Result(Value::List(Rc::new(RefCell::new(vec![].into())))));
        return Ok(Value::Fut(outer));
    }
    let counts = Rc::new(Counts { nfuts: Cell::new(0), nfinished: Cell::new(0), abandoned: Cell::new(false) });
    let mut children: Vec<Rc<FutureObj>> = Vec::with_capacity(a.pos.len());
    // CPython's `arg_to_fut`: an awaitable's first place among the children, by identity.
    let mut arg_to_fut: HashMap<HashKey, usize> = HashMap::new();
    for arg in &a.pos {
        // CPython's `arg not in arg_to_fut` hashes the argument first: a list is refused so.
        if matches!(arg, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
            counts.abandoned.set(true);
            return Err(cx.unhashable(arg));
        }
        let id = HashKey::Id(crate::value::identity(arg));
        if let Some(&at) = arg_to_fut.get(&id) {
            children.push(children[at].clone());
            continue;
        }
        let f = match ensure_future(cx, arg, None) {
            Ok(f) => f,
            Err(e) => {
                counts.abandoned.set(true);
                return Err(e);
            }
        };
        counts.nfuts.set(counts.nfuts.get() + 1);
        arg_to_fut.insert(id, children.len());
        // The children's callbacks hold the outer future, as CPython's closure does: a gather
        // nobody keeps still reports its exception when it was never retrieved.
        let (counts, outer, interp) = (counts.clone(), outer.clone(), cx.interp.clone());
        f.on_done(super::futrepr::GATHER_DONE, move |fut| {
            done_callback(&interp, &fut, &outer, &counts, return_exceptions)
        });
        children.push(f);
    }
    *outer.gather_children.borrow_mut() = Some(children);
    Ok(Value::Fut(outer))
}

/// CPython's `_done_callback` of `gather`.
fn done_callback(
    interp: &Rc<Interp>,
    fut: &Rc<FutureObj>,
    outer: &Rc<FutureObj>,
    counts: &Counts,
    return_exceptions: bool,
) {
    counts.nfinished.set(counts.nfinished.get() + 1);
    let cx = Cx::module(interp);
    if outer.done() || counts.abandoned.get() {
        if !fut.cancelled() {
            let _ = fut.exception(&cx);
        }
        return;
    }
    if !return_exceptions {
        if fut.cancelled() {
            outer.finish(FutState::Exception(fut.make_cancelled_error(&cx, fut.cancel_message())));
            return;
        }
        if let Ok(e) = fut.exception(&cx) {
            if !matches!(e, Value::None) {
                outer.finish(FutState::Exception(e));
                return;
            }
        }
    }
    if counts.nfinished.get() < counts.nfuts.get() {
        return;
    }
    let results: Vec<Value> = {
        let children = outer.gather_children.borrow();
        children
            .iter()
            .flatten()
            .map(|c| {
                c.log_tb.set(false);
                match &*c.state.borrow() {
                    FutState::Cancelled(msg) => {
                        let msg = msg.clone().unwrap_or(Value::Str("".into()));
                        make_exc(&interp.class("CancelledError"), vec![msg])
                    }
                    FutState::Exception(e) => e.clone(),
                    FutState::Result(v) => v.clone(),
                    FutState::Pending => Value::None,
                }
            })
            .collect()
    };
    if outer.cancel_requested.get() {
        // CPython's loop variable: the last of the children, whichever finished last.
        let last = outer.gather_children.borrow().as_ref().and_then(|c| c.last().cloned());
        let exc = match last {
            Some(f) => f.make_cancelled_error(&cx, f.cancel_message()),
            None => cancelled_error(&cx, None),
        };
        outer.finish(FutState::Exception(exc));
    } else {
        outer.finish(FutState::Result(Value::List(Rc::new(RefCell::new(results.into())))));
    }
}

fn release_waiter(waiter: &Rc<FutureObj>) {
    if !waiter.done() {
        waiter.finish(FutState::Result(Value::None));
    }
}

async fn cancel_and_wait(cx: &Cx, fut: &Rc<FutureObj>) -> Result<(), Ctrl> {
    let waiter = FutureObj::new(&cx.interp, None);
    let w = waiter.clone();
    let id = fut.on_done(super::futrepr::RELEASE_WAITER, move |_| release_waiter(&w));
    fut.cancel(None);
    let r = await_future(cx, waiter).await;
    fut.remove_callback(id);
    r.map(|_| ())
}

fn timeout_error(cx: &Cx, cause: Option<Value>) -> Ctrl {
    let e = make_exc(&cx.interp.class("TimeoutError"), vec![]);
    if let Some(c) = cause {
        crate::interp::exc::raised_from(&e, c);
    }
    Ctrl::Exc(e)
}

/// `asyncio.wait_for(aw, timeout)` (3.11's version).
pub fn wait_for(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let aw = a.get(0, "fut").unwrap_or(Value::None);
    let timeout = a.get(1, "timeout").unwrap_or(Value::None);
    let cx2 = cx.detached();
    Ok(coro(cx, "wait_for", async move {
        let cx = cx2;
        running(&cx)?;
        let timeout = match timeout {
            Value::None => return cx.await_value(aw).await,
            other => super::funcs::seconds(&cx, &other)?,
        };
        let fut = ensure_future(&cx, &aw, None)?;
        drop(aw);
        if timeout <= 0.0 {
            if fut.done() {
                return fut.result(&cx);
            }
            cancel_and_wait(&cx, &fut).await?;
            return match fut.result(&cx) {
                Err(Ctrl::Exc(e)) if crate::interp::exc::is_instance_of(&cx.interp, &e, "CancelledError") => {
                    Err(timeout_error(&cx, Some(e)))
                }
                other => other,
            };
        }
        let waiter = FutureObj::new(&cx.interp, None);
        let w = waiter.clone();
        let handle = call_later(&cx.interp, timeout, move || release_waiter(&w));
        let w = waiter.clone();
        let cb = fut.on_done(super::futrepr::RELEASE_WAITER, move |_| release_waiter(&w));
        let result = async {
            if let Err(e) = await_future(&cx, waiter).await {
                if fut.done() {
                    return fut.result(&cx);
                }
                fut.remove_callback(cb);
                cancel_and_wait(&cx, &fut).await?;
                return Err(e);
            }
            if fut.done() {
                return fut.result(&cx);
            }
            fut.remove_callback(cb);
            cancel_and_wait(&cx, &fut).await?;
            match fut.result(&cx) {
                Err(Ctrl::Exc(e)) if crate::interp::exc::is_instance_of(&cx.interp, &e, "CancelledError") => {
                    Err(timeout_error(&cx, Some(e)))
                }
                other => other,
            }
        }
        .await;
        cancel_timer(&cx.interp, handle);
        result
    }))
}

/// `asyncio.shield(aw)`.
pub fn shield(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let inner = ensure_future(cx, a.pos.first().unwrap_or(&Value::None), None)?;
    if inner.done() {
        return Ok(Value::Fut(inner));
    }
    let outer = FutureObj::new(&cx.interp, None);
    let weak_outer = Rc::downgrade(&outer);
    let interp = cx.interp.clone();
    let cb = inner.on_done(super::futrepr::SHIELD_INNER, move |inner| {
        let cx = Cx::module(&interp);
        let Some(outer) = weak_outer.upgrade() else { return };
        if outer.cancelled() {
            if !inner.cancelled() {
                let _ = inner.exception(&cx);
            }
            return;
        }
        if inner.cancelled() {
            outer.cancel(None);
        } else {
            match inner.exception(&cx) {
                Ok(Value::None) => {
                    let v = inner.result(&cx).unwrap_or(Value::None);
                    outer.finish(FutState::Result(v));
                }
                Ok(e) => {
                    outer.finish(FutState::Exception(e));
                }
                Err(_) => {}
            }
        }
    });
    let inner2 = inner.clone();
    outer.on_done(super::futrepr::SHIELD_OUTER, move |_| {
        if !inner2.done() {
            inner2.remove_callback(cb);
        }
    });
    Ok(Value::Fut(outer))
}
