//! The page's state, apart from its view: the link state the controls edit, and the
//! current run. Runs really happen on the browser's event loop (`playground-runtime`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::aio::Runtime;
use playground_core::ideal::ideal_trace_on;
use playground_core::link::LinkState;
use playground_core::program;
use playground_core::{Scenario, Trace, TraceEvent};
use playground_runtime::{cores, debug_switch, workers, BrowserRuntime};
use std::rc::Rc;

/// Where a run is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum RunStatus {
    /// Nothing has run yet.
    #[default]
    Idle,
    /// The run is under way.
    Running,
    /// The run ended by itself.
    Finished,
    /// The run was stopped by the learner.
    Stopped,
    /// The run could not start; the reason.
    Refused(String),
}

/// The current (or last) run, as the page shows it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RunView {
    /// Which run this is; events of older runs are never shown.
    pub id: u64,
    /// Where it is.
    pub status: RunStatus,
    /// The scenario it runs (a snapshot taken when it started).
    pub scenario: Scenario,
    /// The events so far, as they happened.
    pub events: Vec<TraceEvent>,
    /// The virtual-clock prediction of the same run.
    pub ideal: Vec<TraceEvent>,
}

/// The worker pool's state, for the status line of lesson 6.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PoolStatus {
    /// The scenario does not use workers.
    Unused,
    /// Starting `n` workers.
    Starting(usize),
    /// `n` workers ready; they took this many ms to start.
    Ready(usize, u32),
    /// They could not start.
    Failed(String),
}

/// What the page's own event loop shows while (and after) a run: measured with
/// animation frames, which stop while the loop is blocked.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Live {
    /// Animation frames so far (the heartbeat).
    pub frames: u32,
    /// Milliseconds since the current run started (frozen once it ends).
    pub now: f64,
    /// The longest gap between frames that overlapped the run, in ms.
    pub stall: f64,
    /// Whether the tab was hidden during the run (timers are throttled then).
    pub throttled: bool,
}

#[derive(Clone, Copy, Default)]
struct Clock {
    started: Option<f64>,
    ended: Option<f64>,
    last_frame: Option<f64>,
    last_flush: f64,
}

/// The playground's state, shared by the components through the context.
#[derive(Clone, Copy)]
pub struct Playground {
    /// What the controls (and the link) say.
    pub link: RwSignal<LinkState>,
    /// The current run.
    pub run: RwSignal<RunView>,
    /// The worker pool, started before a run so that start-up does not distort it.
    pub pool: RwSignal<PoolStatus>,
    /// The heartbeat and the live clock of the run.
    pub live: RwSignal<Live>,
    /// Replay: the event under the cursor, once a run has ended.
    pub cursor: RwSignal<Option<usize>>,
    clock: StoredValue<Clock>,
    pending: StoredValue<Vec<TraceEvent>, LocalStorage>,
    active: StoredValue<Option<Trace>, LocalStorage>,
}

impl Playground {
    /// A playground showing `link`.
    pub fn new(link: LinkState) -> Playground {
        Playground {
            link: RwSignal::new(link),
            run: RwSignal::new(RunView::default()),
            pool: RwSignal::new(PoolStatus::Unused),
            live: RwSignal::new(Live::default()),
            cursor: RwSignal::new(None),
            clock: StoredValue::new(Clock::default()),
            pending: StoredValue::new_local(Vec::new()),
            active: StoredValue::new_local(None),
        }
    }

    /// Starts the workers the current scenario needs, if any, and reports how long
    /// they took (called whenever the lesson, sleep kind or pool size changes).
    pub fn warm_workers(&self) {
        let size = self.link.with_untracked(|l| program::pool_size(&l.scenario, cores()));
        let Some(size) = size else {
            return self.pool.set(PoolStatus::Unused);
        };
        let pool = self.pool;
        pool.set(PoolStatus::Starting(size));
        spawn_local(async move {
            let status = match workers().warm(size).await {
                Ok(ms) => PoolStatus::Ready(size, ms.round() as u32),
                Err(e) => PoolStatus::Failed(e),
            };
            pool.update(|p| {
                if *p == PoolStatus::Starting(size) {
                    *p = status;
                }
            });
        });
    }

    /// Changes the link state (the controls call this).
    pub fn edit(&self, f: impl FnOnce(&mut LinkState)) {
        self.link.update(f);
    }

    /// Starts a run of the current scenario, replacing any run under way: from now
    /// on, no event of an older run reaches the page.
    pub fn start(&self) {
        self.detach();
        let scenario = self.link.with_untracked(|l| l.scenario.clone());
        let id = self.run.with_untracked(|r| r.id) + 1;
        let refused = |reason: String| RunView { id, status: RunStatus::Refused(reason), ..RunView::default() };
        if let Err(e) = program::check(&scenario) {
            self.run.set(refused(e.to_string()));
            return;
        }
        let rt = match BrowserRuntime::new() {
            Ok(rt) => rt,
            Err(e) => return self.run.set(refused(e.to_string())),
        };
        if debug_switch("__playgroundPanicOnRun") {
            panic!("a deliberate panic (the hidden debug switch __playgroundPanicOnRun)");
        }
        // The ideal run costs a pass of the virtual loop: skipped for very large runs.
        let ideal = if scenario.jobs.len() <= MAX_IDEAL_JOBS {
            ideal_trace_on(&scenario, cores()).unwrap_or_default()
        } else {
            Vec::new()
        };
        self.run.set(RunView { id, status: RunStatus::Running, scenario: scenario.clone(), events: Vec::new(), ideal });
        self.cursor.set(None);
        let started = rt.now();
        self.clock.set_value(Clock { started: Some(started), ended: None, ..self.clock.get_value() });
        self.live
            .update(|l| *l = Live { frames: l.frames, throttled: crate::address::tab_hidden(), ..Live::default() });
        let (run, clock, pending, playground) = (self.run, self.clock, self.pending, *self);
        pending.update_value(Vec::clear);
        // Events are recorded at once (with their real time) and reach the page once per frame.
        let trace = Trace::with_listener(move |e| pending.update_value(|p| p.push(e.clone())));
        self.active.set_value(Some(trace.clone()));
        spawn_local(async move {
            let rt = Rc::new(rt);
            let _ = program::run(rt.clone(), scenario, trace).await;
            if run.with_untracked(|r| r.id == id && r.status == RunStatus::Running) {
                clock.update_value(|c| c.ended = Some(rt.now()));
                playground.flush();
                run.update(|r| r.status = RunStatus::Finished);
            }
        });
    }

    /// One animation frame at `t` (performance.now() ms): the heartbeat beats, the
    /// run's clock moves, and a gap between frames that overlapped the run counts as a stall.
    pub fn frame(&self, t: f64) {
        // Small batches reach the page every frame; big ones at most ten times a second.
        let (waiting, last) = (self.pending.with_value(Vec::len), self.clock.get_value().last_flush);
        if waiting < 200 || t - last >= 100.0 {
            self.flush();
            self.clock.update_value(|c| c.last_flush = t);
        }
        let mut clock = self.clock.get_value();
        let previous = clock.last_frame.replace(t);
        self.clock.set_value(clock);
        let Some(started) = clock.started else {
            return self.live.update(|l| l.frames = l.frames.wrapping_add(1));
        };
        let overlaps = previous.is_some_and(|p| clock.ended.is_none_or(|end| p < end) && t > started);
        let gap = previous.map_or(0.0, |p| t - p.max(started));
        let hidden = crate::address::tab_hidden();
        self.live.update(|l| {
            l.frames = l.frames.wrapping_add(1);
            if clock.ended.is_none() {
                l.now = t - started;
                l.throttled |= hidden;
            }
            if overlaps {
                l.stall = l.stall.max(gap);
            }
        });
    }

    /// Hands the events recorded since the last frame to the page.
    pub fn flush(&self) {
        let events = self.pending.try_update_value(std::mem::take).unwrap_or_default();
        if !events.is_empty() {
            self.run.update(|r| r.events.extend(events));
        }
    }

    /// Notes that the tab was hidden: if a run is under way, its times are throttled.
    pub fn tab_hidden(&self) {
        if self.run.with_untracked(|r| r.status == RunStatus::Running) {
            self.live.update(|l| l.throttled = true);
        }
    }

    /// Stops showing the run under way.
    pub fn stop(&self) {
        self.flush();
        self.detach();
        if let Ok(rt) = BrowserRuntime::new() {
            self.clock.update_value(|c| {
                if c.started.is_some() && c.ended.is_none() {
                    c.ended = Some(rt.now());
                }
            });
        }
        self.run.update(|r| {
            if r.status == RunStatus::Running {
                r.status = RunStatus::Stopped;
            }
        });
        // Workers still sleeping for the stopped run finish, then come back to the pool;
        // meanwhile the pool makes sure enough others are ready.
        self.warm_workers();
    }

    fn detach(&self) {
        if let Some(trace) = self.active.try_update_value(Option::take).flatten() {
            trace.detach();
        }
    }
}

/// Runs larger than this get no ideal prediction (it would stall the page to compute).
pub const MAX_IDEAL_JOBS: usize = 1000;

/// The playground of the enclosing [`crate::App`].
pub fn use_playground() -> Playground {
    use_context::<Playground>().unwrap_or_else(|| Playground::new(LinkState::default()))
}
