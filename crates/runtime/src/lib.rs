//! The browser's event loop as a [`playground_core::aio::Runtime`]: tasks are spawned
//! with `wasm_bindgen_futures::spawn_local`, async sleeps are `gloo-timers`, times come
//! from `performance.now()`, and a blocking sleep is a real busy wait that holds the
//! page's only thread, exactly as `time.sleep` holds asyncio's loop. Offloaded
//! sleeps (`sleep=thread`, `sleep=process`) run in a pool of real Web Workers.

mod workers;

pub use workers::{workers, Workers};

use gloo_timers::future::TimeoutFuture;
use playground_core::aio::{LocalFuture, Runtime};
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
        let global = js_sys::global();
        let performance = js_sys::Reflect::get(&global, &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
            .ok_or(RuntimeError::NoPerformanceClock)?;
        Ok(BrowserRuntime { performance })
    }
}

impl Runtime for BrowserRuntime {
    fn now(&self) -> f64 {
        self.performance.now()
    }

    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        // setTimeout takes whole milliseconds; dropping the future clears the timer.
        Box::pin(TimeoutFuture::new(ms.max(0.0).round() as u32))
    }

    fn block(&self, ms: f64) {
        let end = self.performance.now() + ms;
        while self.performance.now() < end {
            std::hint::spin_loop();
        }
    }

    fn spawn(&self, future: LocalFuture<()>) {
        wasm_bindgen_futures::spawn_local(future);
    }

    fn offload(&self, worker: usize, ms: f64) -> LocalFuture<Result<(), String>> {
        workers().run(worker, ms)
    }

    fn cores(&self) -> usize {
        cores()
    }
}

/// A hidden switch for the tests: whether `globalThis[name]` is truthy. It is cleared
/// once read, so a switch acts once.
pub fn debug_switch(name: &str) -> bool {
    let key = wasm_bindgen::JsValue::from_str(name);
    let global = js_sys::global();
    let on = js_sys::Reflect::get(&global, &key).map(|v| v.is_truthy()).unwrap_or(false);
    if on {
        let _ = js_sys::Reflect::set(&global, &key, &wasm_bindgen::JsValue::FALSE);
    }
    on
}

/// `navigator.hardwareConcurrency`, the count Python's pools are sized from.
pub fn cores() -> usize {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok();
    navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()).ok())
        .and_then(|c| c.as_f64())
        .map_or(1, |c| (c as usize).max(1))
}
