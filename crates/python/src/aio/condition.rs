//! `asyncio.Condition`, as in CPython 3.11's locks.py.

use super::funcs::coro;
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use super::sync::LockObj;
use crate::interp::exc::is_instance_of;
use crate::interp::{call_sync, Ctrl, Cx};
use crate::value::{Args, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A condition: its lock and the futures of its waiters.
pub struct ConditionObj {
    lock: LockObj,
    waiters: RefCell<Vec<Rc<FutureObj>>>,
}

impl ConditionObj {
    /// A condition with a lock of its own.
    pub fn new() -> ConditionObj {
        ConditionObj { lock: LockObj::new(false, 0), waiters: RefCell::new(Vec::new()) }
    }

    /// `await wait()`: releases the lock, waits to be notified, takes the lock again.
    pub(super) async fn wait(&self, cx: &Cx) -> Result<Value, Ctrl> {
        if !self.lock.locked() {
            return Err(cx.err("RuntimeError", "cannot wait on un-acquired lock"));
        }
        self.lock.release(cx)?;
        let fut = FutureObj::new(&cx.interp, None);
        self.waiters.borrow_mut().push(fut.clone());
        let waited = await_future(cx, fut.clone()).await;
        self.waiters.borrow_mut().retain(|w| !Rc::ptr_eq(w, &fut));
        let mut cancelled = false;
        loop {
            match self.lock.acquire(cx).await {
                Ok(_) => break,
                Err(Ctrl::Exc(e)) if is_instance_of(&cx.interp, &e, "CancelledError") => cancelled = true,
                Err(other) => return Err(other),
            }
        }
        if cancelled {
            return Err(cx.err("CancelledError", ""));
        }
        waited.map(|_| Value::Bool(true))
    }

    /// `await acquire()` of its lock.
    pub(super) async fn acquire(&self, cx: &Cx) -> Result<Value, Ctrl> {
        self.lock.acquire(cx).await
    }

    /// `release()` of its lock.
    pub(super) fn release(&self, cx: &Cx) -> Result<Value, Ctrl> {
        self.lock.release(cx)
    }

    /// `notify(n)`: wakes up to `n` waiters.
    pub(super) fn notify(&self, cx: &Cx, n: usize) -> Result<Value, Ctrl> {
        if !self.lock.locked() {
            return Err(cx.err("RuntimeError", "cannot notify on un-acquired lock"));
        }
        let waiters = self.waiters.borrow().clone();
        let mut done = 0;
        for f in waiters {
            if done >= n {
                break;
            }
            if !f.done() {
                done += 1;
                f.finish(FutState::Result(Value::Bool(false)));
            }
        }
        Ok(Value::None)
    }
}

impl Default for ConditionObj {
    fn default() -> Self {
        ConditionObj::new()
    }
}

fn cond(this: &Value) -> Option<Rc<Native>> {
    match this {
        Value::Native(n) if matches!(**n, Native::Condition(_)) => Some(n.clone()),
        _ => None,
    }
}

macro_rules! async_method {
    ($cx:expr, $this:expr, $name:expr, |$c:ident, $cx2:ident| $body:expr) => {{
        let n = cond($this).ok_or_else(|| $cx.type_err("not a Condition"))?;
        let $cx2 = $cx.detached();
        Ok(coro($cx, $name, async move {
            let Native::Condition($c) = &*n else { return Ok(Value::None) };
            $body
        }))
    }};
}

/// `asyncio.Condition`'s methods.
pub fn condition_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "acquire" => |cx, this, _| async_method!(cx, this, "Lock.acquire", |c, cx2| c.lock.acquire(&cx2).await),
        "__aenter__" => |cx, this, _| {
            async_method!(cx, this, "_ContextManagerMixin.__aenter__", |c, cx2| c
                .lock
                .acquire(&cx2)
                .await
                .map(|_| Value::None))
        },
        "release" => |cx, this, _| match cond(this).as_deref() {
            Some(Native::Condition(c)) => c.lock.release(cx),
            _ => Err(cx.type_err("not a Condition")),
        },
        "__aexit__" => |cx, this, _| {
            if let Some(Native::Condition(c)) = cond(this).as_deref() {
                c.lock.release(cx)?;
            }
            Ok(coro(cx, "_ContextManagerMixin.__aexit__", async { Ok(Value::None) }))
        },
        "locked" => |_, this, _| match cond(this).as_deref() {
            Some(Native::Condition(c)) => Ok(Value::Bool(c.lock.locked())),
            _ => Ok(Value::Bool(false)),
        },
        "wait" => |cx, this, _| async_method!(cx, this, "Condition.wait", |c, cx2| c.wait(&cx2).await),
        "wait_for" => |cx, this, a| {
            let predicate = a.pos.first().cloned().unwrap_or(Value::None);
            async_method!(cx, this, "Condition.wait_for", |c, cx2| {
                let mut result = call_sync(&cx2, predicate.clone(), Args::default())?;
                while !crate::interp::ops::truthy(&result) {
                    c.wait(&cx2).await?;
                    result = call_sync(&cx2, predicate.clone(), Args::default())?;
                }
                Ok(result)
            })
        },
        "notify" => |cx, this, a| {
            let n = match a.pos.first() {
                Some(Value::Int(n)) => (*n).max(0) as usize,
                _ => 1,
            };
            match cond(this).as_deref() {
                Some(Native::Condition(c)) => c.notify(cx, n),
                _ => Err(cx.type_err("not a Condition")),
            }
        },
        "notify_all" => |cx, this, _| match cond(this).as_deref() {
            Some(Native::Condition(c)) => c.notify(cx, usize::MAX),
            _ => Err(cx.type_err("not a Condition")),
        },
        _ => return None,
    })
}
