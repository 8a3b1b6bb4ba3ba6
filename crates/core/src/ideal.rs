//! The ideal run: a scenario on the virtual loop, with no real time spent.

use crate::aio::{Rt, DEFAULT_CORES};
use crate::lifecycle::{RunError, RunHandle};
use crate::program;
use crate::scenario::Scenario;
use crate::trace::{Trace, TraceEvent};
use crate::virtual_loop::{LoopError, VirtualLoop};
use std::rc::Rc;

/// Why there is no ideal trace.
#[derive(Debug, PartialEq, Eq)]
pub enum IdealError {
    /// The scenario cannot run.
    Run(RunError),
    /// The virtual loop gave up.
    Loop(LoopError),
}

impl std::fmt::Display for IdealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdealError::Run(e) => e.fmt(f),
            IdealError::Loop(e) => e.fmt(f),
        }
    }
}

/// The trace `scenario` gives on the virtual clock (times in virtual ms), on a
/// machine of [`DEFAULT_CORES`] cores.
pub fn ideal_trace(scenario: &Scenario) -> Result<Vec<TraceEvent>, IdealError> {
    ideal_trace_on(scenario, DEFAULT_CORES)
}

/// The trace `scenario` gives on the virtual clock, on a machine of `cores` cores.
pub fn ideal_trace_on(scenario: &Scenario, cores: usize) -> Result<Vec<TraceEvent>, IdealError> {
    program::check(scenario).map_err(IdealError::Run)?;
    let event_loop = Rc::new(VirtualLoop::with_cores(cores));
    let rt: Rt = event_loop.clone();
    let trace = Trace::new();
    let _run = RunHandle::start(rt, scenario.clone(), trace.clone()).map_err(IdealError::Run)?;
    event_loop.run().map_err(IdealError::Loop)?;
    Ok(trace.events())
}
