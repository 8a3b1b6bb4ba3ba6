//! Timers (`loop.call_later`) and the loop's methods.
//!
//! A timer's callback runs inside the runtime's own timer event (the waker of its
//! sleep runs it), as CPython runs a due `TimerHandle` in the iteration it is due:
//! spawning a task to await the sleep would run it one loop iteration late.

use super::future::{run_callback, FutState, FutureObj};
use super::native::Native;
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{Args, NativeFn, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

type Callback = Box<dyn FnOnce()>;

thread_local! {
    static CALLBACKS: RefCell<HashMap<u64, Callback>> = RefCell::new(HashMap::new());
}

static NEXT_TIMER: AtomicU64 = AtomicU64::new(1);

struct TimerWaker(u64);

impl Wake for TimerWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let cb = CALLBACKS.with(|m| m.borrow_mut().remove(&self.0));
        if let Some(cb) = cb {
            cb();
        }
    }
}

/// Keeps `f` under a new timer id, as a loop step of its own (it runs unless the run has
/// stopped, and not once [`cancel_timer`] has dropped it); returns the id.
fn register(interp: &Rc<Interp>, f: impl FnOnce() + 'static) -> u64 {
    let id = NEXT_TIMER.fetch_add(1, Ordering::Relaxed);
    let weak = Rc::downgrade(interp);
    let cb = move || {
        if let Some(interp) = weak.upgrade() {
            let s = interp.timers.borrow_mut().remove(&id);
            drop(s);
            let i = interp.clone();
            crate::aio::blocking::run_timer(&interp, move || {
                if i.fatal.borrow().is_none() {
                    i.step_started();
                    f();
                }
            });
        }
    };
    CALLBACKS.with(|m| m.borrow_mut().insert(id, Box::new(cb)));
    id
}

/// Runs `f` after `delay` program seconds (`loop.call_later`); returns the timer's id.
pub fn call_later(interp: &Rc<Interp>, delay: f64, f: impl FnOnce() + 'static) -> u64 {
    let ms = (delay * interp.unit).max(0.0);
    let mut sleep = interp.rt.sleep(ms);
    let id = register(interp, f);
    let waker = Waker::from(Arc::new(TimerWaker(id)));
    match sleep.as_mut().poll(&mut Context::from_waker(&waker)) {
        Poll::Ready(()) => {
            let cb = CALLBACKS.with(|m| m.borrow_mut().remove(&id));
            if let Some(cb) = cb {
                crate::aio::blocking::call_soon(interp, cb);
            }
        }
        Poll::Pending => {
            interp.timers.borrow_mut().insert(id, sleep);
        }
    }
    id
}

/// Schedules `f` for the next loop step, as `loop.call_soon` does, cancellable by
/// [`cancel_timer`] with the id it returns.
pub fn call_soon_cancellable(interp: &Rc<Interp>, f: impl FnOnce() + 'static) -> u64 {
    let id = register(interp, f);
    crate::aio::blocking::call_soon(interp, move || {
        if let Some(cb) = CALLBACKS.with(|m| m.borrow_mut().remove(&id)) {
            cb();
        }
    });
    id
}

/// Cancels a timer (`TimerHandle.cancel()`).
pub fn cancel_timer(interp: &Interp, id: u64) {
    let s = interp.timers.borrow_mut().remove(&id);
    drop(s);
    let cb = CALLBACKS.with(|m| m.borrow_mut().remove(&id));
    drop(cb);
}

/// Cancels every pending timer (the loop is closing).
pub fn cancel_all(interp: &Interp) {
    let ids: Vec<u64> = interp.timers.borrow().keys().copied().collect();
    for id in ids {
        cancel_timer(interp, id);
    }
}

/// Sets a future's result unless it is done (CPython's `_set_result_unless_cancelled`).
pub fn set_result_unless_done(fut: &Rc<FutureObj>, v: Value) {
    if !fut.done() {
        fut.finish(FutState::Result(v));
    }
}

fn handle(id: Option<u64>) -> Value {
    Value::Native(Rc::new(Native::Handle(id, Rc::new(std::cell::Cell::new(false)))))
}

fn num(cx: &Cx, v: Option<&Value>) -> Result<f64, Ctrl> {
    match v {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        _ => Err(cx.type_err("a number is required")),
    }
}

/// The running loop's methods.
pub fn loop_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "time" => |cx, _, _| Ok(Value::Float(cx.interp.loop_time())),
        "create_future" => |cx, _, _| Ok(Value::Fut(FutureObj::new(&cx.interp, None))),
        "create_task" => super::funcs::create_task_fn,
        // From the loop's own thread, the only one the playground's loop object is in,
        // call_soon_threadsafe is call_soon.
        "call_soon" | "call_soon_threadsafe" => |cx, this, a| {
            check_closed(cx, this)?;
            let mut pos = a.pos.into_iter();
            let f = pos.next().unwrap_or(Value::None);
            let args: Vec<Value> = pos.collect();
            let interp = cx.interp.clone();
            let cancelled = Rc::new(std::cell::Cell::new(false));
            let flag = cancelled.clone();
            crate::aio::blocking::call_soon(&cx.interp, move || {
                if interp.fatal.borrow().is_none() && !flag.get() {
                    run_callback(&interp, f, args)
                }
            });
            Ok(Value::Native(Rc::new(Native::Handle(None, cancelled))))
        },
        "call_later" => |cx, this, a| check_closed(cx, this).and_then(|_| schedule(cx, a, false)),
        "call_at" => |cx, this, a| check_closed(cx, this).and_then(|_| schedule(cx, a, true)),
        "run_in_executor" => super::pool::run_in_executor,
        "is_running" => |_, this, _| Ok(Value::Bool(super::legacy::is_running(this))),
        "run_until_complete" => super::legacy::run_until_complete,
        "run_forever" => super::legacy::run_forever,
        "stop" => super::legacy::stop,
        "close" => super::legacy::close,
        "is_closed" => super::legacy::is_closed,
        "shutdown_asyncgens" => super::legacy::shutdown_asyncgens,
        "shutdown_default_executor" => super::legacy::shutdown_default_executor,
        "get_debug" => |_, _, _| Ok(Value::Bool(false)),
        _ => return None,
    })
}

/// `_check_closed`: a closed loop schedules nothing.
fn check_closed(cx: &Cx, this: &Value) -> Result<(), Ctrl> {
    match super::legacy::is_closed_loop(this) {
        true => Err(cx.err("RuntimeError", "Event loop is closed")),
        false => Ok(()),
    }
}

fn schedule(cx: &Cx, a: Args, at: bool) -> Result<Value, Ctrl> {
    let mut pos = a.pos.into_iter();
    let when = num(cx, pos.next().as_ref())?;
    let f = pos.next().unwrap_or(Value::None);
    let args: Vec<Value> = pos.collect();
    let delay = if at { when - cx.interp.loop_time() } else { when };
    let interp = cx.interp.clone();
    let id = call_later(&cx.interp, delay, move || run_callback(&interp, f, args));
    Ok(handle(Some(id)))
}

impl Interp {
    /// `loop.time()`: program seconds on the loop's clock.
    pub fn loop_time(&self) -> f64 {
        self.rt.now() / self.unit
    }
}
