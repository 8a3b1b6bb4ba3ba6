//! `asyncio.wait` and `asyncio.as_completed` (3.11's versions).

use super::funcs::{coro, ensure_future};
use super::future::{await_future, FutState, FutureObj};
use super::queue::QueueObj;
use super::timer::{call_later, cancel_timer};
use crate::interp::{Ctrl, Cx};
use crate::value::{hash_key, Args, Dict, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn set_of(futs: Vec<Rc<FutureObj>>) -> Value {
    let mut d = Dict::new();
    for f in futs {
        let v = Value::Fut(f);
        d.insert(hash_key(&v).expect("futures hash by identity"), v, Value::None);
    }
    Value::Set(Rc::new(RefCell::new(d)))
}

fn timeout_of(cx: &Cx, v: Option<Value>) -> Result<Option<f64>, Ctrl> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(i as f64)),
        Some(Value::Float(f)) => Ok(Some(f)),
        Some(_) => Err(cx.type_err("timeout must be a number")),
    }
}

/// `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`.
pub fn wait(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let fs = a.get(0, "fs").unwrap_or(Value::None);
    let timeout = timeout_of(cx, a.take_kw("timeout"))?;
    let when = a.take_kw("return_when").map(|v| cx.to_str(&v)).transpose()?.unwrap_or_else(|| "ALL_COMPLETED".into());
    if matches!(fs, Value::Fut(_) | Value::Coro(_)) {
        return Err(cx.type_err(format!("expect a list of futures, not {}", crate::format::type_name(&fs))));
    }
    let items = cx.iterate(&fs)?;
    if items.is_empty() {
        return Err(cx.err("ValueError", "Set of Tasks/Futures is empty."));
    }
    if !["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"].contains(&when.as_str()) {
        return Err(cx.err("ValueError", format!("Invalid return_when value: {when}")));
    }
    let mut futs: Vec<Rc<FutureObj>> = Vec::new();
    for item in &items {
        match item {
            Value::Coro(_) => return Err(cx.type_err("Passing coroutines is forbidden, use tasks explicitly.")),
            Value::Fut(f) => {
                if !futs.iter().any(|g| Rc::ptr_eq(g, f)) {
                    futs.push(f.clone());
                }
            }
            _ => return Err(cx.type_err(super::funcs::NOT_AWAITABLE)),
        }
    }
    let cx2 = cx.detached();
    Ok(coro(cx, "wait", async move {
        let cx = cx2;
        let waiter = FutureObj::new(&cx.interp, None);
        let handle = timeout.map(|t| {
            let w = waiter.clone();
            call_later(&cx.interp, t, move || {
                if !w.done() {
                    w.finish(FutState::Result(Value::None));
                }
            })
        });
        let counter = Rc::new(Cell::new(futs.len()));
        let mut ids = Vec::new();
        for f in &futs {
            let (w, counter, when, interp) = (waiter.clone(), counter.clone(), when.clone(), cx.interp.clone());
            ids.push(f.on_done(super::futrepr::WAIT_DONE, move |f| {
                counter.set(counter.get().saturating_sub(1));
                let failed = !f.cancelled() && matches!(&*f.state.borrow(), FutState::Exception(_));
                if counter.get() == 0 || when == "FIRST_COMPLETED" || (when == "FIRST_EXCEPTION" && failed) {
                    if let Some(h) = handle {
                        cancel_timer(&interp, h);
                    }
                    if !w.done() {
                        w.finish(FutState::Result(Value::None));
                    }
                }
            }));
        }
        let r = await_future(&cx, waiter).await;
        if let Some(h) = handle {
            cancel_timer(&cx.interp, h);
        }
        for (f, id) in futs.iter().zip(ids) {
            f.remove_callback(id);
        }
        r?;
        let (done, pending): (Vec<_>, Vec<_>) = futs.into_iter().partition(|f| f.done());
        Ok(Value::Tuple(Rc::new(vec![set_of(done), set_of(pending)])))
    }))
}

/// `asyncio.as_completed(fs, timeout=None)`: a generator of coroutines, each the next to
/// finish. As in 3.11's tasks.py, its body runs when it is first asked for an item: only then
/// are tasks made of the coroutines given and the timeout started; then it makes one
/// `_wait_for_one()` coroutine per future, each when asked for.
pub fn as_completed(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let fs = a.get(0, "fs").unwrap_or(Value::None);
    let timeout = a.take_kw("timeout");
    let cx = cx.detached();
    let mut args = Some((fs, timeout));
    let mut left = 0;
    let mut done: Option<Rc<QueueObj>> = None;
    let body = move || -> Result<Option<Value>, Ctrl> {
        if let Some((fs, timeout)) = args.take() {
            let (queue, n) = as_completed_start(&cx, fs, timeout)?;
            done = Some(queue);
            left = n;
        }
        let Some(done) = done.clone().filter(|_| left > 0) else { return Ok(None) };
        left -= 1;
        let cx2 = cx.detached();
        Ok(Some(coro(&cx, "as_completed.<locals>._wait_for_one", async move {
            let f = done.get(&cx2).await?;
            match f {
                Value::Fut(f) => f.result(&cx2),
                _ => Err(Ctrl::Exc(crate::interp::exc::make_exc(&cx2.interp.class("TimeoutError"), vec![]))),
            }
        })))
    };
    Ok(crate::interp::lazy::generator(crate::interp::lazy::Lazy::Native(Box::new(body)), "as_completed".into()))
}

/// What `as_completed`'s body does before its first item: the futures to wait for (tasks made
/// of coroutines), their done callbacks and the timeout; the queue they are put in as they
/// finish (`None` for each left when the timeout fires), and how many there are.
fn as_completed_start(cx: &Cx, fs: Value, timeout: Option<Value>) -> Result<(Rc<QueueObj>, usize), Ctrl> {
    if matches!(fs, Value::Fut(_) | Value::Coro(_)) {
        return Err(cx.type_err(format!("expect an iterable of futures, not {}", crate::format::type_name(&fs))));
    }
    let timeout = timeout_of(cx, timeout)?;
    let mut todo: Vec<Rc<FutureObj>> = Vec::new();
    for item in cx.iterate(&fs)? {
        let f = ensure_future(cx, &item, None)?;
        if !todo.iter().any(|g| Rc::ptr_eq(g, &f)) {
            todo.push(f);
        }
    }
    let n = todo.len();
    let done = Rc::new(QueueObj::new(0));
    let todo = Rc::new(RefCell::new(todo));
    let handle: Rc<Cell<Option<u64>>> = Rc::new(Cell::new(None));
    let list: Vec<Rc<FutureObj>> = todo.borrow().clone();
    for f in &list {
        let (todo, done, handle, interp) = (todo.clone(), done.clone(), handle.clone(), cx.interp.clone());
        f.on_done(super::futrepr::AS_COMPLETED_DONE, move |f| {
            if todo.borrow().is_empty() {
                return;
            }
            todo.borrow_mut().retain(|g| !Rc::ptr_eq(g, &f));
            done.put_nowait_value(Value::Fut(f));
            if todo.borrow().is_empty() {
                if let Some(h) = handle.get() {
                    cancel_timer(&interp, h);
                }
            }
        });
    }
    if let (Some(t), false) = (timeout, list.is_empty()) {
        let (todo, done) = (todo.clone(), done.clone());
        handle.set(Some(call_later(&cx.interp, t, move || {
            let left = std::mem::take(&mut *todo.borrow_mut());
            for _ in left {
                done.put_nowait_value(Value::None);
            }
        })));
    }
    Ok((done, n))
}
