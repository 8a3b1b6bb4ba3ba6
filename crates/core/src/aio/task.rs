//! Tasks: a coroutine driven on the loop, like `asyncio.create_task`.

use super::future::{AioFuture, Outcome, Wait};
use super::Rt;
use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

#[derive(Default)]
struct Control {
    cancel_requested: Cell<bool>,
    started: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// A scheduled coroutine: a future with a coroutine inside.
pub struct Task<V, E> {
    fut: AioFuture<V, E>,
    control: Rc<Control>,
}

impl<V, E> Clone for Task<V, E> {
    fn clone(&self) -> Self {
        Task { fut: self.fut.clone(), control: self.control.clone() }
    }
}

/// Schedules `body` at once, to start when the loop next gets control
/// (`asyncio.create_task`). `on_cancel(started)` runs when a cancellation is
/// delivered to it: at its `await` if it started, at its first step if it never did.
pub fn create_task<V, E, F>(rt: &Rt, body: F, on_cancel: impl FnOnce(bool) + 'static) -> Task<V, E>
where
    V: Clone + 'static,
    E: Clone + 'static,
    F: Future<Output = Result<V, E>> + 'static,
{
    let task = Task { fut: AioFuture::new(rt), control: Rc::new(Control::default()) };
    let (fut, control) = (task.fut.clone(), task.control.clone());
    let mut body: Option<Pin<Box<F>>> = Some(Box::pin(body));
    let mut on_cancel = Some(on_cancel);
    rt.spawn(Box::pin(poll_fn(move |cx| {
        let Some(running) = body.as_mut() else {
            return Poll::Ready(());
        };
        if control.cancel_requested.get() {
            body = None; // drops the coroutine, and with it the sleep it waited on
            if let Some(f) = on_cancel.take() {
                f(control.started.get());
            }
            fut.cancel();
            return Poll::Ready(());
        }
        *control.waker.borrow_mut() = Some(cx.waker().clone());
        control.started.set(true);
        match running.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(result) => {
                body = None;
                control.waker.borrow_mut().take();
                fut.finish(match result {
                    Ok(v) => Outcome::Returned(v),
                    Err(e) => Outcome::Raised(e),
                });
                Poll::Ready(())
            }
        }
    })));
    task
}

impl<V: Clone + 'static, E: Clone + 'static> Task<V, E> {
    /// Requests cancellation (`task.cancel()`): delivered at the task's next step.
    /// `false` if it is already done.
    pub fn cancel(&self) -> bool {
        if self.fut.is_done() {
            return false;
        }
        self.control.cancel_requested.set(true);
        if let Some(waker) = self.control.waker.borrow().as_ref() {
            waker.wake_by_ref();
        }
        true
    }

    /// Whether its coroutine has taken its first step.
    pub fn started(&self) -> bool {
        self.control.started.get()
    }

    /// Whether it is done (returned, raised or cancelled).
    pub fn is_done(&self) -> bool {
        self.fut.is_done()
    }

    /// Its outcome, once done.
    pub fn outcome(&self) -> Option<Outcome<V, E>> {
        self.fut.outcome()
    }

    /// Runs `f` as its own step once the task is done.
    pub fn add_done_callback(&self, f: impl FnOnce(Outcome<V, E>) + 'static) {
        self.fut.add_done_callback(f)
    }

    /// Awaits it (`await task`).
    pub fn wait(&self) -> Wait<V, E> {
        self.fut.wait()
    }
}
