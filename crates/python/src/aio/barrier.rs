//! `asyncio.Barrier` (new in 3.11), as `Lib/asyncio/locks.py` builds it: on a `Condition`,
//! with its states (filling, draining, resetting, broken) and the same waits, so that its
//! waiters wake in the same order.

use super::condition::ConditionObj;
use super::funcs::coro;
use super::native::Native;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, NativeFn, Value};
use std::cell::Cell;
use std::rc::Rc;

/// `_BarrierState`.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Filling,
    Draining,
    Resetting,
    Broken,
}

impl State {
    fn value(self) -> &'static str {
        match self {
            State::Filling => "filling",
            State::Draining => "draining",
            State::Resetting => "resetting",
            State::Broken => "broken",
        }
    }
}

/// A barrier: its condition, how many parties it waits for, its state and how many tasks are in it.
pub struct BarrierObj {
    cond: ConditionObj,
    parties: usize,
    state: Cell<State>,
    count: Cell<usize>,
}

/// `asyncio.Barrier(parties)`.
pub fn new_barrier(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let parties = match a.pos.first() {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i128,
        Some(other) => {
            let t = crate::format::type_name(other);
            return Err(cx.type_err(format!("'<' not supported between instances of '{t}' and 'int'")));
        }
        None => return Err(cx.type_err("Barrier.__init__() missing 1 required positional argument: 'parties'")),
    };
    if parties < 1 {
        return Err(cx.err("ValueError", "parties must be > 0"));
    }
    let b = BarrierObj {
        cond: ConditionObj::new(),
        parties: parties as usize,
        state: Cell::new(State::Filling),
        count: Cell::new(0),
    };
    Ok(Value::Native(Rc::new(Native::Barrier(b))))
}

impl BarrierObj {
    /// `n_waiting`: the tasks waiting while it fills.
    fn n_waiting(&self) -> usize {
        if self.state.get() == State::Filling {
            self.count.get()
        } else {
            0
        }
    }

    /// CPython's repr: `<asyncio.locks.Barrier object at 0x... [filling, waiters:2/3]>`.
    pub fn repr(&self, at: &str) -> String {
        let mut extra = self.state.get().value().to_string();
        if self.state.get() != State::Broken {
            extra += &format!(", waiters:{}/{}", self.n_waiting(), self.parties);
        }
        format!("<asyncio.locks.Barrier object at {at} [{extra}]>")
    }

    /// `await self._cond.wait_for(predicate)`.
    async fn wait_until(&self, cx: &Cx, ready: impl Fn(State) -> bool) -> Result<(), Ctrl> {
        while !ready(self.state.get()) {
            self.cond.wait(cx).await?;
        }
        Ok(())
    }

    /// `wait()`: the task's index, once `parties` tasks wait.
    async fn wait(&self, cx: &Cx) -> Result<Value, Ctrl> {
        self.cond.acquire(cx).await?;
        let r = self.wait_locked(cx).await;
        self.cond.release(cx)?;
        r
    }

    async fn wait_locked(&self, cx: &Cx) -> Result<Value, Ctrl> {
        // _block: while it drains or resets.
        self.wait_until(cx, |s| !matches!(s, State::Draining | State::Resetting)).await?;
        if self.state.get() == State::Broken {
            return Err(cx.err("BrokenBarrierError", "Barrier aborted"));
        }
        let index = self.count.get();
        self.count.set(index + 1);
        let r = if index + 1 == self.parties {
            // _release: the barrier drains.
            self.state.set(State::Draining);
            self.cond.notify(cx, usize::MAX).map(|_| ())
        } else {
            // _wait: until it no longer fills.
            match self.wait_until(cx, |s| s != State::Filling).await {
                Ok(()) if matches!(self.state.get(), State::Broken | State::Resetting) => {
                    Err(cx.err("BrokenBarrierError", "Abort or reset of barrier"))
                }
                other => other,
            }
        };
        // finally: one task fewer; the last one out lets it fill again.
        self.count.set(self.count.get() - 1);
        if self.count.get() == 0 {
            if matches!(self.state.get(), State::Resetting | State::Draining) {
                self.state.set(State::Filling);
            }
            self.cond.notify(cx, usize::MAX)?;
        }
        r.map(|_| Value::Int(index as i128))
    }

    /// `reset()` and `abort()` (`broken`): the waiters raise `BrokenBarrierError`.
    async fn reset(&self, cx: &Cx, abort: bool) -> Result<Value, Ctrl> {
        self.cond.acquire(cx).await?;
        if abort {
            self.state.set(State::Broken);
        } else if self.count.get() > 0 {
            self.state.set(State::Resetting);
        } else {
            self.state.set(State::Filling);
        }
        let r = self.cond.notify(cx, usize::MAX);
        self.cond.release(cx)?;
        r
    }
}

fn barrier(this: &Value) -> Option<Rc<Native>> {
    match this {
        Value::Native(n) if matches!(**n, Native::Barrier(_)) => Some(n.clone()),
        _ => None,
    }
}

/// What a barrier's `async def` methods give before they are awaited.
type BarrierFut<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Value, Ctrl>> + 'a>>;

/// Calls `f` on the barrier `this` inside a coroutine (its methods are `async def`).
fn later(
    cx: &Cx,
    this: &Value,
    name: &str,
    f: for<'a> fn(&'a BarrierObj, &'a Cx) -> BarrierFut<'a>,
) -> Result<Value, Ctrl> {
    let n = barrier(this).ok_or_else(|| cx.type_err("not a Barrier"))?;
    let cx2 = cx.detached();
    Ok(coro(cx, name, async move {
        let Native::Barrier(b) = &*n else { return Ok(Value::None) };
        f(b, &cx2).await
    }))
}

/// `asyncio.Barrier`'s methods and properties.
pub fn barrier_attr(b: &BarrierObj, this: &Value, name: &str) -> Option<Value> {
    let method = |f: NativeFn| super::native::bound(name, this, f);
    Some(match name {
        "parties" => Value::Int(b.parties as i128),
        "n_waiting" => Value::Int(b.n_waiting() as i128),
        "broken" => Value::Bool(b.state.get() == State::Broken),
        "wait" => method(|cx, this, _| later(cx, this, "Barrier.wait", |b, cx| Box::pin(b.wait(cx)))),
        "__aenter__" => method(|cx, this, _| later(cx, this, "Barrier.__aenter__", |b, cx| Box::pin(b.wait(cx)))),
        "__aexit__" => method(|cx, _, _| Ok(coro(cx, "Barrier.__aexit__", async { Ok(Value::None) }))),
        "reset" => method(|cx, this, _| later(cx, this, "Barrier.reset", |b, cx| Box::pin(b.reset(cx, false)))),
        "abort" => method(|cx, this, _| later(cx, this, "Barrier.abort", |b, cx| Box::pin(b.reset(cx, true)))),
        _ => return None,
    })
}
