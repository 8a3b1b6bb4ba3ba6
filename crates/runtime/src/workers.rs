//! The page's pool of Web Workers (lesson 6): each runs blocking sleeps on its own
//! thread, so the page's event loop stays free. Workers don't share the page's
//! memory, so both Python's threads and its processes become workers here.
//!
//! The core's pool decides which worker runs which call; here worker `i` is slot `i`
//! ([`crate::slots`]). A call whose future is dropped before it ends (Stop) terminates its
//! worker, and a fresh one takes the slot, so the pool keeps its size.

use crate::slots::{time_origin, Calls, SlotState, Slots};
use playground_core::aio::LocalFuture;
use playground_core::worker_protocol::{FromWorker, ToWorker};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The worker's loader, written by Trunk beside `index.html` (relative, for any host).
pub const SCRIPT: &str = "./playground-worker_loader.js";

/// Hears when the worker began a call (ms on the page's clock).
type Started = Box<dyn FnOnce(f64)>;

/// What lesson 6's workers say: beside a call under way, who hears when it really began;
/// a call's reply is when it ended (page ms).
#[derive(Default)]
pub struct State;

impl SlotState for State {
    type Call = Option<Started>;
    type Reply = f64;

    fn heard(&mut self, calls: &mut Calls<Option<Started>, f64>, data: &JsValue) {
        let wire = js_sys::Float64Array::new(data).to_vec();
        match FromWorker::decode(&wire) {
            Ok(FromWorker::Ready) => calls.ready = true,
            Ok(FromWorker::Started { call, at }) => {
                if let Some(started) = calls.current(call).and_then(Option::take) {
                    started(at - time_origin());
                }
            }
            Ok(FromWorker::Done { call, at }) => calls.end(call, Ok(at - time_origin())),
            Err(e) => web_sys::console::error_1(&format!("the page's worker pool: {e}").into()),
        }
    }
}

/// The pool of workers shared by every run of the page.
pub struct Workers {
    slots: Slots<State>,
}

impl Default for Workers {
    fn default() -> Self {
        Workers { slots: Slots::new(SCRIPT, false, || {}) }
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
        // The extra ones are terminated as they are dropped; one busy with a call (the pool
        // was made smaller during a run) is kept until a later warm-up finds it free.
        let busy = |i: usize| self.slots.state(i).is_some_and(|s| s.borrow().calls.call.is_some());
        let keep = (n..self.slots.len()).rev().find(|&i| busy(i)).map_or(n, |i| i + 1);
        self.slots.truncate(keep);
        self.slots.warm(n).await
    }

    /// Runs a blocking sleep of `ms` on worker `i` (starting it if need be). `started`
    /// hears when the worker began it; the future gives when it ended (page ms).
    /// Dropping the future before then terminates the worker and replaces it.
    pub fn run(self: Rc<Self>, i: usize, ms: f64, started: Started) -> LocalFuture<Result<f64, String>> {
        Box::pin(async move {
            let send = |call| {
                let wire: Vec<f64> = ToWorker::Sleep { call, ms }.encode().to_vec();
                self.slots.post(i, &js_sys::Float64Array::from(&wire[..]).into())
            };
            self.slots.call(i, Some(started), send, |_| {}).await
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
