//! A worker pool, as `concurrent.futures` executors behave under `asyncio.to_thread`
//! and `run_in_executor`: jobs queue in submission order for a free worker; a
//! cancelled wait that is still queued never runs; one already running goes on
//! until its blocking call ends, and only then is its worker free again.
//!
//! A process pool also moves up to `workers + 1` calls ahead into its call queue
//! (CPython's `EXTRA_QUEUED_CALLS`): those count as running and cannot be cancelled.

use super::{AioFuture, LocalFuture, Outcome, Rt};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// Why an offloaded call failed.
pub type WorkerError = String;

/// What the pool tells its owner.
pub enum PoolEvent {
    /// Worker `worker` took the call of `tag`.
    Start {
        /// The submitter's tag (the job number).
        tag: u32,
        /// Which worker.
        worker: usize,
    },
    /// The call of `tag` ended on worker `worker`: that worker is free again.
    Free {
        /// The submitter's tag (the job number).
        tag: u32,
        /// Which worker.
        worker: usize,
        /// Whether the call ended with an error (the worker failed).
        failed: bool,
    },
}

struct Entry {
    tag: u32,
    ms: f64,
    done: AioFuture<(), WorkerError>,
    /// Moved into the call queue: it will run even if its wait is cancelled.
    committed: bool,
}

struct Inner {
    busy: Vec<bool>,
    lookahead: usize,
    queue: VecDeque<Entry>,
    idle_waiters: Vec<AioFuture<(), WorkerError>>,
}

/// A pool of `size` workers on runtime `rt`, whose calls run through [`super::Runtime::offload`].
#[derive(Clone)]
pub struct Pool {
    rt: Rt,
    inner: Rc<RefCell<Inner>>,
    on_event: Rc<dyn Fn(PoolEvent)>,
}

impl Pool {
    /// A pool of `size` (at least 1) workers; `on_event` hears when workers come free.
    /// `processes` gives it a process pool's call queue.
    pub fn new(rt: &Rt, size: usize, processes: bool, on_event: impl Fn(PoolEvent) + 'static) -> Pool {
        let size = size.max(1);
        let inner = Inner {
            busy: vec![false; size],
            lookahead: if processes { size + 1 } else { 0 },
            queue: VecDeque::new(),
            idle_waiters: Vec::new(),
        };
        Pool { rt: rt.clone(), inner: Rc::new(RefCell::new(inner)), on_event: Rc::new(on_event) }
    }

    /// Submits a blocking sleep of `ms` for `tag`; the future is done when it ends.
    /// Cancelling that future while the call is still queued removes it from the queue.
    pub fn submit(&self, tag: u32, ms: f64) -> AioFuture<(), WorkerError> {
        let done = AioFuture::new(&self.rt);
        self.inner.borrow_mut().queue.push_back(Entry { tag, ms, done: done.clone(), committed: false });
        self.dispatch();
        done
    }

    /// Workers busy right now.
    pub fn busy(&self) -> usize {
        self.inner.borrow().busy.iter().filter(|b| **b).count()
    }

    /// Waits until no worker is busy (what `asyncio.run` does for its default
    /// executor's threads, and a process pool's `with` block for its processes).
    pub async fn wait_idle(&self) {
        while self.busy() > 0 {
            let waiter = AioFuture::new(&self.rt);
            self.inner.borrow_mut().idle_waiters.push(waiter.clone());
            waiter.wait().await;
        }
    }

    fn dispatch(&self) {
        loop {
            let (worker, entry) = {
                let mut inner = self.inner.borrow_mut();
                // A wait cancelled while queued, and not yet in the call queue: its call never runs.
                inner.queue.retain(|e| e.committed || !e.done.is_done());
                let lookahead = inner.lookahead;
                let Some(worker) = inner.busy.iter().position(|b| !b) else {
                    commit(&mut inner.queue, lookahead);
                    return;
                };
                let Some(entry) = inner.queue.pop_front() else { return };
                inner.busy[worker] = true;
                commit(&mut inner.queue, lookahead);
                (worker, entry)
            };
            (self.on_event)(PoolEvent::Start { tag: entry.tag, worker });
            let call: LocalFuture<Result<(), WorkerError>> = self.rt.offload(worker, entry.ms);
            let pool = self.clone();
            self.rt.spawn(Box::pin(async move {
                let result = call.await;
                let waiters = {
                    let mut inner = pool.inner.borrow_mut();
                    inner.busy[worker] = false;
                    std::mem::take(&mut inner.idle_waiters)
                };
                for waiter in waiters {
                    waiter.set_result(());
                }
                (pool.on_event)(PoolEvent::Free { tag: entry.tag, worker, failed: result.is_err() });
                entry.done.finish(match result {
                    Ok(()) => Outcome::Returned(()),
                    Err(e) => Outcome::Raised(e),
                });
                pool.dispatch();
            }));
        }
    }
}

/// Moves calls into the call queue until it holds `lookahead` of them.
fn commit(queue: &mut VecDeque<Entry>, lookahead: usize) {
    let committed = queue.iter().filter(|e| e.committed).count();
    for entry in queue.iter_mut().filter(|e| !e.committed).take(lookahead.saturating_sub(committed)) {
        entry.committed = true;
    }
}

/// Cancels a pool future when the awaiting coroutine is dropped (cancelled), as
/// cancelling an asyncio future wrapping a `concurrent.futures.Future` cancels it.
pub struct CancelOnDrop(pub AioFuture<(), WorkerError>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Python's default pool size: threads `min(32, cores + 4)`, processes `cores`.
pub fn default_size(threads: bool, cores: usize) -> usize {
    if threads {
        (cores + 4).min(32)
    } else {
        cores.max(1)
    }
}
