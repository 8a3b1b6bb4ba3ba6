//! The page's state, apart from its view: the link state the controls edit, and the
//! current run. Runs really happen on the browser's event loop (`playground-runtime`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::ideal::ideal_trace_on;
use playground_core::link::LinkState;
use playground_core::program;
use playground_core::{Scenario, Trace, TraceEvent};
use playground_runtime::{cores, workers, BrowserRuntime};
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

/// The playground's state, shared by the components through the context.
#[derive(Clone, Copy)]
pub struct Playground {
    /// What the controls (and the link) say.
    pub link: RwSignal<LinkState>,
    /// The current run.
    pub run: RwSignal<RunView>,
    /// The worker pool, started before a run so that start-up does not distort it.
    pub pool: RwSignal<PoolStatus>,
    active: StoredValue<Option<Trace>, LocalStorage>,
}

impl Playground {
    /// A playground showing `link`.
    pub fn new(link: LinkState) -> Playground {
        Playground {
            link: RwSignal::new(link),
            run: RwSignal::new(RunView::default()),
            pool: RwSignal::new(PoolStatus::Unused),
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
        workers().abandon_busy();
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
        let ideal = ideal_trace_on(&scenario, cores()).unwrap_or_default();
        self.run.set(RunView { id, status: RunStatus::Running, scenario: scenario.clone(), events: Vec::new(), ideal });
        let run = self.run;
        let trace = Trace::with_listener(move |e| {
            run.update(|r| {
                if r.id == id {
                    r.events.push(e.clone())
                }
            })
        });
        self.active.set_value(Some(trace.clone()));
        spawn_local(async move {
            let _ = program::run(Rc::new(rt), scenario, trace).await;
            run.update(|r| {
                if r.id == id && r.status == RunStatus::Running {
                    r.status = RunStatus::Finished;
                }
            });
        });
    }

    /// Stops showing the run under way.
    pub fn stop(&self) {
        self.detach();
        workers().abandon_busy();
        self.run.update(|r| {
            if r.status == RunStatus::Running {
                r.status = RunStatus::Stopped;
            }
        });
    }

    fn detach(&self) {
        if let Some(trace) = self.active.try_update_value(Option::take).flatten() {
            trace.detach();
        }
    }
}

/// The playground of the enclosing [`crate::App`].
pub fn use_playground() -> Playground {
    use_context::<Playground>().unwrap_or_else(|| Playground::new(LinkState::default()))
}
