//! The page's timers, kept as CPython's event loop keeps them: one heap of deadlines,
//! and every timer that is due fires in the same pass, in the heap's order (deadline,
//! then creation), so timers meant to be simultaneous wake their tasks together.
//!
//! When it runs out of work, CPython's loop waits for its earliest deadline with `epoll`,
//! whose timeout is in whole milliseconds, rounded up (`selectors.EpollSelector`); then
//! it runs every timer due by the time it woke. So two `sleep(0.2)` that start in one
//! pass, microseconds apart, end in one pass. The heap does the same: at each point
//! where CPython would wait (a timer is set, or a pass of timers has fired), it sets its
//! wake-up to now plus the time to the earliest deadline rounded up to whole milliseconds,
//! and when it wakes it fires every timer due by then. No timer fires before its time.
//!
//! One browser timer drives the whole heap. Chromium rounds `setTimeout` to whole
//! milliseconds and clamps nested ones to 4 ms, so the driver sleeps with a
//! `gloo-timers` timeout until a few milliseconds before the wake-up, then yields through a
//! `MessageChannel` (which is not clamped, and lets every other task run) until the
//! wake-up is reached. A sleep of 1 ms then takes 1 ms, at every speed; and a hundred
//! thousand sleeps cost one browser timer, not a hundred thousand.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The loop's wait for its next deadline is rounded up to a multiple of this (µs): a
/// millisecond, as CPython's `epoll` wait is.
const WAIT_GRAIN_US: i64 = 1000;
/// Most timers fired in one pass. Up to this many timers due together wake in one pass, as
/// in one iteration of CPython's loop; beyond it (a gather of 100,000 sleeps), the rest fire
/// in the next passes, in the heap's order, and the browser draws between them.
pub const TIMERS_PER_PASS: usize = 1000;
/// The driver hands over from `setTimeout` to the message channel this long before a deadline.
const SPIN_MS: f64 = 5.0;

#[derive(Default)]
struct Slot {
    fired: bool,
    waker: Option<Waker>,
}

/// A deadline in µs (an integer, so the heap orders it exactly), and a creation number.
type Key = (i64, u64);

#[derive(Default)]
struct Heap {
    heap: BinaryHeap<Reverse<Key>>,
    slots: HashMap<u64, Slot>,
    next: u64,
    /// When (µs) the next pass may fire timers: where CPython's wait would end.
    wake: Option<i64>,
    /// The wake-up (µs) the driver is set for, if it is set.
    armed: Option<i64>,
    driver: Option<Rc<Driver>>,
}

thread_local! {
    static HEAP: Rc<RefCell<Heap>> = Rc::new(RefCell::new(Heap::default()));
}

thread_local! {
    /// The page's clock, or a worker's in a worker (whose calls sleep on its own heap).
    static CLOCK: Option<web_sys::Performance> = crate::performance();
}

/// `performance.now()`, with the clock looked up once.
fn now() -> f64 {
    CLOCK.with(|clock| clock.as_ref().map_or(0.0, web_sys::Performance::now))
}

fn micros(ms: f64) -> i64 {
    (ms * 1000.0).round() as i64
}

/// A sleep of `ms` from now: done once its deadline is reached. Dropping it cancels it.
pub fn sleep(ms: f64) -> Sleep {
    let t = micros(now());
    let deadline = t + micros(ms.max(0.0));
    let id = HEAP.with(|h| {
        let mut heap = h.borrow_mut();
        let id = heap.next;
        heap.next += 1;
        heap.heap.push(Reverse((deadline, id)));
        heap.slots.insert(id, Slot::default());
        id
    });
    arm(t);
    Sleep { id }
}

/// The future of [`sleep`].
pub struct Sleep {
    id: u64,
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        HEAP.with(|h| {
            let mut heap = h.borrow_mut();
            match heap.slots.get_mut(&self.id) {
                None => Poll::Ready(()),
                Some(slot) if slot.fired => {
                    heap.slots.remove(&self.id);
                    Poll::Ready(())
                }
                Some(slot) => {
                    slot.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        // A cancelled timer stays in the heap until its time, like CPython's, but fires nothing.
        HEAP.with(|h| h.borrow_mut().slots.remove(&self.id));
    }
}

/// The earliest deadline of a timer still wanted, dropping cancelled ones from the top.
fn earliest(heap: &mut Heap) -> Option<i64> {
    while let Some(&Reverse((deadline, id))) = heap.heap.peek() {
        if heap.slots.get(&id).is_some_and(|s| !s.fired) {
            return Some(deadline);
        }
        heap.heap.pop();
    }
    None
}

/// The driver's pass: once the wake-up is reached, fires the timers due by now, in the
/// heap's order, at most [`TIMERS_PER_PASS`] of them, and waits again from the pass's time (see [`arm`]);
/// before it, keeps the driver going until it is.
fn tick() {
    let t = micros(now());
    let due = HEAP.with(|h| {
        let mut heap = h.borrow_mut();
        heap.armed = None;
        if heap.wake.is_none_or(|wake| wake > t) {
            return None;
        }
        heap.wake = None;
        let mut wakers = Vec::new();
        while let Some(&Reverse((deadline, id))) = heap.heap.peek() {
            if deadline > t || wakers.len() >= TIMERS_PER_PASS {
                break;
            }
            heap.heap.pop();
            if let Some(slot) = heap.slots.get_mut(&id) {
                slot.fired = true;
                wakers.extend(slot.waker.take());
            }
        }
        Some(wakers)
    });
    match due {
        Some(wakers) => {
            for waker in wakers {
                waker.wake();
            }
            arm(t);
        }
        None => drive(),
    }
}

/// A point where CPython's loop would wait, at `t` (µs, the clock its caller read): the
/// wake-up is set to `t` plus the time to the earliest deadline, rounded up to whole
/// milliseconds (none if no timer is wanted).
fn arm(t: i64) {
    HEAP.with(|h| {
        let mut heap = h.borrow_mut();
        heap.wake = earliest(&mut heap).map(|deadline| {
            let wait = (deadline - t).max(0);
            t + (wait + WAIT_GRAIN_US - 1) / WAIT_GRAIN_US * WAIT_GRAIN_US
        });
    });
    drive();
}

/// Sets the driver for the wake-up, unless it is set for it or before it already.
fn drive() {
    let (wake, driver) = HEAP
        .with(|h| {
            let mut heap = h.borrow_mut();
            let wake = heap.wake?;
            if heap.armed.is_some_and(|armed| armed <= wake) {
                return None;
            }
            heap.armed = Some(wake);
            Some((wake, heap.driver.get_or_insert_with(Driver::new).clone()))
        })
        .unzip();
    let (Some(wake), Some(driver)) = (wake, driver) else { return };
    let wait = wake as f64 / 1000.0 - now() - SPIN_MS;
    // The driver keeps one pending timeout, for the wake-up: replacing it clears the old one.
    // When it fires it only spins, so that it is never replaced while its own callback runs.
    let timeout = (wait >= 1.0).then(|| Timeout::new(wait as u32, kick));
    if timeout.is_none() {
        driver.spin();
    }
    driver.timeout.replace(timeout);
}

/// What drives the heap: a `gloo-timers` timeout, and a message channel to spin on.
struct Driver {
    timeout: RefCell<Option<Timeout>>,
    /// The port to post to and the handler of the other one; `None` where the browser
    /// has no `MessageChannel` (then a zero timeout spins instead).
    channel: Option<(web_sys::MessagePort, Closure<dyn FnMut()>)>,
}

impl Driver {
    fn new() -> Rc<Driver> {
        let channel = web_sys::MessageChannel::new().ok().map(|channel| {
            let on_message = Closure::<dyn FnMut()>::new(tick);
            channel.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            (channel.port2(), on_message)
        });
        Rc::new(Driver { timeout: RefCell::new(None), channel })
    }

    /// Runs [`tick`] again as soon as the browser has run what is waiting.
    fn spin(&self) {
        match &self.channel {
            Some((port, _)) => {
                let _ = port.post_message(&wasm_bindgen::JsValue::NULL);
            }
            None => {
                Timeout::new(0, tick).forget();
            }
        }
    }
}

/// The driver's timeout fired: spin from here to the deadline.
fn kick() {
    if let Some(driver) = HEAP.with(|h| h.borrow().driver.clone()) {
        driver.spin();
    }
}

/// When (`performance.now()` ms) the page's timers next wake, if a timer is wanted: the
/// page's own drawing keeps away from it.
pub fn next_wake() -> Option<f64> {
    HEAP.with(|h| h.borrow().wake).map(|wake| wake as f64 / 1000.0)
}
