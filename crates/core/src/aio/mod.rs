//! asyncio's semantics, written on injected time and spawning.
//!
//! Each piece follows CPython's own structure so that orderings match it: a
//! [`AioFuture`] schedules each of its done callbacks as a separate step on the loop
//! (CPython's `call_soon`), a [`Task`] drives a coroutine and can be cancelled before or
//! during its run, and [`gather`](gather::gather) and [`TaskGroup`] are built from done
//! callbacks exactly as `asyncio.gather` and `asyncio.TaskGroup` are.

mod future;
pub mod gather;
mod group;
pub mod pool;
pub mod probe;
mod task;

pub use future::{AioFuture, Outcome};
pub use group::TaskGroup;
pub use task::{create_task, Task};

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A boxed future that stays on its thread.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Time and spawning, injected: the browser's event loop or the virtual loop.
pub trait Runtime {
    /// Milliseconds on a monotonic clock.
    fn now(&self) -> f64;
    /// An asynchronous sleep: the loop runs other work meanwhile. Dropping it cancels it.
    fn sleep(&self, ms: f64) -> LocalFuture<()>;
    /// A blocking sleep: nothing else runs and no callback fires until it returns.
    fn block(&self, ms: f64);
    /// Schedules a future to run as its own task, after the work already scheduled.
    fn spawn(&self, future: LocalFuture<()>);
    /// A blocking sleep of `ms` on worker `worker` of the pool, off this loop. `started`
    /// hears when the worker really began it, and the future gives when it really ended
    /// (both on this runtime's clock). Dropping the future before it is done abandons the
    /// call: the runtime stops that worker and replaces it. By default (the virtual loop)
    /// another thread's sleep is a timer.
    fn offload(&self, worker: usize, ms: f64, started: Box<dyn FnOnce(f64)>) -> LocalFuture<Result<f64, String>> {
        let _ = worker;
        let begun = self.now();
        started(begun);
        let sleep = self.sleep(ms);
        Box::pin(async move {
            sleep.await;
            Ok(begun + ms)
        })
    }
    /// Logical cores, for Python's default pool sizes.
    fn cores(&self) -> usize {
        DEFAULT_CORES
    }
}

/// The logical cores assumed where the machine does not say (the virtual loop, the ideal run).
pub const DEFAULT_CORES: usize = 4;

/// A real blocking sleep: spins on `now` (ms) until `ms` have passed. It holds its thread,
/// as `time.sleep` holds Python's: the page's runtime and the Web Workers both use it.
pub fn busy_wait(ms: f64, now: impl Fn() -> f64) {
    let end = now() + ms;
    while now() < end {
        std::hint::spin_loop();
    }
}

/// A shared handle on the runtime.
pub type Rt = Rc<dyn Runtime>;

/// Schedules `f` to run as one step of its own, after the work already scheduled
/// (CPython's `loop.call_soon`).
pub fn call_soon(rt: &Rt, f: impl FnOnce() + 'static) {
    rt.spawn(Box::pin(async move { f() }));
}
