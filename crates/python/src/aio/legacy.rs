//! The event loop as older programs drive it: `asyncio.get_event_loop()` at module level,
//! `new_event_loop`, `set_event_loop`, and a loop's `run_until_complete`, `run_forever`,
//! `stop`, `close` and `is_closed`, as 3.11's `events.py` and `base_events.py` build them.
//!
//! The program has one loop machinery; a loop object is a handle on it with its own state
//! (closed, stopping). Between runs the loop does not run: what is scheduled meanwhile
//! (callbacks, timers that come due) waits for the next run, in order ([`super::blocking`]'s
//! gate). A loop closed with tasks still pending frees them when the program ends
//! ([`super::destroy`]).

use super::funcs::{coro, ensure_future, WaitDone};
use super::future::FutureObj;
use super::native::Native;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};
use std::cell::Cell;
use std::rc::Rc;

/// A loop object's own state.
#[derive(Default)]
pub struct LoopState {
    /// `loop.close()` was called.
    pub closed: Cell<bool>,
    /// `loop.stop()` was called: the running loop ends after this iteration.
    pub stopping: Cell<bool>,
    /// It runs now (in `run_until_complete`, `run_forever` or `asyncio.run`).
    pub running: Cell<bool>,
}

/// A new loop object (`asyncio.new_event_loop()`).
pub fn new_loop() -> Value {
    Value::Native(Rc::new(Native::Loop(LoopState::default())))
}

fn state_of(v: &Value) -> Option<&LoopState> {
    match v {
        Value::Native(n) => match &**n {
            Native::Loop(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A loop made running, as `asyncio.run` makes its own.
pub fn running_loop() -> Value {
    let l = new_loop();
    if let Some(s) = state_of(&l) {
        s.running.set(true);
    }
    l
}

/// `asyncio.run`'s loop at its end: not running, closed.
pub fn closed_by_run(l: &Value) {
    if let Some(s) = state_of(l) {
        s.running.set(false);
        s.closed.set(true);
    }
}

/// Whether `this` is the loop running now.
pub fn is_running(this: &Value) -> bool {
    state_of(this).is_some_and(|s| s.running.get())
}

impl LoopState {
    /// CPython's repr: `<_UnixSelectorEventLoop running=False closed=False debug=False>`.
    pub fn repr(&self) -> String {
        let cap = |b: bool| if b { "True" } else { "False" };
        let (running, closed) = (cap(self.running.get()), cap(self.closed.get()));
        format!("<_UnixSelectorEventLoop running={running} closed={closed} debug=False>")
    }
}

/// `asyncio.get_event_loop()`: the running loop, or else the policy's loop for the main
/// thread (made on the first call, unless `set_event_loop` was called).
pub fn get_event_loop(cx: &Cx, this: &Value, a: Args) -> Result<Value, Ctrl> {
    if cx.interp.loop_running.get() && cx.place == crate::interp::Place::Loop {
        return super::funcs::get_running_loop(cx, this, a);
    }
    if cx.place != crate::interp::Place::Loop {
        return Err(cx.err("RuntimeError", "There is no current event loop in a pool's worker thread."));
    }
    let current = cx.interp.policy_loop.borrow().clone();
    if let Some(l) = current {
        return Ok(l);
    }
    if cx.interp.policy_set.get() {
        return Err(cx.err("RuntimeError", "There is no current event loop in thread 'MainThread'."));
    }
    let l = new_loop();
    *cx.interp.policy_loop.borrow_mut() = Some(l.clone());
    Ok(l)
}

/// `asyncio.set_event_loop(loop)`.
pub fn set_event_loop(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let l = a.pos.first().cloned().unwrap_or(Value::None);
    if !matches!(l, Value::None) && state_of(&l).is_none() {
        return Err(cx.type_err(format!(
            "loop must be an instance of AbstractEventLoop or None, not '{}'",
            crate::format::type_name(&l)
        )));
    }
    cx.interp.policy_set.set(true);
    *cx.interp.policy_loop.borrow_mut() = (!matches!(l, Value::None)).then_some(l);
    Ok(Value::None)
}

/// What must hold for `this` to run (`_check_closed` and `_check_running`): not closed, not
/// running, no other loop running, and in the program's thread.
fn check_can_run(cx: &Cx, this: &Value) -> Result<(), Ctrl> {
    let state = state_of(this).ok_or_else(|| cx.type_err("not an event loop"))?;
    if state.closed.get() {
        return Err(cx.err("RuntimeError", "Event loop is closed"));
    }
    if is_running(this) {
        return Err(cx.err("RuntimeError", "This event loop is already running"));
    }
    if cx.interp.loop_running.get() {
        return Err(cx.err("RuntimeError", "Cannot run the event loop while another loop is running"));
    }
    if cx.place != crate::interp::Place::Loop {
        return Err(
            cx.err("RuntimeError", "running an event loop in a pool's worker is not supported by the playground")
        );
    }
    Ok(())
}

/// `loop.run_until_complete(future)`: runs the loop until the future (a task made of a
/// coroutine) is done; its result, or its exception raised.
pub fn run_until_complete(cx: &Cx, this: &Value, a: Args) -> Result<Value, Ctrl> {
    check_can_run(cx, this)?;
    let given = a.pos.first().cloned().unwrap_or(Value::None);
    let new_task = !matches!(given, Value::Fut(_));
    let fut = ensure_future(cx, &given, None)?;
    if let (true, Some(t)) = (new_task, &fut.task) {
        // An exception is raised if it did not complete: no "destroyed" message for it.
        t.log_destroy_pending.set(false);
    }
    run(cx, this, Some(fut))
}

/// `loop.run_forever()`: runs the loop until `loop.stop()`.
pub fn run_forever(cx: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    check_can_run(cx, this)?;
    run(cx, this, None)
}

/// The coroutine the call awaits: it runs the loop until `fut` is done (`None`: until
/// `stop()`), then stops it; Stop meanwhile raises `KeyboardInterrupt` here.
fn run(cx: &Cx, this: &Value, fut: Option<Rc<FutureObj>>) -> Result<Value, Ctrl> {
    let (cx, this) = (cx.detached(), this.clone());
    let name = if fut.is_some() { "run_until_complete" } else { "run_forever" };
    Ok(coro(&cx.clone(), name, async move {
        let interp = cx.interp.clone();
        enter(&interp, &this);
        WaitDone::new(&interp, fut.iter().cloned().collect(), Some(this.clone())).await;
        leave(&interp, &this);
        if let Some(m) = interp.fatal.borrow().clone() {
            return Err(Ctrl::Fatal(m));
        }
        if interp.interrupt_pending.replace(false) {
            return Err(Ctrl::Exc(cx.exc("KeyboardInterrupt", "")));
        }
        match fut {
            None => Ok(Value::None),
            Some(f) if !f.done() => Err(cx.err("RuntimeError", "Event loop stopped before Future completed.")),
            Some(f) => f.result(&cx),
        }
    }))
}

/// The loop `l` starts running (`events._set_running_loop`): what waited for its next run
/// is scheduled.
pub(super) fn enter(interp: &Rc<crate::interp::Interp>, l: &Value) {
    interp.loop_running.set(true);
    if let Some(s) = state_of(l) {
        s.running.set(true);
    }
    interp.globals.vars.borrow_mut().insert("\0loop".into(), l.clone());
    super::blocking::resume_loop(interp);
}

/// The loop `l` stops running: from now on what is scheduled waits for its next run.
pub(super) fn leave(interp: &Rc<crate::interp::Interp>, l: &Value) {
    if let Some(s) = state_of(l) {
        s.stopping.set(false);
        s.running.set(false);
    }
    interp.loop_running.set(false);
    let old = interp.globals.vars.borrow_mut().remove("\0loop");
    drop(old);
    super::blocking::pause_loop(interp);
}

/// Whether `l` is a loop whose `stop()` was called.
pub fn is_stopping(l: &Value) -> bool {
    state_of(l).is_some_and(|s| s.stopping.get())
}

/// `loop.stop()`.
pub fn stop(cx: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    if let Some(s) = state_of(this) {
        s.stopping.set(true);
        cx.interp.wake_main();
    }
    Ok(Value::None)
}

/// `loop.close()`: what is scheduled is dropped; tasks still pending are freed when the
/// program ends ([`super::destroy`]).
pub fn close(cx: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    let Some(state) = state_of(this) else { return Ok(Value::None) };
    if is_running(this) {
        return Err(cx.err("RuntimeError", "Cannot close a running event loop"));
    }
    if state.closed.replace(true) {
        return Ok(Value::None);
    }
    super::timer::cancel_all(&cx.interp);
    super::blocking::drop_kept(&cx.interp);
    let pending = super::task::pending_tasks(&cx.interp);
    cx.interp.destroyed.borrow_mut().extend(pending);
    Ok(Value::None)
}

/// Whether `v` is a closed loop.
pub fn is_closed_loop(v: &Value) -> bool {
    state_of(v).is_some_and(|s| s.closed.get())
}

/// `loop.is_closed()`.
pub fn is_closed(_: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    Ok(Value::Bool(is_closed_loop(this)))
}

/// The error for `loop.name` when CPython's loop has it and the playground does not.
pub fn not_supported(cx: &Cx, name: &str) -> Option<Ctrl> {
    crate::tables::LOOP_NOT_SUPPORTED
        .contains(&name)
        .then(|| cx.err("RuntimeError", format!("loop.{name}() is not supported by the playground")))
}

/// `loop.shutdown_asyncgens()`: a coroutine. The playground closes an asynchronous generator
/// left unfinished when it is dropped, not here (see the crate's README).
pub fn shutdown_asyncgens(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    Ok(coro(cx, "BaseEventLoop.shutdown_asyncgens", async { Ok(Value::None) }))
}

/// `loop.shutdown_default_executor()`: a coroutine that waits for the calls still running in
/// the pools' workers.
pub fn shutdown_default_executor(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    let cx2 = cx.detached();
    Ok(coro(cx, "BaseEventLoop.shutdown_default_executor", async move {
        if cx2.interp.pool_jobs.get() == 0 {
            return Ok(Value::None);
        }
        let idle = FutureObj::new(&cx2.interp, None);
        cx2.interp.idle_waiters.borrow_mut().push(idle.clone());
        super::future::await_future(&cx2, idle).await.map(|_| Value::None)
    }))
}
