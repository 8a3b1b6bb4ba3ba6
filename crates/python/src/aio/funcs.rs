//! asyncio's functions: run, sleep, create_task, gather, wait_for, wait, as_completed, shield...
//! Each follows CPython's tasks.py / runners.py step by step.

use super::future::{await_future, create_task, yield_now, FutureObj};
use super::timer::{call_later, cancel_timer, set_result_unless_done};
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{Args, CoroState, Coroutine, Value};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// A native coroutine object named `name`, running `body` when awaited.
pub fn coro(cx: &Cx, name: &str, body: impl Future<Output = Result<Value, Ctrl>> + 'static) -> Value {
    let weak = Rc::downgrade(&cx.interp);
    let warn: Rc<dyn Fn(&str)> = Rc::new(move |n: &str| {
        if let Some(i) = weak.upgrade() {
            i.warn_never_awaited(n);
        }
    });
    Value::Coro(Rc::new(Coroutine {
        name: name.into(),
        body: RefCell::new(Some(Box::pin(body))),
        state: Cell::new(CoroState::Created),
        warn: Some(warn),
        def_line: 0,
        line: Rc::default(),
    }))
}

/// CPython's `TypeError` for what `ensure_future` cannot make a future of.
pub const NOT_AWAITABLE: &str = "An asyncio.Future, a coroutine or an awaitable is required";

/// A task for a coroutine, or the future itself (`asyncio.ensure_future`).
pub fn ensure_future(cx: &Cx, v: &Value, name: Option<Rc<str>>) -> Result<Rc<FutureObj>, Ctrl> {
    match v {
        Value::Fut(f) => Ok(f.clone()),
        Value::Coro(c) => {
            if c.state.get() == CoroState::Started {
                return Err(cx.err("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            c.state.set(CoroState::Started);
            let body = c.body.borrow_mut().take().ok_or_else(|| cx.err("RuntimeError", "coroutine already used"))?;
            Ok(create_task(&cx.interp, body, c.name.clone(), c.def_line, c.line.clone(), name))
        }
        _ => Err(cx.type_err(NOT_AWAITABLE)),
    }
}

pub(super) fn running(cx: &Cx) -> Result<(), Ctrl> {
    if !cx.interp.loop_running.get() || cx.place != crate::interp::Place::Loop {
        return Err(cx.err("RuntimeError", "no running event loop"));
    }
    Ok(())
}

/// `asyncio.create_task(coro, name=None)` (and `loop.create_task`, which needs its loop not
/// closed rather than running).
pub fn create_task_fn(cx: &Cx, this: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let name =
        a.take_kw("name").filter(|n| !matches!(n, Value::None)).map(|n| cx.to_str(&n).map(Rc::from)).transpose()?;
    let c = a.pos.first().cloned().unwrap_or(Value::None);
    if !matches!(c, Value::Coro(_)) {
        return Err(cx.type_err(format!("a coroutine was expected, got {}", cx.to_repr(&c)?)));
    }
    match this {
        Value::None => running(cx)?,
        l if super::legacy::is_closed_loop(l) => return Err(cx.err("RuntimeError", "Event loop is closed")),
        _ => {}
    }
    Ok(Value::Fut(ensure_future(cx, &c, name)?))
}

/// Waits (at the Rust level, outside any task) until the futures are done or the run is
/// stopped, or else (`stop_of`) until that loop's `stop()`.
pub(super) struct WaitDone {
    interp: Rc<Interp>,
    futs: Vec<Rc<FutureObj>>,
    registered: bool,
    stop_of: Option<Value>,
}

impl WaitDone {
    /// Until `futs` are done, or (`stop_of`) that loop is stopped.
    pub(super) fn new(interp: &Rc<Interp>, futs: Vec<Rc<FutureObj>>, stop_of: Option<Value>) -> WaitDone {
        WaitDone { interp: interp.clone(), futs, registered: false, stop_of }
    }
}

impl Future for WaitDone {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let stopping = self.stop_of.as_ref().is_some_and(super::legacy::is_stopping);
        // `run_forever` waits for no future: only for its loop's stop().
        let forever = self.futs.is_empty() && self.stop_of.is_some();
        let done = !forever && self.futs.iter().all(|f| f.done());
        if done || self.interp.fatal.borrow().is_some() || stopping {
            return Poll::Ready(());
        }
        // Ctrl-C with the main task done or already cancelled: KeyboardInterrupt leaves the loop.
        if self.interp.interrupt_pending.get() {
            return Poll::Ready(());
        }
        *self.interp.main_waker.borrow_mut() = Some(cx.waker().clone());
        if !self.registered {
            self.registered = true;
            for f in &self.futs {
                let weak = Rc::downgrade(&self.interp);
                f.on_done(super::futrepr::RUN_DONE, move |_| {
                    if let Some(i) = weak.upgrade() {
                        i.wake_main();
                    }
                });
            }
        }
        Poll::Pending
    }
}

/// `asyncio.run(main())`: runs the loop until the main task is done, then shuts down as CPython does.
pub fn run(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    if cx.interp.loop_running.get() {
        return Err(cx.err("RuntimeError", "asyncio.run() cannot be called from a running event loop"));
    }
    if cx.place != crate::interp::Place::Loop {
        return Err(cx.err("RuntimeError", "asyncio.run() in a pool's worker is not supported by the playground"));
    }
    let main = a.pos.first().cloned().unwrap_or(Value::None);
    if !matches!(main, Value::Coro(_)) {
        return Err(cx.err("ValueError", format!("a coroutine was expected, got {}", cx.to_repr(&main)?)));
    }
    let cx2 = cx.detached();
    Ok(coro(cx, "run", async move {
        let cx = cx2;
        let interp = cx.interp.clone();
        interp.loop_running.set(true);
        // asyncio.run makes a loop of its own: what a loop the program ran itself left for
        // its next run (aio::legacy) is not this loop's, and never runs.
        super::blocking::drop_kept(&interp);
        super::blocking::resume_loop(&interp);
        let task = ensure_future(&cx, &main, None)?;
        drop(main);
        *interp.main_task.borrow_mut() = Some(task.clone());
        WaitDone::new(&interp, vec![task.clone()], None).await;
        let interrupted = interp.interrupt_pending.replace(false);
        super::runner::shutdown(&cx).await;
        interp.loop_running.set(false);
        let old_loop = interp.globals.vars.borrow_mut().remove("\0loop");
        super::runner::closed(&interp, old_loop.as_ref());
        drop(old_loop);
        interp.main_task.borrow_mut().take();
        if let Some(m) = interp.fatal.borrow().clone() {
            return Err(Ctrl::Fatal(m));
        }
        super::runner::outcome(&cx, &task, interrupted)
    }))
}

/// A delay or timeout in seconds, compared with 0 as `Lib/asyncio` does (`if delay <= 0:`),
/// which refuses what is not a number.
pub(crate) fn seconds(cx: &Cx, v: &Value) -> Result<f64, Ctrl> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        other => Err(cx.type_err(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            crate::format::type_name(other)
        ))),
    }
}

/// `asyncio.sleep(delay, result=None)`: a coroutine, which looks at its delay once awaited.
pub fn sleep(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let delay = a.get(0, "delay").unwrap_or(Value::Int(0));
    let result = a.get(1, "result").unwrap_or(Value::None);
    let cx2 = cx.detached();
    Ok(coro(cx, "sleep", async move {
        let cx = cx2;
        let d = seconds(&cx, &delay)?;
        if d <= 0.0 {
            yield_now(&cx).await?;
            return Ok(result);
        }
        running(&cx)?;
        let fut = FutureObj::new(&cx.interp, None);
        let f2 = fut.clone();
        let id = call_later(&cx.interp, d, move || set_result_unless_done(&f2, result));
        let r = await_future(&cx, fut).await;
        cancel_timer(&cx.interp, id);
        r
    }))
}

/// `asyncio.current_task()`.
pub fn current_task(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    running(cx)?;
    Ok(cx.interp.current_task.borrow().clone().map(Value::Fut).unwrap_or(Value::None))
}

/// `asyncio.all_tasks()`: the tasks not done, as a set.
pub fn all_tasks(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    running(cx)?;
    let mut d = crate::value::Dict::new();
    for t in super::task::pending_tasks(&cx.interp) {
        let v = Value::Fut(t);
        d.insert(crate::value::hash_key(&v).expect("tasks hash by identity"), v, Value::None);
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

/// `asyncio.get_running_loop()`.
pub fn get_running_loop(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    running(cx)?;
    let existing = cx.interp.globals.vars.borrow().get("\0loop").cloned();
    if let Some(l) = existing {
        return Ok(l);
    }
    let l = super::legacy::running_loop();
    cx.interp.globals.vars.borrow_mut().insert("\0loop".into(), l.clone());
    Ok(l)
}
