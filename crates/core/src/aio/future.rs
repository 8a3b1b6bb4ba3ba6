//! A low-level future: a state that someone else sets later (CPython's `asyncio.Future`).

use super::{call_soon, Rt};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How a future, a task or a coroutine ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<V, E> {
    /// It returned a value.
    Returned(V),
    /// It raised an error.
    Raised(E),
    /// It was cancelled.
    Cancelled,
}

enum Callback<V, E> {
    /// A task awaiting this future: woken (one step later) when it is done.
    Wake(u64, Waker),
    /// A done callback: runs as its own step when it is done.
    Call(Box<dyn FnOnce(Outcome<V, E>)>),
}

struct Inner<V, E> {
    outcome: Option<Outcome<V, E>>,
    callbacks: Vec<Callback<V, E>>,
    next_id: u64,
}

/// A future whose outcome is set from outside, with done callbacks.
pub struct AioFuture<V, E> {
    rt: Rt,
    inner: Rc<RefCell<Inner<V, E>>>,
}

impl<V, E> Clone for AioFuture<V, E> {
    fn clone(&self) -> Self {
        AioFuture { rt: self.rt.clone(), inner: self.inner.clone() }
    }
}

impl<V: Clone + 'static, E: Clone + 'static> AioFuture<V, E> {
    /// A pending future on `rt` (CPython's `loop.create_future()`).
    pub fn new(rt: &Rt) -> Self {
        let inner = Inner { outcome: None, callbacks: Vec::new(), next_id: 0 };
        AioFuture { rt: rt.clone(), inner: Rc::new(RefCell::new(inner)) }
    }

    /// The outcome, once done.
    pub fn outcome(&self) -> Option<Outcome<V, E>> {
        self.inner.borrow().outcome.clone()
    }

    /// Whether it has an outcome.
    pub fn is_done(&self) -> bool {
        self.inner.borrow().outcome.is_some()
    }

    /// Sets the outcome and schedules the callbacks; `false` if it was already done.
    pub fn finish(&self, outcome: Outcome<V, E>) -> bool {
        let callbacks = {
            let mut inner = self.inner.borrow_mut();
            if inner.outcome.is_some() {
                return false;
            }
            inner.outcome = Some(outcome.clone());
            std::mem::take(&mut inner.callbacks)
        };
        for callback in callbacks {
            match callback {
                Callback::Wake(_, waker) => waker.wake(),
                Callback::Call(f) => {
                    let outcome = outcome.clone();
                    call_soon(&self.rt, move || f(outcome));
                }
            }
        }
        true
    }

    /// Sets a result (CPython's `set_result`).
    pub fn set_result(&self, value: V) -> bool {
        self.finish(Outcome::Returned(value))
    }

    /// Cancels it if still pending (CPython's `cancel`).
    pub fn cancel(&self) -> bool {
        self.finish(Outcome::Cancelled)
    }

    /// Runs `f` as its own step once done (at once, scheduled, if done already).
    pub fn add_done_callback(&self, f: impl FnOnce(Outcome<V, E>) + 'static) {
        let done = self.outcome();
        match done {
            Some(outcome) => call_soon(&self.rt, move || f(outcome)),
            None => self.inner.borrow_mut().callbacks.push(Callback::Call(Box::new(f))),
        }
    }

    /// Awaits the outcome (`await fut`): ready at once if done, else one step after it is.
    pub fn wait(&self) -> Wait<V, E> {
        Wait { fut: self.clone(), id: None }
    }
}

/// The future returned by [`AioFuture::wait`].
pub struct Wait<V, E> {
    fut: AioFuture<V, E>,
    id: Option<u64>,
}

impl<V: Clone + 'static, E: Clone + 'static> Future for Wait<V, E> {
    type Output = Outcome<V, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner_rc = self.fut.inner.clone();
        let mut inner = inner_rc.borrow_mut();
        if let Some(outcome) = &inner.outcome {
            return Poll::Ready(outcome.clone());
        }
        let waker = cx.waker().clone();
        match self.id {
            Some(id) => {
                for callback in &mut inner.callbacks {
                    if let Callback::Wake(cid, w) = callback {
                        if *cid == id {
                            *w = waker.clone();
                        }
                    }
                }
            }
            None => {
                let id = inner.next_id;
                inner.next_id += 1;
                inner.callbacks.push(Callback::Wake(id, waker));
                self.id = Some(id);
            }
        }
        Poll::Pending
    }
}

impl<V, E> Drop for Wait<V, E> {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            if let Ok(mut inner) = self.fut.inner.try_borrow_mut() {
                inner.callbacks.retain(|c| !matches!(c, Callback::Wake(cid, _) if *cid == id));
            }
        }
    }
}
