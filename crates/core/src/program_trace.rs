//! The trace of a learner's own program (the contract's `programs.md`): the lines it wrote,
//! with their time, task and source line, and what its tasks did (for the timeline), plus a
//! plain-text wire form in which the Python engine (a WebAssembly module of its own) hands
//! them to the page. Times are real ms since the run started; on the wire, whole µs, so
//! that the page reads integers only.

use std::fmt::Write as _;

/// Which stream a line was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Standard output (`print`).
    Out,
    /// Standard error (tracebacks, asyncio's messages, warnings).
    Err,
}

impl Stream {
    /// The contract's `data-event` value: `print` or `stderr`.
    pub fn event(self) -> &'static str {
        match self {
            Stream::Out => "print",
            Stream::Err => "stderr",
        }
    }
}

/// One line a program wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Standard output or standard error.
    pub stream: Stream,
    /// The line, without its newline.
    pub text: String,
    /// Real ms since the run started.
    pub t: f64,
    /// The task that wrote it (`Task-1`, a `name=`), `main`, `thread` or `process`.
    pub who: String,
    /// The program's line that was running (0: none).
    pub line: usize,
}

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskEnd {
    /// Its coroutine returned.
    Returned,
    /// Its coroutine raised an exception.
    Raised,
    /// It was cancelled.
    Cancelled,
}

impl TaskEnd {
    /// The word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskEnd::Returned => "returned",
            TaskEnd::Raised => "raised",
            TaskEnd::Cancelled => "cancelled",
        }
    }
}

/// One thing a run did besides writing lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Activity {
    /// Task `id` was made (`Task-2`, or its `name=`), for coroutine `coro` defined at `line`.
    TaskCreated {
        /// Its number: `N` of `Task-N` (counted as CPython counts, whatever its name).
        id: u32,
        /// Its name, as CPython names it.
        name: String,
        /// Its coroutine's name.
        coro: String,
        /// The line of its coroutine function's `def` (0 for asyncio's own coroutines).
        line: usize,
        /// When (ms since the run started).
        t: f64,
    },
    /// Task `id` ran one step on the loop (CPython's `Task.__step`).
    Step {
        /// The task.
        id: u32,
        /// From (ms).
        from: f64,
        /// To (ms).
        to: f64,
        /// The line it ran to: where it awaits next, or where it ended.
        line: usize,
    },
    /// The loop's thread was held by a `time.sleep` at `line`.
    Blocked {
        /// The task that called it (`None`: code outside any task).
        id: Option<u32>,
        /// The line of the call.
        line: usize,
        /// From (ms).
        from: f64,
        /// To (ms).
        to: f64,
    },
    /// Task `id` ended.
    TaskDone {
        /// The task.
        id: u32,
        /// How.
        end: TaskEnd,
        /// When (ms).
        t: f64,
    },
    /// Function `func` was sent to a pool (`to_thread`, `run_in_executor`, `submit`) as call
    /// `call`, by task `by` (`None`: outside any task); it waits for a free worker.
    PoolCall {
        /// The call's number in the run.
        call: u32,
        /// A process pool's (else a thread pool's).
        process: bool,
        /// The function's name.
        func: String,
        /// The task that sent it.
        by: Option<u32>,
        /// When (ms).
        t: f64,
    },
    /// Worker `worker` (numbered across the run's pools) began call `call`.
    PoolStart {
        /// The call.
        call: u32,
        /// The worker.
        worker: u32,
        /// When (ms).
        t: f64,
    },
    /// Call `call` ended (`ok`: it returned; else it raised, or its worker failed).
    PoolEnd {
        /// The call.
        call: u32,
        /// Whether it returned.
        ok: bool,
        /// When (ms).
        t: f64,
    },
}

impl Activity {
    /// When it happened (its start, for intervals).
    pub fn t(&self) -> f64 {
        match *self {
            Activity::TaskCreated { t, .. }
            | Activity::TaskDone { t, .. }
            | Activity::PoolCall { t, .. }
            | Activity::PoolStart { t, .. }
            | Activity::PoolEnd { t, .. } => t,
            Activity::Step { from, .. } | Activity::Blocked { from, .. } => from,
        }
    }
}

/// What a program's run reports, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgramEvent {
    /// A line written.
    Line(Line),
    /// Something its tasks did.
    Activity(Activity),
    /// The run is over (the contract's `main` `end`), at `t` ms.
    End(f64),
}

/// A wire form that does not read as one of [`ProgramEvent`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not an event of a program's trace: {:?}", self.0)
    }
}

fn us(ms: f64) -> u64 {
    (ms.max(0.0) * 1000.0).round() as u64
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Appends the wire form of `event` (one line, ending in `\n`) to `out`.
pub fn encode(out: &mut String, event: &ProgramEvent) {
    match event {
        ProgramEvent::Line(l) => {
            let s = if l.stream == Stream::Out { 'o' } else { 'e' };
            let _ = write!(out, "L\t{s}\t{}\t{}\t", us(l.t), l.line);
            escape(out, &l.who);
            out.push('\t');
            escape(out, &l.text);
        }
        ProgramEvent::Activity(Activity::TaskCreated { id, name, coro, line, t }) => {
            let _ = write!(out, "C\t{id}\t{}\t{line}\t", us(*t));
            escape(out, name);
            out.push('\t');
            escape(out, coro);
        }
        ProgramEvent::Activity(Activity::Step { id, from, to, line }) => {
            let _ = write!(out, "S\t{id}\t{}\t{}\t{line}", us(*from), us(*to));
        }
        ProgramEvent::Activity(Activity::Blocked { id, line, from, to }) => {
            let _ = write!(out, "B\t{}\t{}\t{}\t{line}", id.map_or(0, |i| i + 1), us(*from), us(*to));
        }
        ProgramEvent::Activity(Activity::TaskDone { id, end, t }) => {
            let e = match end {
                TaskEnd::Returned => 'r',
                TaskEnd::Raised => 'x',
                TaskEnd::Cancelled => 'c',
            };
            let _ = write!(out, "D\t{id}\t{}\t{e}", us(*t));
        }
        ProgramEvent::Activity(Activity::PoolCall { call, process, func, by, t }) => {
            let _ = write!(out, "Q\t{call}\t{}\t{}\t{}\t", u8::from(*process), by.map_or(0, |b| b + 1), us(*t));
            escape(out, func);
        }
        ProgramEvent::Activity(Activity::PoolStart { call, worker, t }) => {
            let _ = write!(out, "W\t{call}\t{worker}\t{}", us(*t));
        }
        ProgramEvent::Activity(Activity::PoolEnd { call, ok, t }) => {
            let _ = write!(out, "F\t{call}\t{}\t{}", u8::from(*ok), us(*t));
        }
        ProgramEvent::End(t) => {
            let _ = write!(out, "E\t{}", us(*t));
        }
    }
    out.push('\n');
}

/// Reads every event of a wire form made by [`encode`].
pub fn decode(wire: &str) -> Result<Vec<ProgramEvent>, WireError> {
    wire.lines().filter(|l| !l.is_empty()).map(decode_line).collect()
}

fn decode_line(line: &str) -> Result<ProgramEvent, WireError> {
    let bad = || WireError(line.chars().take(80).collect());
    let fields: Vec<&str> = line.split('\t').collect();
    let int = |i: usize| -> Result<u64, WireError> {
        let f = fields.get(i).ok_or_else(bad)?;
        if f.is_empty() || f.len() > 18 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(f.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')))
    };
    let ms = |i: usize| int(i).map(|u| u as f64 / 1000.0);
    let small = |i: usize| int(i).and_then(|n| u32::try_from(n).map_err(|_| bad()));
    let text = |i: usize| fields.get(i).map(|f| unescape(f)).ok_or_else(bad);
    let event = match (fields[0], fields.len()) {
        ("L", 6) => {
            let stream = match fields[1] {
                "o" => Stream::Out,
                "e" => Stream::Err,
                _ => return Err(bad()),
            };
            ProgramEvent::Line(Line { stream, t: ms(2)?, line: small(3)? as usize, who: text(4)?, text: text(5)? })
        }
        ("C", 6) => ProgramEvent::Activity(Activity::TaskCreated {
            id: small(1)?,
            t: ms(2)?,
            line: small(3)? as usize,
            name: text(4)?,
            coro: text(5)?,
        }),
        ("S", 5) => {
            ProgramEvent::Activity(Activity::Step { id: small(1)?, from: ms(2)?, to: ms(3)?, line: small(4)? as usize })
        }
        ("B", 5) => {
            let id = small(1)?.checked_sub(1);
            ProgramEvent::Activity(Activity::Blocked { id, from: ms(2)?, to: ms(3)?, line: small(4)? as usize })
        }
        ("D", 4) => {
            let end = match fields[3] {
                "r" => TaskEnd::Returned,
                "x" => TaskEnd::Raised,
                "c" => TaskEnd::Cancelled,
                _ => return Err(bad()),
            };
            ProgramEvent::Activity(Activity::TaskDone { id: small(1)?, t: ms(2)?, end })
        }
        ("Q", 6) => ProgramEvent::Activity(Activity::PoolCall {
            call: small(1)?,
            process: small(2)? == 1,
            by: small(3)?.checked_sub(1),
            t: ms(4)?,
            func: text(5)?,
        }),
        ("W", 4) => ProgramEvent::Activity(Activity::PoolStart { call: small(1)?, worker: small(2)?, t: ms(3)? }),
        ("F", 4) => ProgramEvent::Activity(Activity::PoolEnd { call: small(1)?, ok: small(2)? == 1, t: ms(3)? }),
        ("E", 2) => ProgramEvent::End(ms(1)?),
        _ => return Err(bad()),
    };
    Ok(event)
}
