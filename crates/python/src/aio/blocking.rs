//! Waits that block the event loop, as CPython's do: the end of a pool's `with` block
//! (`Executor.shutdown(wait=True)`), and `result()` of a `concurrent.futures.Future` that is
//! not done. CPython's loop thread stops there: no callback, step or timer runs until the
//! pool's workers are done, and what came due meanwhile runs afterwards, in order.
//!
//! The browser's main thread cannot stop and still hear its workers, so a blocked task's
//! step is suspended instead, and the loop is held by a gate: every callback of the program's
//! loop passes [`call_soon`]'s gate as it runs, and while a step is blocked the gate keeps
//! them, in order, for when the block ends. Then the blocked step goes on at once, and the
//! callbacks kept run after it, in their order. At module level (no loop running) the
//! program's code simply waits.

use super::future::Yielded;
use crate::interp::{Ctrl, Cx, Interp};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// What must be true for a blocked step to go on.
pub type Ready = Rc<dyn Fn() -> bool>;

/// The loop's gate: whether a step is blocked, and the callbacks kept meanwhile.
#[derive(Default)]
pub struct Gate {
    blocked: Cell<bool>,
    /// No loop runs (between two runs of a loop the program drives itself, `aio::legacy`).
    paused: Cell<bool>,
    kept: RefCell<VecDeque<Box<dyn FnOnce()>>>,
    /// Timers that came due meanwhile: CPython's loop takes them after the ready callbacks.
    kept_timers: RefCell<VecDeque<Box<dyn FnOnce()>>>,
    waker: RefCell<Option<Waker>>,
}

impl Gate {
    /// Wakes what waits for a block's end (a pool's job ended, or Stop was pressed).
    pub fn wake(&self) {
        let waker = self.waker.borrow_mut().take();
        if let Some(w) = waker {
            w.wake();
        }
    }

    /// Runs `f` now, or keeps it in `queue` while a step is blocked.
    fn pass(&self, queue: &RefCell<VecDeque<Box<dyn FnOnce()>>>, f: Box<dyn FnOnce()>) {
        if self.blocked.get() || self.paused.get() {
            queue.borrow_mut().push_back(f);
        } else {
            f();
        }
    }
}

/// Until `ready()` (or the run is stopped): woken by [`Gate::wake`].
async fn until(interp: &Interp, ready: &Ready) {
    std::future::poll_fn(|task| {
        if ready() || stopped(interp) {
            return Poll::Ready(());
        }
        *interp.gate.waker.borrow_mut() = Some(task.waker().clone());
        Poll::Pending
    })
    .await
}

/// Schedules `f` on the program's loop (`loop.call_soon`): it runs at the next loop step,
/// or, if a step is blocked then, once the block has ended.
pub fn call_soon(interp: &Rc<Interp>, f: impl FnOnce() + 'static) {
    schedule(interp, Box::new(f));
}

/// [`call_soon`] of a boxed callback: one copy of its code, whatever the callback.
fn schedule(interp: &Rc<Interp>, f: Box<dyn FnOnce()>) {
    let weak = Rc::downgrade(interp);
    playground_core::aio::call_soon(&interp.rt, move || {
        let Some(interp) = weak.upgrade() else { return };
        interp.gate.pass(&interp.gate.kept, f);
    });
}

/// The loop stops running (a run of `loop.run_until_complete` is over): what is scheduled
/// or comes due from now on waits for the next run.
pub fn pause_loop(interp: &Interp) {
    interp.gate.paused.set(true);
}

/// The loop runs again: what waited is scheduled, in order, the callbacks first, then the
/// timers that came due.
pub fn resume_loop(interp: &Rc<Interp>) {
    if !interp.gate.paused.replace(false) {
        return;
    }
    release(interp);
}

/// Schedules again, in order, what the gate kept in `queue`.
fn reschedule(interp: &Rc<Interp>, queue: &RefCell<VecDeque<Box<dyn FnOnce()>>>) {
    let kept = std::mem::take(&mut *queue.borrow_mut());
    for f in kept {
        schedule(interp, f);
    }
}

/// Schedules again what the gate kept: the callbacks, then the timers.
fn release(interp: &Rc<Interp>) {
    reschedule(interp, &interp.gate.kept);
    reschedule(interp, &interp.gate.kept_timers);
}

/// Drops what the gate kept (the loop is closed: CPython clears its ready queue).
pub fn drop_kept(interp: &Interp) {
    let kept = std::mem::take(&mut *interp.gate.kept.borrow_mut());
    let timers = std::mem::take(&mut *interp.gate.kept_timers.borrow_mut());
    drop((kept, timers));
}

/// Runs a timer's callback that has come due, or keeps it while a step is blocked.
pub fn run_timer(interp: &Interp, f: impl FnOnce() + 'static) {
    interp.gate.pass(&interp.gate.kept_timers, Box::new(f));
}

/// Waits until `ready()` without letting the loop run (see the module's notes). With Stop
/// pressed twice meanwhile, raises `KeyboardInterrupt` there.
pub async fn block_until(cx: &Cx, ready: Ready) -> Result<(), Ctrl> {
    if !ready() && cx.interp.current_task.borrow().is_some() {
        super::task::suspend(&cx.interp, Yielded::Block(ready.clone())).await?;
    }
    until(&cx.interp, &ready).await;
    match ready() {
        true => Ok(()),
        false => Err(cx.err("KeyboardInterrupt", "")),
    }
}

/// Whether a block ends without what it waits for: as in CPython, the first Ctrl-C (Stop)
/// only cancels `main` (its `CancelledError` comes once the block is over); the second
/// raises `KeyboardInterrupt` where the program is blocked.
fn stopped(interp: &Interp) -> bool {
    interp.interrupts.get() > 1 || interp.fatal.borrow().is_some()
}

/// A task's step blocked until `ready()`: the gate holds the loop; at the end the callbacks
/// kept are scheduled again, in their order, the step goes on at once (`resume`), and the
/// timers that came due are scheduled after what it schedules (CPython's loop moves them to
/// its ready queue in the next iteration).
pub fn hold(interp: &Rc<Interp>, ready: Ready, resume: impl FnOnce() + 'static) {
    interp.gate.blocked.set(true);
    let i = interp.clone();
    interp.rt.clone().spawn(Box::pin(async move {
        until(&i, &ready).await;
        i.gate.blocked.set(false);
        reschedule(&i, &i.gate.kept);
        resume();
        reschedule(&i, &i.gate.kept_timers);
    }));
}

/// `result()` and `exception()` of a `concurrent.futures.Future`: a coroutine the call awaits
/// at once, which blocks until the future is done.
pub fn future_wait(name: &str) -> crate::value::NativeFn {
    match name {
        "exception" => |cx, this, _| wait_then(cx, this, |cx, f| f.exception(cx)),
        _ => |cx, this, _| wait_then(cx, this, |cx, f| f.result(cx)),
    }
}

fn wait_then(
    cx: &Cx,
    this: &crate::value::Value,
    then: fn(&Cx, &super::future::FutureObj) -> Result<crate::value::Value, Ctrl>,
) -> Result<crate::value::Value, Ctrl> {
    let crate::value::Value::Fut(f) = this else { return Err(cx.type_err("not a future")) };
    let (f, cx2) = (f.clone(), cx.detached());
    Ok(super::funcs::coro(cx, "result", async move {
        let fut = f.clone();
        block_until(&cx2, Rc::new(move || fut.done())).await?;
        then(&cx2, &f)
    }))
}

/// `Executor.shutdown(wait)` (and the end of its `with` block): it takes no more calls, and
/// with `wait` the caller blocks (the loop with it) until its calls are done, as CPython's.
pub(super) fn shutdown(cx: &Cx, this: &crate::value::Value, wait: bool) -> Result<crate::value::Value, Ctrl> {
    let (id, _) = super::pool::pool_of(this).ok_or_else(|| cx.type_err("not an executor"))?;
    if let Some(p) = cx.interp.pools.borrow_mut().get_mut(&id) {
        p.shut = true;
    }
    let cx2 = cx.detached();
    Ok(super::funcs::coro(cx, "shutdown", async move {
        if wait {
            let interp = Rc::downgrade(&cx2.interp);
            let idle = move || {
                interp.upgrade().is_none_or(|i| i.pools.borrow().get(&id).is_none_or(super::pool::PoolState::idle))
            };
            block_until(&cx2, Rc::new(idle)).await?;
        }
        Ok(crate::value::Value::None)
    }))
}

/// Waits until no pool job is running (asyncio.run's `shutdown_default_executor`).
pub struct WaitIdle(Rc<Interp>);

impl std::future::Future for WaitIdle {
    type Output = ();
    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        // After Ctrl-C (Stop) the calls still running are abandoned, not waited for.
        if self.0.pool_jobs.get() == 0 || self.0.fatal.borrow().is_some() || self.0.interrupts.get() > 0 {
            return Poll::Ready(());
        }
        *self.0.main_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// Waits until no pool job is running.
pub fn wait_idle(interp: &Rc<Interp>) -> WaitIdle {
    WaitIdle(interp.clone())
}
