//! The browser's event loop as a [`playground_core::aio::Runtime`]: tasks are spawned
//! with `wasm_bindgen_futures::spawn_local`, async sleeps are `gloo-timers`, times come
//! from `performance.now()`, and a blocking sleep is a real busy wait that holds the
//! page's only thread, exactly as `time.sleep` holds asyncio's loop. Offloaded
//! sleeps (`sleep=thread`, `sleep=process`) run in a pool of real Web Workers.

mod calls;
pub mod dom;
pub mod slots;
pub mod timers;
mod workers;

pub use workers::{workers, Workers};

use playground_core::aio::{busy_wait, LocalFuture, Runtime};
use wasm_bindgen::JsCast;

/// Why the browser runtime could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeError {
    /// The global object has no `performance` clock.
    NoPerformanceClock,
}

impl std::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuntimeError::NoPerformanceClock => f.write_str("this browser has no performance.now() clock"),
        }
    }
}

/// The runtime of the page (or of a worker): real time, real timers, real tasks.
pub struct BrowserRuntime {
    performance: web_sys::Performance,
}

impl BrowserRuntime {
    /// The runtime of the current global scope (window or worker).
    pub fn new() -> Result<BrowserRuntime, RuntimeError> {
        Ok(BrowserRuntime { performance: performance().ok_or(RuntimeError::NoPerformanceClock)? })
    }
}

/// The current global scope's `performance` clock (a window's or a worker's), if it has one.
pub fn performance() -> Option<web_sys::Performance> {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok().and_then(|p| p.dyn_into().ok())
}

impl Runtime for BrowserRuntime {
    fn now(&self) -> f64 {
        self.performance.now()
    }

    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        // One heap of deadlines for the page (see `timers`); dropping the future cancels it.
        Box::pin(timers::sleep(ms))
    }

    fn block(&self, ms: f64) {
        busy_wait(ms, || self.performance.now());
    }

    fn spawn(&self, future: LocalFuture<()>) {
        wasm_bindgen_futures::spawn_local(future);
    }

    fn offload(&self, worker: usize, ms: f64, started: Box<dyn FnOnce(f64)>) -> LocalFuture<Result<f64, String>> {
        workers().run(worker, ms, started)
    }

    fn cores(&self) -> usize {
        cores()
    }
}

/// `navigator.hardwareConcurrency`, the count Python's pools are sized from.
pub fn cores() -> usize {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok();
    navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()).ok())
        .and_then(|c| c.as_f64())
        .map_or(1, |c| (c as usize).max(1))
}
