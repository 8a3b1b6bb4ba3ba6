//! A worker pool, as `concurrent.futures` executors behave under `asyncio.to_thread`
//! and `run_in_executor`: jobs queue in submission order for a free worker; a
//! cancelled wait that is still queued never runs; one already running goes on
//! until its blocking call ends, and only then is its worker free again.
//!
//! A process pool also moves up to `workers + 1` calls ahead into its call queue
//! (CPython's `EXTRA_QUEUED_CALLS`): those count as running and cannot be cancelled.
//!
//! The pool is the one owner of which worker runs which call: the runtime runs call
//! `i` on its worker `i`, so the trace names the worker that really ran it.

use super::{AioFuture, LocalFuture, Outcome, Rt};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::{poll_fn, Future};
use std::rc::Rc;
use std::task::Poll;

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
        /// When the worker began the call, on the runtime's clock (ms).
        at: f64,
    },
    /// The call of `tag` ended on worker `worker`: that worker is free again.
    Free {
        /// The submitter's tag (the job number).
        tag: u32,
        /// Which worker.
        worker: usize,
        /// How the call ended.
        end: CallEnd,
        /// When it ended, on the runtime's clock (ms).
        at: f64,
    },
}

/// How an offloaded call ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallEnd {
    /// It ran to its end.
    Done,
    /// The worker failed (it died): the reason.
    Failed(WorkerError),
    /// The run was stopped: the worker was stopped in the middle of the call.
    Aborted,
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
    /// Set by [`Pool::abort`]: calls under way end at once.
    abort: Option<AioFuture<(), ()>>,
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
            abort: None,
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
            let (on_event, tag) = (self.on_event.clone(), entry.tag);
            let started = Box::new(move |at| on_event(PoolEvent::Start { tag, worker, at }));
            let call: LocalFuture<Result<f64, WorkerError>> = self.rt.offload(worker, entry.ms, started);
            let abort = self.inner.borrow_mut().abort.get_or_insert_with(|| AioFuture::new(&self.rt)).clone();
            let pool = self.clone();
            self.rt.spawn(Box::pin(async move {
                // The call, unless the pool is aborted first: then the call is dropped (its worker stopped).
                let end = first_of(call, abort.wait()).await;
                let (end, at) = match end {
                    Ok(Ok(at)) => (CallEnd::Done, at),
                    Ok(Err(e)) => (CallEnd::Failed(e), pool.rt.now()),
                    Err(_) => (CallEnd::Aborted, pool.rt.now()),
                };
                let waiters = {
                    let mut inner = pool.inner.borrow_mut();
                    inner.busy[worker] = false;
                    std::mem::take(&mut inner.idle_waiters)
                };
                for waiter in waiters {
                    waiter.set_result(());
                }
                let outcome = match &end {
                    CallEnd::Done => Outcome::Returned(()),
                    CallEnd::Failed(e) => Outcome::Raised(e.clone()),
                    CallEnd::Aborted => Outcome::Raised("the run was stopped".to_string()),
                };
                (pool.on_event)(PoolEvent::Free { tag: entry.tag, worker, end, at });
                entry.done.finish(outcome);
                pool.dispatch();
            }));
        }
    }

    /// Stops every call under way and drops the queued ones (Stop): each worker busy
    /// with a call is stopped and replaced by the runtime. The pool can be used again.
    pub fn abort(&self) {
        let (abort, queued) = {
            let mut inner = self.inner.borrow_mut();
            (inner.abort.take(), std::mem::take(&mut inner.queue))
        };
        for entry in queued {
            entry.done.finish(Outcome::Raised("the run was stopped".to_string()));
        }
        if let Some(abort) = abort {
            abort.set_result(());
        }
    }
}

/// Runs `a` to its end, unless `b` ends first: `Ok` with `a`'s output, or `Err` with
/// `b`'s (and `a` is dropped).
async fn first_of<A: Future, B: Future>(a: A, b: B) -> Result<A::Output, B::Output> {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    poll_fn(move |cx| {
        if let Poll::Ready(out) = a.as_mut().poll(cx) {
            return Poll::Ready(Ok(out));
        }
        b.as_mut().poll(cx).map(Err)
    })
    .await
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
