//! A run's lifecycle as the page drives it: wait until the page (and the pool) is ready,
//! start, stop as Ctrl-C stops `asyncio.run`, and end. One run at a time: a new one
//! stops the old, whose events no longer reach the page.

use super::{Active, Clock, Live, Playground, PoolStatus, RunStatus, RunView, MAX_IDEAL_JOBS};
use crate::browser::{frames, turns, visibility};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::aio::Runtime;
use playground_core::ideal::ideal_trace_on;
use playground_core::lifecycle::RunHandle;
use playground_core::program;
use playground_core::Trace;
use playground_runtime::{cores, workers, BrowserRuntime};
use std::rc::Rc;

impl Playground {
    fn pool_size(&self) -> Option<usize> {
        self.link.with_untracked(|l| program::pool_size(&l.scenario, cores()))
    }

    /// Starts the workers the current scenario needs, if any, and reports how long
    /// they took (called whenever the lesson, sleep kind or pool size changes).
    pub fn warm_workers(&self) {
        let Some(size) = self.pool_size() else {
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

    /// Starts a run of the current scenario once the page has settled (fonts, first
    /// paint, a quiet frame and an idle moment): how a link with `run=1` starts, so that
    /// its first timers are as exact as a clicked run's.
    pub fn start_when_settled(&self) {
        let id = self.replace_run(RunStatus::Waiting("Waiting for the page to finish loading…".into()));
        let playground = *self;
        spawn_local(async move {
            // The page's other playgrounds may be running theirs: one at a time, each on a quiet thread.
            let turn = turns::take().await;
            frames::settled().await;
            if playground.waiting(id) {
                playground.turn.set_value(Some(turn));
                playground.start();
            }
        });
    }

    /// Starts a run of the current scenario, replacing any run under way (which is
    /// stopped first). A scenario with workers starts once they are all ready.
    pub fn start(&self) {
        let old = self.active.try_update_value(Option::take).flatten();
        if self.run.with_untracked(|r| r.status.is_live()) {
            self.tell_host(&RunStatus::Stopped); // the run it replaces ends here, for the host page
        }
        let program = self.in_program_untracked();
        let size = self.pool_size().filter(|_| !program);
        let waiting = match size {
            Some(n) => format!("Starting {n} Web Workers…"),
            None if program && crate::browser::engine::loaded().is_none() => "Loading the Python engine…".into(),
            None => "Starting…".into(),
        };
        let id = self.replace_run(RunStatus::Waiting(waiting));
        let playground = *self;
        spawn_local(async move {
            match old {
                Some(Active::Lesson { handle, .. }) => {
                    handle.stop();
                    handle.over().await;
                }
                Some(Active::Program(run)) => {
                    run.kill();
                    crate::browser::engine::over(&run).await;
                }
                None => {}
            }
            if program {
                return playground.begin_program(id).await;
            }
            if let Some(n) = size {
                if let Err(e) = workers().warm(n).await {
                    return playground.refuse(id, format!("the Web Workers could not start: {e}"));
                }
            }
            if playground.waiting(id) {
                playground.begin(id).await;
            }
        });
    }

    /// A new run view with `status`, replacing the current one; its id.
    fn replace_run(&self, status: RunStatus) -> u64 {
        let id = self.run.with_untracked(|r| r.id) + 1;
        self.run.set(RunView { id, status, ..RunView::default() });
        self.cursor.set(None);
        id
    }

    /// Whether run `id` is still the one waiting to start (not replaced, not stopped).
    pub(super) fn waiting(&self, id: u64) -> bool {
        self.run.with_untracked(|r| r.id == id && matches!(r.status, RunStatus::Waiting(_)))
    }

    pub(super) fn refuse(&self, id: u64, reason: String) {
        self.turn.set_value(None);
        self.run.update(|r| {
            if r.id == id {
                r.status = RunStatus::Refused(reason);
            }
        });
    }

    /// Shows the run about to start (its ideal prediction, an empty output), lets the page
    /// draw that, then starts it: the drawing is done before the run's clock starts.
    async fn begin(&self, id: u64) {
        let scenario = self.link.with_untracked(|l| l.scenario.clone());
        if let Err(e) = program::check(&scenario) {
            return self.refuse(id, e.to_string());
        }
        let rt = match BrowserRuntime::new() {
            Ok(rt) => Rc::new(rt),
            Err(e) => return self.refuse(id, e.to_string()),
        };
        // The ideal run costs a pass of the virtual loop: skipped for very large runs.
        let ideal = if scenario.jobs.len() <= MAX_IDEAL_JOBS {
            ideal_trace_on(&scenario, cores()).unwrap_or_default()
        } else {
            Vec::new()
        };
        self.run.update(|r| {
            *r = RunView { id, status: r.status.clone(), scenario: scenario.clone(), ideal, ..RunView::default() }
        });
        if !self.ready_to_go(id).await {
            return;
        }
        // Events are recorded at once (with their real time) and reach the page once per frame.
        let trace = Trace::new();
        let started = rt.now();
        let handle = match RunHandle::start(rt.clone(), scenario, trace.clone()) {
            Ok(handle) => Rc::new(handle),
            Err(e) => return self.refuse(id, e.to_string()),
        };
        // A large first batch of events waits its turn too (see `live`): the run's first steps and
        // the drawing of their output are then two tasks, with a frame between them.
        let clock = Clock {
            started: Some(started),
            last_flush: started,
            looping: self.clock.with_value(|c| c.looping),
            ..Clock::default()
        };
        self.clock.set_value(clock);
        self.active.set_value(Some(Active::Lesson { handle: handle.clone(), trace }));
        self.beat();
        self.tell_host(&RunStatus::Running);
        handle.over().await;
        self.end(id, rt.now());
    }

    /// Lets the page draw the run about to start, then marks it running and lets the view's
    /// updates for that be made too, so that drawing is done before the run's clock starts;
    /// `false` if run `id` was stopped or replaced meanwhile.
    pub(super) async fn ready_to_go(&self, id: u64) -> bool {
        frames::after_paint().await;
        if !self.waiting(id) {
            return false;
        }
        self.run.update(|r| r.status = RunStatus::Running);
        self.live.set(Live { throttled: visibility::tab_hidden(), ..Live::default() });
        frames::yield_to_browser().await;
        let going = self.run.with_untracked(|r| r.id == id && r.status == RunStatus::Running);
        if going {
            crate::mark("playground-run-start");
        }
        going
    }

    /// The run `id` is over (its shutdown ended at `at`).
    pub(super) fn end(&self, id: u64, at: f64) {
        self.turn.set_value(None); // the next playground of the page may run
        if !self.run.with_untracked(|r| r.id == id && r.status.is_live()) {
            return;
        }
        self.clock.update_value(|c| c.ended = Some(at));
        self.flush();
        self.run.update(|r| {
            r.status = if r.status == RunStatus::Stopping { RunStatus::Stopped } else { RunStatus::Finished };
        });
        self.tell_host(&self.run.with_untracked(|r| r.status.clone()));
        crate::browser::offline::allow();
        if self.pool_size().is_some() {
            self.warm_workers(); // workers stopped with the run were replaced: say when they are ready
        }
    }

    /// Stop, as Ctrl-C: `main` is cancelled, then every task still pending, and the
    /// workers still busy are stopped and replaced. The output shows those cancellations.
    pub fn stop(&self) {
        let status = self.run.with_untracked(|r| r.status.clone());
        match status {
            RunStatus::Waiting(_) => {
                self.turn.set_value(None);
                self.run.update(|r| r.status = RunStatus::Stopped);
            }
            RunStatus::Running => {
                let stopped = self.active.with_value(|a| match a {
                    Some(Active::Lesson { handle, .. }) => handle.stop(),
                    Some(Active::Program(run)) => run.stop(),
                    None => false,
                });
                let status = if stopped { RunStatus::Stopping } else { RunStatus::Stopped }; // or before it began
                self.run.update(|r| r.status = status);
            }
            // Stop pressed again while stopping: Ctrl-C again (a program may have caught the first).
            RunStatus::Stopping => self.active.with_value(|a| {
                if let Some(Active::Program(run)) = a {
                    run.stop();
                }
            }),
            _ => {}
        }
    }

    /// Notes that the tab was hidden: if a run is under way, its times are throttled.
    pub fn tab_hidden(&self) {
        if self.run.with_untracked(|r| r.status.is_live()) {
            self.live.update(|l| l.throttled = true);
        }
    }
}
