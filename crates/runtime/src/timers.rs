//! The page's timers, kept as CPython's event loop keeps them: one heap of deadlines,
//! and every timer that is due fires in the same pass, in the heap's order (deadline,
//! then creation), so timers meant to be simultaneous wake their tasks together.
//!
//! One browser timer drives the whole heap. Chromium rounds `setTimeout` to whole
//! milliseconds and clamps nested ones to 4 ms, so the driver sleeps with a
//! `gloo-timers` timeout until a few milliseconds before the earliest deadline, then yields through a
//! `MessageChannel` (which is not clamped, and lets every other task run) until the
//! deadline is reached. A sleep of 1 ms then takes 1 ms, at every speed; and a hundred
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

/// Within this many ms of the earliest due deadline, later deadlines fire in the same
/// pass: steps of one pass read the clock microseconds apart, and a coarse
/// `performance.now()` (100 µs in Chromium) must not split what CPython fires together.
pub const TIE_MS: f64 = 0.5;
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
    /// The deadline (µs) the driver is set for, if it is set.
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
    let deadline = micros(now() + ms.max(0.0));
    let id = HEAP.with(|h| {
        let mut heap = h.borrow_mut();
        let id = heap.next;
        heap.next += 1;
        heap.heap.push(Reverse((deadline, id)));
        heap.slots.insert(id, Slot::default());
        id
    });
    arm();
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

/// Fires the timers due now (or within [`TIE_MS`] of the earliest due one), in the heap's
/// order, at most [`TIMERS_PER_PASS`] of them, then sets the driver for the next deadline.
fn tick() {
    let due = HEAP.with(|h| {
        let mut heap = h.borrow_mut();
        heap.armed = None;
        let t = micros(now());
        let mut wakers = Vec::new();
        if earliest(&mut heap).is_some_and(|first| first <= t) {
            let end = t + micros(TIE_MS);
            while let Some(&Reverse((deadline, id))) = heap.heap.peek() {
                if deadline > end || wakers.len() >= TIMERS_PER_PASS {
                    break;
                }
                heap.heap.pop();
                if let Some(slot) = heap.slots.get_mut(&id) {
                    slot.fired = true;
                    wakers.extend(slot.waker.take());
                }
            }
        }
        wakers
    });
    for waker in due {
        waker.wake();
    }
    arm();
}

/// Sets the driver for the earliest deadline, unless it is set for it already.
fn arm() {
    let (deadline, driver) = HEAP
        .with(|h| {
            let mut heap = h.borrow_mut();
            let deadline = earliest(&mut heap)?;
            if heap.armed.is_some_and(|armed| armed <= deadline) {
                return None;
            }
            heap.armed = Some(deadline);
            Some((deadline, heap.driver.get_or_insert_with(Driver::new).clone()))
        })
        .unzip();
    let (Some(deadline), Some(driver)) = (deadline, driver) else { return };
    let wait = deadline as f64 / 1000.0 - now() - SPIN_MS;
    // The driver keeps one pending timeout, for the earliest deadline: replacing it clears the old one.
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
