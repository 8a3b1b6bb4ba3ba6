//! The page's pool of Web Workers (lesson 6): each runs blocking sleeps on its own
//! thread, so the page's event loop stays free. Workers don't share the page's
//! memory, so both Python's threads and its processes become workers here.
//!
//! The core's pool decides which worker runs which call; here worker `i` is slot `i`
//! ([`crate::slots`]). A call whose future is dropped before it ends (Stop) terminates its
//! worker, and a fresh one takes the slot, so the pool keeps its size.

use crate::slots::{SlotState, Slots};
use playground_core::aio::LocalFuture;
use playground_core::worker_protocol::{FromWorker, ToWorker};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The worker's loader, written by Trunk beside `index.html` (relative, for any host).
pub const SCRIPT: &str = "./playground-worker_loader.js";

/// Hears when the worker began a call (ms on the page's clock).
type Started = Box<dyn FnOnce(f64)>;

/// What a slot knows of its worker.
#[derive(Default)]
pub struct State {
    ready: bool,
    failed: Option<String>,
    /// The call under way, and who hears when it really began.
    call: Option<(u32, Option<Started>)>,
    /// How the last call ended: when (page ms), or why it failed.
    result: Option<Result<f64, String>>,
}

/// `performance.timeOrigin` of this page: the worker's absolute times minus this are page ms.
fn time_origin() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin())
}

impl SlotState for State {
    fn heard(&mut self, data: &JsValue) {
        let wire = js_sys::Float64Array::new(data).to_vec();
        match FromWorker::decode(&wire) {
            Ok(FromWorker::Ready) => self.ready = true,
            Ok(FromWorker::Started { call, at }) => {
                // An answer for another call is not ours to hear.
                if let Some((c, started)) = &mut self.call {
                    if *c == call {
                        if let Some(started) = started.take() {
                            started(at - time_origin());
                        }
                    }
                }
            }
            Ok(FromWorker::Done { call, at }) => {
                if self.call.as_ref().is_some_and(|(c, _)| *c == call) {
                    self.call = None;
                    self.result = Some(Ok(at - time_origin()));
                }
            }
            Err(e) => web_sys::console::error_1(&format!("the page's worker pool: {e}").into()),
        }
    }

    fn died(&mut self, why: String) {
        if self.call.take().is_some() {
            self.result = Some(Err(why.clone()));
        }
        self.failed = Some(why);
    }

    fn is_ready(&self) -> bool {
        self.ready
    }

    fn failure(&self) -> Option<String> {
        self.failed.clone()
    }
}

/// The pool of workers shared by every run of the page.
pub struct Workers {
    slots: Slots<State>,
    next_call: Cell<u32>,
}

impl Default for Workers {
    fn default() -> Self {
        Workers { slots: Slots::new(SCRIPT, false, || {}), next_call: Cell::new(0) }
    }
}

thread_local! {
    static WORKERS: Rc<Workers> = Rc::new(Workers::default());
}

/// The page's pool.
pub fn workers() -> Rc<Workers> {
    WORKERS.with(Rc::clone)
}

impl Workers {
    /// Makes the pool exactly `n` workers (starting or replacing dead ones, ending the
    /// extra ones) and waits until they are all ready. Resolves with the milliseconds it
    /// took, or the first failure.
    pub async fn warm(self: Rc<Self>, n: usize) -> Result<f64, String> {
        let started = js_sys::Date::now();
        self.slots.fill(n);
        // The extra ones are terminated as they are dropped; one busy with a call (the pool
        // was made smaller during a run) is kept until a later warm-up finds it free.
        let busy = |i: usize| self.slots.state(i).is_some_and(|s| s.borrow().call.is_some());
        let keep = (n..self.slots.len()).rev().find(|&i| busy(i)).map_or(n, |i| i + 1);
        self.slots.truncate(keep);
        self.slots.ready(0..n).await?;
        Ok(js_sys::Date::now() - started)
    }

    /// Runs a blocking sleep of `ms` on worker `i` (starting it if need be). `started`
    /// hears when the worker began it; the future gives when it ended (page ms).
    /// Dropping the future before then terminates the worker and replaces it.
    pub fn run(self: Rc<Self>, i: usize, ms: f64, started: Started) -> LocalFuture<Result<f64, String>> {
        Box::pin(async move {
            self.slots.fill(i + 1);
            self.slots.ready(i..i + 1).await?;
            let call = self.next_call.get();
            self.next_call.set(call.wrapping_add(1));
            let state = self.slots.state(i).ok_or("the Web Worker could not start")?;
            {
                let mut st = state.borrow_mut();
                st.call = Some((call, Some(started)));
                st.result = None;
            }
            let wire: Vec<f64> = ToWorker::Sleep { call, ms }.encode().to_vec();
            if let Err(e) = self.slots.post(i, &js_sys::Float64Array::from(&wire[..]).into()) {
                state.borrow_mut().call = None;
                return Err(e);
            }
            // Dropped with this future: if the call is still under way then, the worker is replaced.
            let _abandon = Abandon { pool: self.clone(), slot: i, state: state.clone() };
            self.slots.until(|| state.borrow_mut().result.take()).await
        })
    }

    /// How many workers the pool holds.
    pub fn len(&self) -> usize {
        self.slots.len()
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
            self.pool.slots.replace(self.slot);
        }
    }
}
