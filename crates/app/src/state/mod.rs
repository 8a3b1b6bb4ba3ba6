//! The page's state, apart from its view: the link state the controls edit, the run
//! the page holds (a [`RunHandle`] with its lifecycle), and what its frames measure.
//! Runs really happen on the browser's event loop (`playground-runtime`).

mod embedding;
mod live;
mod program;
mod runs;

pub use program::EngineStatus;

use leptos::prelude::*;
use playground_core::lifecycle::RunHandle;
use playground_core::link::{LinkState, Theme};
use playground_core::trace::Blocked;
use playground_core::{Scenario, Trace, TraceEvent};
use std::rc::Rc;

/// Where a run is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum RunStatus {
    /// Nothing has run yet.
    #[default]
    Idle,
    /// About to start, once the page has settled or the workers are ready: what it waits for.
    Waiting(String),
    /// The run is under way.
    Running,
    /// Stop was pressed: `asyncio.run`'s shutdown is under way.
    Stopping,
    /// The run ended by itself.
    Finished,
    /// The run was stopped by the learner.
    Stopped,
    /// The run could not start; the reason.
    Refused(String),
}

impl RunStatus {
    /// Whether a run is under way (or shutting down): its events still arrive.
    pub fn is_live(&self) -> bool {
        matches!(self, RunStatus::Running | RunStatus::Stopping)
    }

    /// Whether Stop has something to stop.
    pub fn can_stop(&self) -> bool {
        // While stopping, Stop presses Ctrl-C again (a program may catch the first).
        matches!(self, RunStatus::Waiting(_) | RunStatus::Running | RunStatus::Stopping)
    }

    /// Whether a run has ended (by itself or stopped): its events can be replayed.
    pub fn is_over(&self) -> bool {
        matches!(self, RunStatus::Finished | RunStatus::Stopped)
    }
    /// The status line's words.
    pub fn words(&self) -> String {
        match self {
            RunStatus::Idle => "Ready.".into(),
            RunStatus::Waiting(what) => what.clone(),
            RunStatus::Running => "Running…".into(),
            RunStatus::Stopping => "Stopping: cancelling main, then every task still pending…".into(),
            RunStatus::Finished => "Finished.".into(),
            RunStatus::Stopped => "Stopped.".into(),
            RunStatus::Refused(reason) => format!("Not run: {reason}"),
        }
    }
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
    /// The intervals in which the program blocked the loop, as the runtime measured them.
    pub blocked: Vec<Blocked>,
    /// A learner's program's run: what it wrote and did (`None` for a lesson's run).
    pub program: Option<playground_core::program_run::ProgramTrace>,
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

/// What the page's own frames show while a run is live: measured with animation
/// frames, which stop while the loop is blocked. Nothing changes between runs.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Live {
    /// Milliseconds since the current run started, in steps of [`LIVE_STEP_MS`] (frozen
    /// once it ends): what the timeline grows with.
    pub now: f64,
    /// The longest gap between frames during the run that the program's blocking does not
    /// explain: the browser's own work, in ms.
    pub browser_stall: f64,
    /// Whether the tab was hidden during the run (timers are throttled then).
    pub throttled: bool,
}

#[derive(Clone, Copy, Default)]
struct Clock {
    started: Option<f64>,
    ended: Option<f64>,
    last_frame: Option<f64>,
    last_flush: f64,
    last_live: f64,
    /// When a frame last drew (see `playground_core::stalls::draws`).
    last_draw: f64,
    /// The longest stall measured by frames since the last one that drew.
    unshown_stall: f64,
    /// Whether the frame loop is running.
    looping: bool,
}

/// The run the page holds: a lesson's (and the trace it records into), or a program's in the engine.
enum Active {
    Lesson { handle: Rc<RunHandle>, trace: Trace },
    Program(Rc<crate::browser::engine::EngineRun>),
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
    /// Animation frames during runs: the heartbeat, and nothing else, follows it.
    pub beat: RwSignal<u32>,
    clock: StoredValue<Clock>,
    active: StoredValue<Option<Active>, LocalStorage>,
    /// A run from a link holds its turn among the page's playgrounds until it is over.
    turn: StoredValue<Option<crate::browser::turns::Turn>, LocalStorage>,
    /// The learner's program shown instead of a lesson (its source), if any.
    pub program: RwSignal<Option<String>>,
    /// The Python engine, loaded when a program is first opened.
    pub engine: RwSignal<EngineStatus>,
    /// What the page has to say about the link it was opened with (and later ones).
    pub notices: RwSignal<Vec<String>>,
    /// The length the program's link would have, when that is over the limit.
    pub too_long: RwSignal<Option<usize>>,
    /// Counts the program's edits (the engine's editor tells them): the address follows.
    pub edits: RwSignal<u32>,
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
            beat: RwSignal::new(0),
            clock: StoredValue::new(Clock::default()),
            active: StoredValue::new_local(None),
            turn: StoredValue::new_local(None),
            program: RwSignal::new(None),
            engine: RwSignal::new(EngineStatus::Unloaded),
            notices: RwSignal::new(Vec::new()),
            too_long: RwSignal::new(None),
            edits: RwSignal::new(0),
        }
    }

    /// Changes the link state (the controls call this).
    pub fn edit(&self, f: impl FnOnce(&mut LinkState)) {
        self.link.update(f);
    }

    /// Changes the page's colours (kept in the link).
    pub fn set_theme(&self, theme: Theme) {
        self.link.update(|l| l.theme = theme);
    }
}

/// How often (ms) the live clock moves during a run: the timeline redraws at most this
/// often, so that the page's own work per frame stays small beside the program's.
pub const LIVE_STEP_MS: f64 = 100.0;

/// Runs larger than this get no ideal prediction (it would stall the page to compute).
pub const MAX_IDEAL_JOBS: usize = 1000;

/// The playground of the enclosing [`crate::App`]. Fails loudly outside it.
pub fn use_playground() -> Playground {
    expect_context::<Playground>()
}
