//! The timeline's model: a run's events turned into bars on lanes (the event loop,
//! `main`, one per job), derived from the trace alone, so that it grows as it happens.

use crate::scenario::JobId;
use crate::scenario::{Mode, Scenario, SleepKind};
use crate::trace::{Event, TraceEvent, Who};

/// A row of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// The event loop itself.
    Loop,
    /// `main`.
    Main,
    /// Job `k`.
    Job(JobId),
    /// A program's task `N` (`Task-N`, whatever its name).
    Task(u32),
    /// A program's code outside any task (the module's code).
    Module,
    /// A program's pool worker (numbered across the run's pools).
    Worker(u32),
}

/// What a bar shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// Suspended at an `await` (a sleep, a task, gather, a TaskGroup): the loop is free.
    Waiting,
    /// Holding the event loop: a blocking `time.sleep`.
    Blocking,
    /// Running plain code with no event loop at all (`sync` mode).
    Running,
    /// Waiting for a free worker of the pool.
    WaitingWorker,
    /// Its blocking sleep runs in a worker, off the loop.
    InWorker,
    /// `main` lingering after the jobs.
    Lingering,
    /// The loop has nothing to run: it waits for a timer or a worker.
    Idle,
    /// The loop is held by blocking code: nothing else can run.
    Blocked,
    /// `sync` mode: there is no event loop.
    NoLoop,
    /// A program's task running one step on the loop.
    Step,
    /// A program's task made, waiting for the loop to run its first step.
    Scheduled,
}

impl BarKind {
    /// The name used for styles and patterns.
    pub fn name(self) -> &'static str {
        match self {
            BarKind::Waiting => "waiting",
            BarKind::Blocking => "blocking",
            BarKind::Running => "running",
            BarKind::WaitingWorker => "waiting-worker",
            BarKind::InWorker => "in-worker",
            BarKind::Lingering => "lingering",
            BarKind::Idle => "idle",
            BarKind::Blocked => "blocked",
            BarKind::NoLoop => "no-loop",
            BarKind::Step => "step",
            BarKind::Scheduled => "scheduled",
        }
    }
}

/// How a lane ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Returned its result.
    Returned,
    /// Raised.
    Raised,
    /// Cancelled.
    Cancelled,
    /// The run ended (`main`).
    End,
}

impl Ending {
    /// The name used for styles.
    pub fn name(self) -> &'static str {
        match self {
            Ending::Returned => "returned",
            Ending::Raised => "raised",
            Ending::Cancelled => "cancelled",
            Ending::End => "end",
        }
    }
}

/// A stretch of time on a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Its lane.
    pub lane: Lane,
    /// What it shows.
    pub kind: BarKind,
    /// From, in ms since the run started.
    pub from: f64,
    /// To, in ms.
    pub to: f64,
    /// What it means, for hover and focus.
    pub text: String,
}

/// An instant on a lane: how it ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Its lane.
    pub lane: Lane,
    /// How.
    pub ending: Ending,
    /// When, in ms.
    pub at: f64,
    /// What it means.
    pub text: String,
}

/// A run drawn as lanes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The lanes, top to bottom, with their labels.
    pub rows: Vec<(Lane, String)>,
    /// The bars.
    pub bars: Vec<Bar>,
    /// The endings.
    pub marks: Vec<Mark>,
}

impl Timeline {
    /// The row of `lane`, counted from the top (0 if it has none).
    pub fn row(&self, lane: Lane) -> usize {
        self.rows.iter().position(|(l, _)| *l == lane).unwrap_or(0)
    }
}

fn first(events: &[TraceEvent], who: Who, kinds: &[Event]) -> Option<f64> {
    events.iter().find(|e| e.who == who && kinds.contains(&e.event)).map(|e| e.t)
}

/// `ms` in seconds at `unit` ms per second, with two decimals (`1.50 s`).
pub fn secs(ms: f64, unit: u16) -> String {
    format!("{:.2} s", ms / f64::from(unit))
}

/// The timeline of `events` of a run of `scenario`; open bars reach `now` (ms).
pub fn timeline(scenario: &Scenario, events: &[TraceEvent], now: f64) -> Timeline {
    let rows = [(Lane::Loop, "event loop".to_string()), (Lane::Main, "main".to_string())]
        .into_iter()
        .chain((1..=scenario.jobs.len() as JobId).map(|k| (Lane::Job(k), format!("job {k}"))))
        .collect();
    let mut t = Timeline { rows, ..Timeline::default() };
    let mut marks = Vec::new();
    let unit = scenario.unit;
    let sleep = scenario.effective_sleep();
    let end = first(events, Who::Main, &[Event::End]);
    let until = end.unwrap_or(now);
    let bars = &mut t.bars;
    for k in 1..=scenario.jobs.len() as JobId {
        let who = Who::Job(k);
        let lane = Lane::Job(k);
        let started = first(events, who, &[Event::Start]);
        let ended =
            events.iter().find(|e| e.who == who && matches!(e.event, Event::Return | Event::Raise | Event::Cancel));
        let stop = ended.map_or(now, |e| e.t);
        if let Some(s) = started {
            let name = format!("fetch_data({k})");
            match sleep {
                SleepKind::Blocking => {
                    let what = if scenario.mode == Mode::Sync {
                        "time.sleep: the program waits"
                    } else {
                        "time.sleep holds the event loop"
                    };
                    push(
                        bars,
                        lane,
                        BarKind::Blocking,
                        s,
                        stop,
                        format!("{name}: {what}, {} to {}", secs(s, unit), secs(stop, unit)),
                    );
                }
                SleepKind::Async => push(
                    bars,
                    lane,
                    BarKind::Waiting,
                    s,
                    stop,
                    format!("{name}: awaiting asyncio.sleep, {} to {}", secs(s, unit), secs(stop, unit)),
                ),
                SleepKind::Thread | SleepKind::Process => {
                    let taken = first(events, who, &[Event::WorkerStart]);
                    let freed = first(events, who, &[Event::WorkerFree]).unwrap_or(until.max(now));
                    let queued_until = taken.unwrap_or(stop).min(stop);
                    push(
                        bars,
                        lane,
                        BarKind::WaitingWorker,
                        s,
                        queued_until,
                        format!("{name}: waiting for a free worker until {}", secs(queued_until, unit)),
                    );
                    if let Some(w) = taken {
                        push(
                            bars,
                            lane,
                            BarKind::InWorker,
                            w,
                            freed.min(stop.max(w)),
                            format!("{name}: time.sleep in a worker, {} to {}", secs(w, unit), secs(freed, unit)),
                        );
                        if freed > stop {
                            push(
                                bars,
                                lane,
                                BarKind::InWorker,
                                stop,
                                freed,
                                format!("{name} was cancelled, but its worker sleeps on until {}", secs(freed, unit)),
                            );
                        }
                    }
                }
            }
        }
        if let Some(e) = ended {
            let (ending, what) = match e.event {
                Event::Return => (Ending::Returned, "returned"),
                Event::Raise => (Ending::Raised, "raised"),
                _ if started.is_none() => (Ending::Cancelled, "was cancelled before it started"),
                _ => (Ending::Cancelled, "was cancelled"),
            };
            marks.push(Mark { lane, ending, at: e.t, text: format!("fetch_data({k}) {what} at {}", secs(e.t, unit)) });
        }
    }
    if let Some(s) = first(events, Who::Main, &[Event::Start]) {
        let handed = events
            .iter()
            .filter(|e| e.who == Who::Main && matches!(e.event, Event::Result | Event::Raise))
            .map(|e| e.t)
            .fold(None, |a: Option<f64>, t| Some(a.map_or(t, |a| a.max(t))));
        let jobs_done = handed.unwrap_or(until);
        let (kind, what) = match scenario.mode {
            Mode::Sync => (BarKind::Running, "main calls the jobs one after another"),
            Mode::Await => (BarKind::Waiting, "main awaits each coroutine in turn"),
            Mode::Tasks => (BarKind::Waiting, "main awaits its tasks in order"),
            Mode::Gather | Mode::GatherRx => (BarKind::Waiting, "main awaits asyncio.gather"),
            Mode::Group => (BarKind::Waiting, "main waits at the end of the TaskGroup block"),
        };
        push(bars, Lane::Main, kind, s, jobs_done, format!("{what}, until {}", secs(jobs_done, unit)));
        let linger = scenario.ms(scenario.linger_tenths);
        if handed.is_some() && linger > 0.0 {
            let to = (jobs_done + linger).min(until);
            push(bars, Lane::Main, BarKind::Lingering, jobs_done, to, format!("main lingers until {}", secs(to, unit)));
        }
        if let Some(at) = first(events, Who::Main, &[Event::Raise]) {
            marks.push(Mark {
                lane: Lane::Main,
                ending: Ending::Raised,
                at,
                text: format!("an error reached main at {}", secs(at, unit)),
            });
        }
        if let Some(at) = end {
            marks.push(Mark {
                lane: Lane::Main,
                ending: Ending::End,
                at,
                text: format!("the run ended at {}", secs(at, unit)),
            });
        }
        loop_lane(scenario, bars, s, until);
    }
    t.marks = marks;
    t
}

/// The loop's own lane: blocked while a job holds it, idle otherwise.
fn loop_lane(scenario: &Scenario, bars: &mut Vec<Bar>, from: f64, until: f64) {
    if scenario.mode == Mode::Sync {
        push(bars, Lane::Loop, BarKind::NoLoop, from, until, "no event loop: plain function calls".into());
        return;
    }
    let blocked: Vec<(f64, f64)> =
        bars.iter().filter(|b| b.kind == BarKind::Blocking).map(|b| (b.from, b.to)).collect();
    loop_bars(blocked, bars, from, until, scenario.unit);
}

/// The event loop's lane from the intervals in which it was blocked: blocked bars, and idle
/// ones between them, from `from` to `until` (ms).
pub fn loop_bars(mut blocked: Vec<(f64, f64)>, bars: &mut Vec<Bar>, from: f64, until: f64, unit: u16) {
    // By start time; a few dozen at most, so an insertion sort (small in the page) does.
    for i in 1..blocked.len() {
        let mut j = i;
        while j > 0 && blocked[j - 1].0 > blocked[j].0 {
            blocked.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (a, b) in blocked {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 1.0 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let idle = |a: f64, b: f64, bars: &mut Vec<Bar>| {
        push(bars, Lane::Loop, BarKind::Idle, a, b, format!("the loop is free, {} to {}", secs(a, unit), secs(b, unit)))
    };
    let mut cursor = from;
    for (a, b) in merged {
        idle(cursor, a, bars);
        let text = format!("the loop is blocked for {}: nothing else can run", secs(b - a, unit));
        push(bars, Lane::Loop, BarKind::Blocked, a, b, text);
        cursor = cursor.max(b);
    }
    idle(cursor, until, bars);
}

/// Adds a bar, unless it is empty.
pub fn push(bars: &mut Vec<Bar>, lane: Lane, kind: BarKind, from: f64, to: f64, text: String) {
    if to > from {
        bars.push(Bar { lane, kind, from, to, text });
    }
}
