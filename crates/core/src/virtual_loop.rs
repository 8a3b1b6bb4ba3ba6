//! A deterministic event loop on a virtual clock: the engine of the native tests and
//! of the "ideal" prediction. It runs the very same scenario code as the browser.
//!
//! It follows CPython's `BaseEventLoop._run_once`: each iteration first moves the
//! timers that are due to the end of the ready queue, then runs exactly the steps that
//! were ready when the iteration began; whatever they schedule runs in the next one.
//! Time advances only when nothing is ready (to the next timer) and during a
//! blocking sleep (by its length), so a run takes no real time at all.

use crate::aio::{LocalFuture, Runtime};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Wake, Waker};

/// Most steps one run may take before the loop gives up (a guard against a hang).
pub const MAX_STEPS: u64 = 5_000_000;

#[derive(Clone, Copy)]
enum Item {
    Task(usize),
    Timer(u64),
}

#[derive(Default)]
struct ReadyQueue {
    items: VecDeque<Item>,
    queued: HashSet<usize>,
}

impl ReadyQueue {
    fn push_task(&mut self, id: usize) {
        if self.queued.insert(id) {
            self.items.push_back(Item::Task(id));
        }
    }
}

struct TaskWaker {
    id: usize,
    ready: Arc<Mutex<ReadyQueue>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.ready.lock().unwrap_or_else(PoisonError::into_inner).push_task(self.id);
    }
}

#[derive(Default)]
struct TimerSlot {
    fired: bool,
    cancelled: bool,
    waker: Option<Waker>,
}

#[derive(Default)]
struct State {
    now: f64,
    tasks: HashMap<usize, LocalFuture<()>>,
    next_task: usize,
    heap: BinaryHeap<Reverse<(i64, u64)>>,
    timers: HashMap<u64, Rc<RefCell<TimerSlot>>>,
    next_timer: u64,
    steps: u64,
}

/// The virtual-clock loop. Share it as an [`crate::aio::Rt`] with `Rc::new`.
#[derive(Default)]
pub struct VirtualLoop {
    state: Rc<RefCell<State>>,
    ready: Arc<Mutex<ReadyQueue>>,
    cores: Option<usize>,
    /// Steps a run may take (default [`MAX_STEPS`]).
    max_steps: Option<u64>,
}

/// Why a virtual run stopped before every task finished.
#[derive(Debug, PartialEq, Eq)]
pub enum LoopError {
    /// It took more than [`MAX_STEPS`] steps.
    TooManySteps,
}

impl std::fmt::Display for LoopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoopError::TooManySteps => {
                write!(f, "the virtual run took more than {MAX_STEPS} steps")
            }
        }
    }
}

impl VirtualLoop {
    /// A loop at virtual time 0.
    pub fn new() -> VirtualLoop {
        VirtualLoop::default()
    }

    /// A loop whose machine has `cores` logical cores (for Python's default pool sizes).
    pub fn with_cores(cores: usize) -> VirtualLoop {
        VirtualLoop { cores: Some(cores), ..VirtualLoop::default() }
    }

    /// The same loop, whose runs stop after `steps` steps (a bound for predictions).
    pub fn with_max_steps(self, steps: u64) -> VirtualLoop {
        VirtualLoop { max_steps: Some(steps), ..self }
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, ReadyQueue> {
        self.ready.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs until no task is ready and no timer is pending.
    pub fn run(&self) -> Result<(), LoopError> {
        self.run_until(f64::INFINITY).map(|_| ())
    }

    /// Runs until no task is ready and no timer is pending (`true`), or until the next
    /// timer is due after `limit` ms of virtual time (`false`: the run goes on past it).
    pub fn run_until(&self, limit: f64) -> Result<bool, LoopError> {
        loop {
            if self.queue().items.is_empty() {
                if !self.advance_to_next_timer() {
                    return Ok(true);
                }
                if self.state.borrow().now > limit {
                    return Ok(false);
                }
            }
            self.move_due_timers();
            let batch = self.queue().items.len();
            for _ in 0..batch {
                let Some(item) = self.queue().items.pop_front() else {
                    break;
                };
                let mut state = self.state.borrow_mut();
                state.steps += 1;
                if state.steps > self.max_steps.unwrap_or(MAX_STEPS) {
                    return Err(LoopError::TooManySteps);
                }
                drop(state);
                match item {
                    Item::Task(id) => self.poll_task(id),
                    Item::Timer(seq) => self.fire(seq),
                }
            }
        }
    }

    /// Skips ahead to the earliest live timer; `false` if there is none.
    fn advance_to_next_timer(&self) -> bool {
        let mut state = self.state.borrow_mut();
        while let Some(Reverse((when, seq))) = state.heap.peek().copied() {
            let cancelled = state.timers.get(&seq).is_none_or(|slot| slot.borrow().cancelled);
            if cancelled {
                state.heap.pop();
                state.timers.remove(&seq);
                continue;
            }
            state.now = state.now.max(when as f64 / 1000.0);
            return true;
        }
        false
    }

    fn move_due_timers(&self) {
        let mut state = self.state.borrow_mut();
        let end = (state.now * 1000.0).round() as i64;
        while let Some(Reverse((when, seq))) = state.heap.peek().copied() {
            if when > end {
                break;
            }
            state.heap.pop();
            if state.timers.get(&seq).is_some_and(|slot| !slot.borrow().cancelled) {
                self.queue().items.push_back(Item::Timer(seq));
            }
        }
    }

    fn fire(&self, seq: u64) {
        let slot = self.state.borrow_mut().timers.remove(&seq);
        if let Some(slot) = slot {
            let mut slot = slot.borrow_mut();
            if slot.cancelled {
                return;
            }
            slot.fired = true;
            if let Some(waker) = slot.waker.take() {
                waker.wake();
            }
        }
    }

    fn poll_task(&self, id: usize) {
        self.queue().queued.remove(&id);
        let Some(mut future) = self.state.borrow_mut().tasks.remove(&id) else {
            return;
        };
        let waker = Waker::from(Arc::new(TaskWaker { id, ready: self.ready.clone() }));
        if future.as_mut().poll(&mut Context::from_waker(&waker)).is_pending() {
            self.state.borrow_mut().tasks.insert(id, future);
        }
    }
}

impl Runtime for VirtualLoop {
    fn now(&self) -> f64 {
        self.state.borrow().now
    }

    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        Box::pin(Sleep { state: self.state.clone(), ms, slot: None })
    }

    fn block(&self, ms: f64) {
        self.state.borrow_mut().now += ms;
    }

    fn cores(&self) -> usize {
        self.cores.unwrap_or(crate::aio::DEFAULT_CORES)
    }

    fn spawn(&self, future: LocalFuture<()>) {
        let id = {
            let mut state = self.state.borrow_mut();
            let id = state.next_task;
            state.next_task += 1;
            state.tasks.insert(id, future);
            id
        };
        self.queue().push_task(id);
    }
}

struct Sleep {
    state: Rc<RefCell<State>>,
    ms: f64,
    slot: Option<Rc<RefCell<TimerSlot>>>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(slot) = &self.slot {
            let mut slot = slot.borrow_mut();
            if slot.fired {
                return Poll::Ready(());
            }
            slot.waker = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let slot = Rc::new(RefCell::new(TimerSlot { waker: Some(cx.waker().clone()), ..TimerSlot::default() }));
        let mut state = self.state.borrow_mut();
        let when = ((state.now + self.ms) * 1000.0).round() as i64;
        let seq = state.next_timer;
        state.next_timer += 1;
        state.heap.push(Reverse((when, seq)));
        state.timers.insert(seq, slot.clone());
        drop(state);
        self.slot = Some(slot);
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(slot) = &self.slot {
            if let Ok(mut slot) = slot.try_borrow_mut() {
                slot.cancelled = true;
            }
        }
    }
}
