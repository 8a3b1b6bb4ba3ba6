//! The trace of a run: every event with who, event, time and `of`, recorded by the
//! runtime as it happens, and handed to a listener (the page) at once.

use crate::scenario::JobId;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

/// Who an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// The `main` coroutine (or function, in `sync` mode).
    Main,
    /// Job `k`, numbered from 1.
    Job(JobId),
}

/// What happened (the spec's required event names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// A job's body began to run, or the run began (`main`).
    Start,
    /// A job returned its result.
    Return,
    /// A job raised its error, or an error reached `main`.
    Raise,
    /// A job was cancelled.
    Cancel,
    /// `main` received a job's result (`of`).
    Result,
    /// The run is over, after the shutdown's cancellations.
    End,
    /// A worker took a job's blocking sleep (until then the job waited for one).
    WorkerStart,
    /// The worker that ran a job's blocking sleep is free again.
    WorkerFree,
}

impl Who {
    /// The value of `data-who`: `main` or the job number.
    pub fn name(self) -> String {
        match self {
            Who::Main => "main".to_string(),
            Who::Job(k) => k.to_string(),
        }
    }
}

impl Event {
    /// Every event, in declaration order. Complete by construction: the array and an
    /// exhaustive `match` are made from the same list, so a variant added to [`Event`]
    /// without being listed here fails to compile (and one listed twice is an
    /// unreachable pattern, which the lints refuse).
    pub const ALL: [Event; 8] = {
        macro_rules! every_event {
            ($($variant:ident),+ $(,)?) => {{
                const fn _names_every_variant(event: Event) {
                    match event {
                        $(Event::$variant => {})+
                    }
                }
                [$(Event::$variant),+]
            }};
        }
        every_event![Start, Return, Raise, Cancel, Result, End, WorkerStart, WorkerFree]
    };
    /// The value of `data-event`.
    pub fn name(self) -> &'static str {
        match self {
            Event::Start => "start",
            Event::Return => "return",
            Event::Raise => "raise",
            Event::Cancel => "cancel",
            Event::Result => "result",
            Event::End => "end",
            Event::WorkerStart => "worker-start",
            Event::WorkerFree => "worker-free",
        }
    }
    /// Whether it happens on a worker's thread rather than on the event loop.
    pub fn on_worker(self) -> bool {
        matches!(self, Event::WorkerStart | Event::WorkerFree)
    }

    /// The event a name stands for.
    pub fn from_name(name: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.name() == name)
    }
}

/// One event of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEvent {
    /// Who it is about.
    pub who: Who,
    /// What happened.
    pub event: Event,
    /// Real milliseconds since the run started (virtual ones on the virtual loop).
    pub t: f64,
    /// On `main`'s `result` events, the job whose result `main` received.
    pub of: Option<JobId>,
    /// Plain words on what happened, for people (not part of the contract).
    pub detail: String,
}

impl TraceEvent {
    /// The time in scenario seconds, for a speed of `unit` ms per second.
    pub fn seconds(&self, unit: u16) -> f64 {
        self.t / f64::from(unit)
    }
}

/// An interval in which the program held the event loop's thread (a `time.sleep` on
/// the loop, or `sync` mode's plain calls), measured around the runtime's blocking call.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Blocked {
    /// Whose call blocked.
    pub who: Who,
    /// From, in ms since the run started.
    pub from: f64,
    /// To, in ms since the run started.
    pub to: f64,
}

/// A shared recorder: clones record into the same trace. The page reads what is new
/// at each frame ([`Trace::since`]); nothing is copied while the run records.
#[derive(Clone, Default)]
pub struct Trace {
    events: Rc<RefCell<Vec<TraceEvent>>>,
    blocked: Rc<RefCell<Vec<Blocked>>>,
}

impl Trace {
    /// An empty trace.
    pub fn new() -> Trace {
        Trace::default()
    }

    /// Records an event now.
    pub fn record(&self, event: TraceEvent) {
        self.events.borrow_mut().push(event);
    }

    /// Notes an interval in which the program blocked the loop.
    pub fn record_blocked(&self, blocked: Blocked) {
        self.blocked.borrow_mut().push(blocked);
    }

    /// The intervals in which the program blocked the loop, so far.
    pub fn blocked(&self) -> Vec<Blocked> {
        self.blocked.borrow().clone()
    }

    /// How many events it holds.
    pub fn len(&self) -> usize {
        self.events.borrow().len()
    }

    /// Whether it holds no event.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the events recorded after the first `from`.
    pub fn since(&self, from: usize) -> Vec<TraceEvent> {
        self.events.borrow().get(from..).map(<[TraceEvent]>::to_vec).unwrap_or_default()
    }

    /// A copy of the events so far.
    pub fn events(&self) -> Vec<TraceEvent> {
        self.since(0)
    }
}

/// The export format of the spec: a JSON array of `{"who","event","t","of"}` in order.
pub fn to_json(events: &[TraceEvent]) -> String {
    let mut out = String::from("[");
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ =
            write!(out, "\n  {{\"who\": \"{}\", \"event\": \"{}\", \"t\": {:.3}", e.who.name(), e.event.name(), e.t);
        match e.of {
            Some(of) => {
                let _ = write!(out, ", \"of\": {of}}}");
            }
            None => out.push_str(", \"of\": null}"),
        }
    }
    out.push_str(if events.is_empty() { "]" } else { "\n]" });
    out
}

/// One line per event in a plain text form (`who event t [of]`, t in scenario
/// seconds): the form the CPython reference script prints.
pub fn to_lines(events: &[TraceEvent], unit: u16) -> String {
    let mut out = String::new();
    for e in events {
        let _ = write!(out, "{} {} {:.3}", e.who.name(), e.event.name(), e.seconds(unit));
        if let Some(of) = e.of {
            let _ = write!(out, " {of}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Event;

    /// `Event::ALL` holds every variant once, in declaration order (so each at its own
    /// discriminant), and every name reads back as its event.
    #[test]
    fn all_lists_every_event_once() {
        for (i, event) in Event::ALL.into_iter().enumerate() {
            assert_eq!(event as usize, i, "{event:?} out of place in Event::ALL");
            assert_eq!(Event::from_name(event.name()), Some(event));
        }
        assert_eq!(Event::from_name("worker-start"), Some(Event::WorkerStart));
        assert_eq!(Event::from_name("worker-free"), Some(Event::WorkerFree));
    }
}
