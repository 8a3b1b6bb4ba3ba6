//! `asyncio.Runner` (3.11's `runners.py`), and the two halves of `asyncio.run` it is made of:
//! running a main task (`Runner.run`, with Ctrl-C cancelling it) and the shutdown
//! (`Runner.close`: every task still pending cancelled and waited for, then the loop closed).

use super::funcs::{coro, ensure_future, WaitDone};
use super::future::{FutState, FutureObj};
use super::native::Native;
use super::timer::cancel_all;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What `Runner.close` does once its main task is done: cancels the tasks still pending and
/// waits for them (an exception one raised is reported), counts the two shutdown coroutines
/// CPython runs as tasks, waits for the pools' calls, and cancels the timers left.
pub(super) async fn shutdown(cx: &Cx) {
    let interp = cx.interp.clone();
    let rest = super::task::pending_tasks(&interp);
    if interp.fatal.borrow().is_none() && !rest.is_empty() {
        for t in &rest {
            t.cancel(None);
        }
        WaitDone::new(&interp, rest.clone(), None).await;
        for t in &rest {
            if let FutState::Exception(e) = &*t.state.borrow() {
                t.log_tb.set(false);
                let text = format!(
                    "unhandled exception during asyncio.run() shutdown\ntask: {}\n{}\n",
                    t.repr(&mut |_, _| None),
                    crate::interp::exc::format_exception(&interp, e)
                );
                interp.write(&text, true, "main");
            }
        }
    }
    // CPython's runner then runs two more coroutines as tasks (shutdown_asyncgens and
    // shutdown_default_executor): they take the next two task names.
    interp.task_counter.set(interp.task_counter.get() + 2);
    super::blocking::wait_idle(&interp).await;
    interp.step_started();
    drop(rest);
    cancel_all(&interp);
}

/// The end of `Runner.close`, once the shutdown is over: its loop (if one was made) closed,
/// `set_event_loop(None)` (so `get_event_loop()` no longer makes one), the tasks done let go.
pub(super) fn closed(interp: &crate::interp::Interp, event_loop: Option<&Value>) {
    if let Some(l) = event_loop {
        super::legacy::closed_by_run(l);
    }
    interp.policy_set.set(true);
    let old = interp.policy_loop.borrow_mut().take();
    drop(old);
    interp.all_tasks.borrow_mut().retain(|w| w.upgrade().is_some_and(|t| !t.done()));
}

/// What `Runner.run` gives for its main task: its result, its exception, or, when Stop
/// (Ctrl-C) cancelled it and it did not uncancel, `KeyboardInterrupt`.
pub(super) fn outcome(cx: &Cx, task: &Rc<FutureObj>, interrupted: bool) -> Result<Value, Ctrl> {
    let interp = &cx.interp;
    if interrupted || (interp.interrupts.get() > 0 && task.cancelled() && uncancel(task) == 0) {
        // asyncio.Runner.run: a main task cancelled by Ctrl-C (and not uncancelled) is
        // KeyboardInterrupt, raised while handling the task's CancelledError.
        let interrupt = cx.exc("KeyboardInterrupt", "");
        if let (Value::Instance(i), Err(Ctrl::Exc(e))) = (&interrupt, task.result(cx)) {
            i.attrs.borrow_mut().insert("__context__".into(), e);
        }
        return Err(Ctrl::Exc(interrupt));
    }
    task.result(cx)
}

/// `task.uncancel()`: one cancellation request fewer; how many are left.
fn uncancel(task: &FutureObj) -> u32 {
    let Some(t) = &task.task else { return 0 };
    let n = t.num_cancels.get().saturating_sub(1);
    t.num_cancels.set(n);
    n
}

/// An `asyncio.Runner`: its loop once made, and its state.
#[derive(Default)]
pub struct RunnerObj {
    event_loop: RefCell<Option<Value>>,
    /// 0 made, 1 initialized (its loop made), 2 closed.
    state: Cell<u8>,
}

fn runner_of(v: &Value) -> Option<&RunnerObj> {
    match v {
        Value::Native(n) => match &**n {
            Native::Runner(r) => Some(r),
            _ => None,
        },
        _ => None,
    }
}

/// `asyncio.Runner(*, debug=None, loop_factory=None)`.
pub fn new_runner(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    if a.take_kw("loop_factory").is_some_and(|f| !matches!(f, Value::None)) {
        return Err(cx.err("RuntimeError", "asyncio.Runner's loop_factory is not supported by the playground"));
    }
    Ok(Value::Native(Rc::new(Native::Runner(RunnerObj::default()))))
}

/// `_lazy_init`: the runner's loop, made (and set as the current loop) the first time.
fn lazy_init(cx: &Cx, this: &Value) -> Result<Value, Ctrl> {
    let r = runner_of(this).ok_or_else(|| cx.type_err("not a Runner"))?;
    match r.state.get() {
        2 => Err(cx.err("RuntimeError", "Runner is closed")),
        1 => Ok(r.event_loop.borrow().clone().unwrap_or(Value::None)),
        _ => {
            let l = super::legacy::new_loop();
            cx.interp.policy_set.set(true);
            *cx.interp.policy_loop.borrow_mut() = Some(l.clone());
            *r.event_loop.borrow_mut() = Some(l.clone());
            r.state.set(1);
            Ok(l)
        }
    }
}

/// A runner's methods.
pub fn runner_method(name: &str) -> Option<crate::value::NativeFn> {
    Some(match name {
        "__enter__" => |cx, this, _| lazy_init(cx, this).map(|_| this.clone()),
        "get_loop" => |cx, this, _| lazy_init(cx, this),
        "run" => run,
        "close" | "__exit__" => close,
        _ => return None,
    })
}

/// Whether the call of a runner's method `name` awaits what it returns at once (it runs the loop).
pub fn runs_the_loop(name: &str) -> bool {
    matches!(name, "run" | "close" | "__exit__")
}

/// `Runner.run(coro)`: runs the loop until the task made of `coro` is done.
fn run(cx: &Cx, this: &Value, a: Args) -> Result<Value, Ctrl> {
    let main = a.pos.first().cloned().unwrap_or(Value::None);
    if !matches!(main, Value::Coro(_)) {
        return Err(cx.err("ValueError", format!("a coroutine was expected, got {}", cx.to_repr(&main)?)));
    }
    if cx.interp.loop_running.get() {
        return Err(cx.err("RuntimeError", "Runner.run() cannot be called from a running event loop"));
    }
    let l = lazy_init(cx, this)?;
    let cx2 = cx.detached();
    Ok(coro(cx, "run", async move {
        let cx = cx2;
        let interp = cx.interp.clone();
        super::legacy::enter(&interp, &l);
        let task = ensure_future(&cx, &main, None)?;
        drop(main);
        *interp.main_task.borrow_mut() = Some(task.clone());
        WaitDone::new(&interp, vec![task.clone()], None).await;
        let interrupted = interp.interrupt_pending.replace(false);
        interp.main_task.borrow_mut().take();
        super::legacy::leave(&interp, &l);
        if let Some(m) = interp.fatal.borrow().clone() {
            return Err(Ctrl::Fatal(m));
        }
        outcome(&cx, &task, interrupted)
    }))
}

/// `Runner.close()` (and the end of its `with` block): the shutdown, then its loop closed
/// and no longer the current one.
fn close(cx: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    let r = runner_of(this).ok_or_else(|| cx.type_err("not a Runner"))?;
    let l = (r.state.get() == 1).then(|| r.event_loop.borrow().clone()).flatten();
    let (cx2, this) = (cx.detached(), this.clone());
    Ok(coro(cx, "close", async move {
        let Some(l) = l else { return Ok(Value::None) };
        let cx = cx2;
        let interp = cx.interp.clone();
        super::legacy::enter(&interp, &l);
        shutdown(&cx).await;
        super::legacy::leave(&interp, &l);
        closed(&interp, Some(&l));
        if let Some(r) = runner_of(&this) {
            r.state.set(2);
            r.event_loop.borrow_mut().take();
        }
        let fatal = interp.fatal.borrow().clone();
        match fatal {
            Some(m) => Err(Ctrl::Fatal(m)),
            None => Ok(Value::None),
        }
    }))
}
