//! asyncio's objects and functions, on the injected runtime.

pub mod arity;
pub mod barrier;
pub mod blocking;
pub mod classes;
pub mod condition;
pub mod destroy;
pub mod funcs;
mod futmethods;
pub mod futrepr;
pub mod future;
pub mod gather;
pub mod group;
pub mod grouprepr;
pub mod legacy;
pub mod native;
pub mod pool;
pub mod queue;
pub mod runner;
pub mod sync;
pub(crate) mod task;
pub mod timer;
pub mod wait;
