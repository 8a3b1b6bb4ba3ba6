//! The page's pool of Web Workers (lesson 6): each runs blocking sleeps on its own
//! thread, so the page's event loop stays free. Workers don't share the page's
//! memory, so both Python's threads and its processes become workers here.
//!
//! The core's pool decides which worker runs which call; here worker `i` is slot `i`.
//! A call whose future is dropped before it ends (Stop) terminates its worker, and a
//! fresh one takes the slot, so the pool keeps its size.

use playground_core::aio::LocalFuture;
use playground_core::worker_protocol::{FromWorker, ToWorker};
use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader, written by Trunk beside `index.html` (relative, for any host).
pub const SCRIPT: &str = "./playground-worker_loader.js";

/// Hears when the worker began a call (ms on the page's clock).
type Started = Box<dyn FnOnce(f64)>;

#[derive(Default)]
struct State {
    ready: bool,
    failed: Option<String>,
    /// The call under way, and who hears when it really began.
    call: Option<(u32, Option<Started>)>,
    /// How the last call ended: when (page ms), or why it failed.
    result: Option<Result<f64, String>>,
}

struct Slot {
    worker: Option<Worker>,
    state: Rc<RefCell<State>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl Slot {
    /// Ends the worker. Its handlers are unset first: a message it had already sent may
    /// still be delivered, and must not reach closures that are about to be dropped.
    fn terminate(&self) {
        if let Some(worker) = &self.worker {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// The pool of workers shared by every run of the page.
#[derive(Default)]
pub struct Workers {
    slots: RefCell<Vec<Slot>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
    next_call: Cell<u32>,
}

thread_local! {
    static WORKERS: Rc<Workers> = Rc::new(Workers::default());
}

/// The page's pool.
pub fn workers() -> Rc<Workers> {
    WORKERS.with(Rc::clone)
}

fn wake_all(wakers: &RefCell<Vec<Waker>>) {
    for waker in wakers.borrow_mut().drain(..) {
        waker.wake();
    }
}

/// `performance.timeOrigin` of this page: the worker's absolute times minus this are page ms.
fn time_origin() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin())
}

fn on_message(state: &RefCell<State>, event: &MessageEvent) {
    let wire = js_sys::Float64Array::new(&event.data()).to_vec();
    let mut st = state.borrow_mut();
    match FromWorker::decode(&wire) {
        Ok(FromWorker::Ready) => st.ready = true,
        Ok(FromWorker::Started { call, at }) => {
            let heard = match &mut st.call {
                Some((c, started)) if *c == call => started.take(),
                _ => None, // an answer for another call: not ours to hear
            };
            drop(st);
            if let Some(started) = heard {
                started(at - time_origin());
            }
        }
        Ok(FromWorker::Done { call, at }) => {
            if st.call.as_ref().is_some_and(|(c, _)| *c == call) {
                st.call = None;
                st.result = Some(Ok(at - time_origin()));
            }
        }
        Err(e) => web_sys::console::error_1(&format!("the page's worker pool: {e}").into()),
    }
}

impl Workers {
    fn start(&self) -> Slot {
        let state = Rc::new(RefCell::new(State::default()));
        let (s, w) = (state.clone(), self.wakers.clone());
        let on_msg = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            on_message(&s, &event);
            wake_all(&w);
        });
        let (s, w) = (state.clone(), self.wakers.clone());
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let mut st = s.borrow_mut();
            let message = format!("the Web Worker died ({})", event.message());
            st.failed = Some(message.clone());
            if st.call.take().is_some() {
                st.result = Some(Err(message));
            }
            drop(st);
            wake_all(&w);
        });
        let worker = match Worker::new(SCRIPT) {
            Ok(worker) => {
                worker.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                Some(worker)
            }
            Err(e) => {
                state.borrow_mut().failed = Some(format!("the browser refused to start one ({})", js_error(&e)));
                None
            }
        };
        Slot { worker, state, _on_message: on_msg, _on_error: on_error }
    }

    /// Replaces the worker of slot `i` with a fresh one (it died, or was stopped mid-call).
    fn replace(&self, i: usize) {
        let fresh = self.start();
        let mut slots = self.slots.borrow_mut();
        if let Some(slot) = slots.get_mut(i) {
            *slot = fresh; // the old one is terminated as it is dropped
        }
    }

    /// Makes the pool exactly `n` workers (starting or replacing dead ones, ending the
    /// extra ones) and waits until they are all ready. Resolves with the milliseconds it
    /// took, or the first failure.
    pub async fn warm(self: Rc<Self>, n: usize) -> Result<f64, String> {
        let started = js_sys::Date::now();
        for i in 0..n {
            let dead = self.slots.borrow().get(i).map(|s| s.state.borrow().failed.is_some());
            match dead {
                None => {
                    let slot = self.start();
                    self.slots.borrow_mut().push(slot);
                }
                Some(true) => self.replace(i),
                Some(false) => {}
            }
        }
        // The extra ones are terminated as they are dropped; one busy with a call (the pool
        // was made smaller during a run) is kept until a later warm-up finds it free.
        {
            let mut slots = self.slots.borrow_mut();
            let keep = (n..slots.len()).rev().find(|&i| slots[i].state.borrow().call.is_some()).map_or(n, |i| i + 1);
            slots.truncate(keep);
        }
        self.ready(0..n).await?;
        Ok(js_sys::Date::now() - started)
    }

    /// Waits until the workers of `range` are ready, or one of them failed.
    async fn ready(&self, range: std::ops::Range<usize>) -> Result<(), String> {
        poll_fn(|cx| {
            let slots = self.slots.borrow();
            for slot in &slots[range.start.min(slots.len())..range.end.min(slots.len())] {
                let st = slot.state.borrow();
                if let Some(e) = &st.failed {
                    return Poll::Ready(Err(e.clone()));
                }
                if !st.ready {
                    self.wakers.borrow_mut().push(cx.waker().clone());
                    return Poll::Pending;
                }
            }
            Poll::Ready(Ok(()))
        })
        .await
    }

    /// Runs a blocking sleep of `ms` on worker `i` (starting it if need be). `started`
    /// hears when the worker began it; the future gives when it ended (page ms).
    /// Dropping the future before then terminates the worker and replaces it.
    pub fn run(self: Rc<Self>, i: usize, ms: f64, started: Started) -> LocalFuture<Result<f64, String>> {
        Box::pin(async move {
            while self.slots.borrow().len() <= i {
                let slot = self.start();
                self.slots.borrow_mut().push(slot);
            }
            if self.slots.borrow()[i].state.borrow().failed.is_some() {
                self.replace(i);
            }
            self.ready(i..i + 1).await?;
            let call = self.next_call.get();
            self.next_call.set(call.wrapping_add(1));
            let state = self.slots.borrow()[i].state.clone();
            {
                let mut st = state.borrow_mut();
                st.call = Some((call, Some(started)));
                st.result = None;
            }
            let wire: Vec<f64> = ToWorker::Sleep { call, ms }.encode().to_vec();
            let posted = match &self.slots.borrow()[i].worker {
                Some(worker) => worker
                    .post_message(&js_sys::Float64Array::from(&wire[..]).into())
                    .map_err(|e| format!("the Web Worker refused the call: {e:?}")),
                None => Err("the Web Worker could not start".to_string()),
            };
            if let Err(e) = posted {
                state.borrow_mut().call = None;
                return Err(e);
            }
            // Dropped with this future: if the call is still under way then, the worker is replaced.
            let _abandon = Abandon { pool: self.clone(), slot: i, state: state.clone() };
            let wakers = self.wakers.clone();
            poll_fn(move |cx| match state.borrow_mut().result.take() {
                Some(result) => Poll::Ready(result),
                None => {
                    wakers.borrow_mut().push(cx.waker().clone());
                    Poll::Pending
                }
            })
            .await
        })
    }

    /// How many workers the pool holds.
    pub fn len(&self) -> usize {
        self.slots.borrow().len()
    }

    /// Whether the pool holds no worker.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Terminates and replaces a worker whose call was abandoned before it ended.
struct Abandon {
    pool: Rc<Workers>,
    slot: usize,
    state: Rc<RefCell<State>>,
}

impl Drop for Abandon {
    fn drop(&mut self) {
        if self.state.borrow_mut().call.take().is_some() {
            self.pool.replace(self.slot);
        }
    }
}

/// A thrown JavaScript value in words: an Error's (or DOMException's) name and message.
fn js_error(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}
