//! What a run does besides writing lines (tasks made, steps, blocking sleeps, tasks ended),
//! for the page's timeline: the core's model of a program's trace.

pub use playground_core::program_trace::{Activity, TaskEnd};
