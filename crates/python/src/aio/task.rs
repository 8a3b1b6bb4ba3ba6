//! Tasks: `asyncio.create_task`, a task's step (CPython's `Task.__step`) and wake-up, and
//! the one place a coroutine gives control back (`await` on a pending future).

use super::future::{cancelled_error, FutState, FutureObj, TaskData, Yielded};
use crate::activity::Activity;
use crate::interp::exc::is_instance_of;
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{PyFuture, Value};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Creates a task running `body` (`asyncio.create_task`), scheduled to start at the next loop step.
pub fn create_task(
    interp: &Rc<Interp>,
    body: PyFuture,
    coro_name: Rc<str>,
    line: usize,
    frame_line: Rc<Cell<usize>>,
    name: Option<Rc<str>>,
) -> Rc<FutureObj> {
    let n = interp.task_counter.get() + 1;
    interp.task_counter.set(n);
    let name = name.unwrap_or_else(|| format!("Task-{n}").into());
    if interp.noting() {
        interp.note(Activity::TaskCreated {
            id: n as u32,
            name: name.to_string(),
            coro: coro_name.to_string(),
            line,
            t: interp.now_ms(),
        });
    }
    let data = TaskData {
        id: n as u32,
        name: RefCell::new(name),
        coro: RefCell::new(Some(body)),
        coro_name,
        coro_line: line,
        frame_line,
        must_cancel: Cell::new(false),
        cancel_msg: RefCell::new(None),
        fut_waiter: RefCell::new(None),
        num_cancels: Cell::new(0),
        resume: RefCell::new(None),
        yielded: RefCell::new(Yielded::Nothing),
        started: Cell::new(false),
        closed: Cell::new(false),
        log_destroy_pending: Cell::new(true),
    };
    let task = FutureObj::new(interp, Some(data));
    interp.all_tasks.borrow_mut().push(Rc::downgrade(&task));
    let t = task.clone();
    crate::aio::blocking::call_soon(interp, move || step(t, None));
    task
}

/// The tasks made and not done yet, in the order they were made.
pub fn pending_tasks(interp: &Interp) -> Vec<Rc<FutureObj>> {
    interp.all_tasks.borrow().iter().filter_map(|w| w.upgrade()).filter(|t| !t.done()).collect()
}

/// One step of a task (CPython's `Task.__step`).
pub fn step(task: Rc<FutureObj>, exc: Option<Value>) {
    run_step(task, exc, false);
}

/// A step, or (`blocked`) the rest of a step that blocked: that goes on where it was, and a
/// cancellation asked for meanwhile waits for the step's end, as in CPython.
fn run_step(task: Rc<FutureObj>, exc: Option<Value>, blocked: bool) {
    let Some(interp) = task.interp.upgrade() else { return };
    let Some(t) = &task.task else { return };
    if task.done() || interp.fatal.borrow().is_some() {
        return;
    }
    let cx = Cx::module(&interp);
    let mut exc = exc;
    if t.must_cancel.get() && !blocked {
        if !exc.as_ref().is_some_and(|e| is_instance_of(&interp, e, "CancelledError")) {
            exc = Some(cancelled_error(&cx, t.cancel_msg.borrow().clone()));
        }
        t.must_cancel.set(false);
    }
    let old_waiter = t.fut_waiter.replace(None);
    drop(old_waiter);
    *t.resume.borrow_mut() = Some(exc);
    let previous = interp.current_task.replace(Some(task.clone()));
    interp.step_started();
    let coro = t.coro.borrow_mut().take();
    let Some(mut coro) = coro else { return };
    let first = !t.started.replace(true);
    let thrown_at_start = if first { t.resume.borrow_mut().as_mut().and_then(Option::take) } else { None };
    let from = interp.now_ms();
    let poll = match thrown_at_start {
        // An exception thrown into a coroutine that never ran is raised at its start.
        Some(e) => Poll::Ready(Err(Ctrl::Exc(e))),
        None => {
            interp.loop_frame.set(first);
            let poll = coro.as_mut().poll(&mut Context::from_waker(Waker::noop()));
            interp.loop_frame.set(false);
            poll
        }
    };
    if interp.noting() {
        interp.note(Activity::Step { id: t.id, from, to: interp.now_ms(), line: interp.line.get() });
    }
    let old = interp.current_task.replace(previous);
    drop(old);
    match poll {
        Poll::Pending => {
            *t.coro.borrow_mut() = Some(coro);
            let yielded = std::mem::take(&mut *t.yielded.borrow_mut());
            match yielded {
                Yielded::Fut(f) => {
                    if Rc::ptr_eq(&f, &task) {
                        let e = cx.exc(
                            "RuntimeError",
                            format!("Task cannot await on itself: {}", task.repr(&mut |_, _| None)),
                        );
                        let me = task.clone();
                        crate::aio::blocking::call_soon(&interp, move || step(me, Some(e)));
                        return;
                    }
                    let me = task.clone();
                    f.on_done(super::futrepr::TASK_WAKEUP, move |done| wakeup(me, done));
                    *t.fut_waiter.borrow_mut() = Some(f.clone());
                    if t.must_cancel.get() && f.cancel(t.cancel_msg.borrow().clone()) {
                        t.must_cancel.set(false);
                    }
                }
                Yielded::Block(ready) => {
                    let me = task.clone();
                    super::blocking::hold(&interp, ready, move || run_step(me, None, true));
                }
                Yielded::Bare => {
                    let me = task.clone();
                    crate::aio::blocking::call_soon(&interp, move || step(me, None));
                }
                Yielded::Nothing => interp.set_fatal("internal error: a coroutine suspended outside an await"),
            }
        }
        Poll::Ready(r) => {
            drop(coro);
            match r {
                Ok(v) | Err(Ctrl::Return(v)) => {
                    if t.must_cancel.get() {
                        t.must_cancel.set(false);
                        let msg = t.cancel_msg.borrow().clone();
                        task.finish(FutState::Cancelled(msg));
                    } else {
                        task.finish(FutState::Result(v));
                    }
                }
                Err(Ctrl::Exc(e)) if is_instance_of(&interp, &e, "CancelledError") => {
                    // As CPython's `__step`: the error is kept, the task cancelled without a message.
                    *task.cancelled_exc.borrow_mut() = Some(e);
                    task.finish(FutState::Cancelled(None));
                }
                Err(Ctrl::Exc(e)) => {
                    task.finish(FutState::Exception(e));
                }
                Err(Ctrl::Fatal(m)) => interp.set_fatal(&m),
                Err(Ctrl::Break) | Err(Ctrl::Continue) => {
                    task.finish(FutState::Result(Value::None));
                }
            }
        }
    }
}

/// A task's wake-up when the future it waited for is done (CPython's `Task.__wakeup`).
fn wakeup(task: Rc<FutureObj>, fut: Rc<FutureObj>) {
    let Some(interp) = task.interp.upgrade() else { return };
    let cx = Cx::module(&interp);
    match fut.result(&cx) {
        Ok(_) => step(task, None),
        Err(Ctrl::Exc(e)) => step(task, Some(e)),
        Err(_) => step(task, None),
    }
}

/// Suspends the running task's coroutine once: on a future, or bare.
struct Suspend {
    interp: Rc<Interp>,
    what: Option<Yielded>,
}

impl Future for Suspend {
    type Output = Result<(), Ctrl>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        let task = self.interp.current_task.borrow().clone();
        let Some(task) = task else {
            let msg = "internal error: an await ran outside a task";
            return Poll::Ready(Err(Ctrl::Fatal(msg.into())));
        };
        let Some(t) = &task.task else { return Poll::Ready(Ok(())) };
        if let Some(what) = self.what.take() {
            *t.yielded.borrow_mut() = what;
            return Poll::Pending;
        }
        let resume = t.resume.borrow_mut().take();
        match resume {
            Some(Some(exc)) => Poll::Ready(Err(Ctrl::Exc(exc))),
            _ => Poll::Ready(Ok(())),
        }
    }
}

/// `await fut` inside a task (CPython's `Future.__await__`).
pub async fn await_future(cx: &Cx, fut: Rc<FutureObj>) -> Result<Value, Ctrl> {
    if !fut.done() {
        if cx.interp.current_task.borrow().is_none() {
            return Err(cx.err("RuntimeError", "await wasn't used with future"));
        }
        Suspend { interp: cx.interp.clone(), what: Some(Yielded::Fut(fut.clone())) }.await?;
    }
    if !fut.done() {
        return Err(cx.err("RuntimeError", "await wasn't used with future"));
    }
    fut.result(cx)
}

/// Gives control back to the running task's step once, for `what`.
pub(super) async fn suspend(interp: &Rc<Interp>, what: Yielded) -> Result<(), Ctrl> {
    Suspend { interp: interp.clone(), what: Some(what) }.await
}

/// A bare yield (`await asyncio.sleep(0)`).
pub async fn yield_now(cx: &Cx) -> Result<(), Ctrl> {
    suspend(&cx.interp, Yielded::Bare).await
}
