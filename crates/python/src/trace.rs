//! The trace a run writes: one line per line of output.

/// Which stream a line was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    /// Standard output (`print`).
    Print,
    /// Standard error (tracebacks, asyncio's messages, warnings).
    Stderr,
}

impl TraceEvent {
    /// The contract's `data-event` value.
    pub fn as_str(self) -> &'static str {
        match self {
            TraceEvent::Print => "print",
            TraceEvent::Stderr => "stderr",
        }
    }
}

/// One line the program wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceLine {
    /// Standard output or standard error.
    pub event: TraceEvent,
    /// The line, without its newline.
    pub text: String,
    /// Real milliseconds since the run started (on the runtime's clock).
    pub t: f64,
    /// The task that wrote it (`Task-1`, a `name=`), `main`, `thread` or `process`.
    pub who: String,
    /// The program's line that was running when it was written (0: none, as at shutdown).
    pub line: usize,
}
