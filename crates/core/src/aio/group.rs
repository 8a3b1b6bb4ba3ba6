//! `asyncio.TaskGroup`, built as CPython 3.11 builds it: a done callback per child
//! that, on the first error, cancels the siblings still pending.

use super::{AioFuture, Outcome, Rt, Task};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

struct Inner<V, E> {
    tasks: Vec<Task<V, E>>,
    pending: usize,
    errors: Vec<E>,
    aborting: bool,
    on_completed: Option<AioFuture<(), ()>>,
}

/// A group of tasks that ends when all of them have, and fails if any failed.
pub struct TaskGroup<V, E> {
    rt: Rt,
    inner: Rc<RefCell<Inner<V, E>>>,
}

impl<V: Clone + 'static, E: Clone + 'static> TaskGroup<V, E> {
    /// Enters `async with asyncio.TaskGroup() as tg`.
    pub fn new(rt: &Rt) -> Self {
        let inner = Inner { tasks: Vec::new(), pending: 0, errors: Vec::new(), aborting: false, on_completed: None };
        TaskGroup { rt: rt.clone(), inner: Rc::new(RefCell::new(inner)) }
    }

    /// `tg.create_task(body)`.
    pub fn create_task<F>(&self, body: F, on_cancel: impl FnOnce(bool) + 'static) -> Task<V, E>
    where
        F: Future<Output = Result<V, E>> + 'static,
    {
        let task = super::create_task(&self.rt, body, on_cancel);
        let inner = self.inner.clone();
        task.add_done_callback(move |outcome| on_task_done(&inner, outcome));
        let mut state = self.inner.borrow_mut();
        state.tasks.push(task.clone());
        state.pending += 1;
        task
    }

    /// Leaves the `async with` block: waits for every child, then fails with all the
    /// errors (an ExceptionGroup) if any child raised.
    pub async fn exit(self) -> Result<(), Vec<E>> {
        loop {
            let waiting = {
                let mut state = self.inner.borrow_mut();
                if state.pending == 0 {
                    break;
                }
                let fut = AioFuture::new(&self.rt);
                state.on_completed = Some(fut.clone());
                fut
            };
            waiting.wait().await;
            self.inner.borrow_mut().on_completed = None;
        }
        let errors = std::mem::take(&mut self.inner.borrow_mut().errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn on_task_done<V: Clone + 'static, E: Clone + 'static>(inner: &Rc<RefCell<Inner<V, E>>>, outcome: Outcome<V, E>) {
    let to_cancel = {
        let mut state = inner.borrow_mut();
        state.pending -= 1;
        if state.pending == 0 {
            if let Some(fut) = &state.on_completed {
                fut.set_result(());
            }
        }
        let Outcome::Raised(error) = outcome else {
            return;
        };
        state.errors.push(error);
        if state.aborting {
            return;
        }
        state.aborting = true;
        state.tasks.clone()
    };
    for task in to_cancel {
        task.cancel();
    }
}
