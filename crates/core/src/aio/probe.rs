//! A probe around a future: counts its real polls and wake-ups and tracks its state,
//! for the Terms lesson (nothing here is animated: it is what the executor does).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// Where a probed future is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeState {
    /// Created, never polled: a coroutine object nobody has awaited.
    Created,
    /// Being polled right now (its code is running).
    Running,
    /// Polled, returned `Pending`: waiting to be woken (sleeping, or awaiting something).
    Suspended,
    /// Finished.
    Done,
    /// Dropped before it finished (cancelled).
    Dropped,
}

impl ProbeState {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            ProbeState::Created => "created, never run",
            ProbeState::Running => "running",
            ProbeState::Suspended => "suspended (waiting to be woken)",
            ProbeState::Done => "done",
            ProbeState::Dropped => "dropped (cancelled)",
        }
    }
}

/// Shared counters of a probed future.
#[derive(Debug)]
pub struct ProbeStats {
    polls: Cell<u32>,
    wakes: Arc<AtomicU32>,
    state: Cell<ProbeState>,
}

impl ProbeStats {
    /// How many times the executor polled it.
    pub fn polls(&self) -> u32 {
        self.polls.get()
    }
    /// How many times its waker was woken.
    pub fn wakes(&self) -> u32 {
        self.wakes.load(Ordering::Relaxed)
    }
    /// Where it is.
    pub fn state(&self) -> ProbeState {
        self.state.get()
    }
}

/// A future wrapped by [`probe`].
pub struct Probed<F> {
    inner: Pin<Box<F>>,
    stats: Rc<ProbeStats>,
    finished: bool,
}

struct CountingWaker {
    inner: Waker,
    wakes: Arc<AtomicU32>,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::Relaxed);
        self.inner.wake_by_ref();
    }
}

/// Wraps `future` so that its polls, wake-ups and state can be watched.
pub fn probe<F: Future>(future: F) -> (Probed<F>, Rc<ProbeStats>) {
    let stats = Rc::new(ProbeStats {
        polls: Cell::new(0),
        wakes: Arc::new(AtomicU32::new(0)),
        state: Cell::new(ProbeState::Created),
    });
    (Probed { inner: Box::pin(future), stats: stats.clone(), finished: false }, stats)
}

impl<F: Future> Future for Probed<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let stats = self.stats.clone();
        stats.polls.set(stats.polls.get() + 1);
        stats.state.set(ProbeState::Running);
        let waker = Waker::from(Arc::new(CountingWaker { inner: cx.waker().clone(), wakes: stats.wakes.clone() }));
        let result = self.inner.as_mut().poll(&mut Context::from_waker(&waker));
        match result {
            Poll::Ready(_) => {
                self.finished = true;
                stats.state.set(ProbeState::Done);
            }
            Poll::Pending => stats.state.set(ProbeState::Suspended),
        }
        result
    }
}

impl<F> Drop for Probed<F> {
    fn drop(&mut self) {
        if !self.finished && self.stats.state.get() != ProbeState::Created {
            self.stats.state.set(ProbeState::Dropped);
        }
    }
}
