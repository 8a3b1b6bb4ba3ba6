//! The pure core of the asyncio playground.
//!
//! Nothing here knows about the browser: time and spawning are injected through
//! [`aio::Runtime`], so the same scenario code runs on the browser's event loop
//! (crate `playground-runtime`) and on the deterministic [`virtual_loop::VirtualLoop`]
//! used by the native tests and by the "ideal" prediction shown beside a real run.

pub mod aio;
pub mod code_link;
pub mod compare;
pub mod decimal;
pub mod editing;
pub mod highlight;
pub mod ideal;
pub mod lanes;
pub mod lifecycle;
pub mod link;
pub mod markdown;
pub mod program;
pub mod program_lanes;
pub mod program_run;
pub mod program_trace;
pub mod python;
pub mod scenario;
pub mod siblings;
pub mod snippet;
pub mod sort;
pub mod source;
pub mod stalls;
pub mod summary;
pub mod theme;
pub mod timeline_svg;
pub mod trace;
pub mod virtual_loop;
pub mod worker_protocol;

pub use scenario::{Job, Lesson, Mode, Scenario, SleepKind};
pub use trace::{Event, Trace, TraceEvent, Who};
