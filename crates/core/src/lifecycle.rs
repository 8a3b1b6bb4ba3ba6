//! A run's lifecycle: what a run holds (runtime, scenario, trace, tasks, pool), and
//! the handle the page keeps: started, stopped as Ctrl-C stops `asyncio.run`, over.

use crate::aio::pool::{default_size, CallEnd, Pool, PoolEvent};
use crate::aio::{AioFuture, Rt};
use crate::program::{self, JobTask, MainTask};
use crate::scenario::{JobId, Scenario, SleepKind};
use crate::trace::{Blocked, Event, Trace, TraceEvent, Who};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

/// Why a scenario cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// A scenario needs at least one job.
    NoJobs,
    /// `order` is not a permutation of the jobs.
    BadOrder,
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::NoJobs => f.write_str("the scenario has no jobs: add at least one"),
            RunError::BadOrder => f.write_str("the await order does not name every job exactly once"),
        }
    }
}

/// One run: the runtime, the scenario and the trace it writes to.
pub struct Run {
    pub(crate) rt: Rt,
    pub(crate) scenario: Scenario,
    pub(crate) trace: Trace,
    /// The run's time origin: when `main`'s first step began (as CPython's trace measures
    /// from `main`'s start), or, before that step, when the run was set up.
    t0: Cell<f64>,
    pub(crate) tasks: RefCell<Vec<JobTask>>,
    pub(crate) pool: Option<Pool>,
    /// Set by Stop: the shutdown then stops the workers instead of waiting for them.
    pub(crate) stopped: Cell<bool>,
}

/// Checks that `scenario` can run here.
pub fn check(scenario: &Scenario) -> Result<(), RunError> {
    if scenario.jobs.is_empty() {
        return Err(RunError::NoJobs);
    }
    let mut order = scenario.order.clone();
    crate::sort::sort_by(&mut order, &mut |a, b| Some(a < b));
    if order.len() != scenario.jobs.len() || order.iter().enumerate().any(|(i, &k)| (k as usize) != i + 1) {
        return Err(RunError::BadOrder);
    }
    Ok(())
}

/// The pool a scenario's jobs sleep in, if they sleep in one: `workers`, or
/// Python's default for the kind (threads `min(32, cores + 4)`, processes `cores`).
pub fn pool_size(scenario: &Scenario, cores: usize) -> Option<usize> {
    let kind = scenario.effective_sleep();
    kind.uses_workers()
        .then(|| scenario.workers.map(usize::from).unwrap_or_else(|| default_size(kind == SleepKind::Thread, cores)))
}

/// Sets up a run of `scenario` on `rt`, recording into `trace` (and its pool of
/// workers, if its jobs sleep in one). [`RunHandle::start`] starts it.
pub fn prepare(rt: Rt, scenario: Scenario, trace: Trace) -> Result<Rc<Run>, RunError> {
    check(&scenario)?;
    let t0 = rt.now();
    let size = pool_size(&scenario, rt.cores());
    Ok(Rc::new_cyclic(|me: &std::rc::Weak<Run>| {
        let me = me.clone();
        let pool = size.map(|size| {
            let processes = scenario.effective_sleep() == SleepKind::Process;
            Pool::new(&rt, size, processes, move |event| {
                let Some(run) = me.upgrade() else { return };
                let (tag, event, at, detail) = match event {
                    PoolEvent::Start { tag, worker, at } => (
                        tag,
                        Event::WorkerStart,
                        at,
                        format!("worker {} took fetch_data({tag})'s time.sleep", worker + 1),
                    ),
                    PoolEvent::Free { tag, worker, end, at } => {
                        let how = match end {
                            CallEnd::Done => "is free again".to_string(),
                            CallEnd::Failed(e) => format!("failed: {e}"),
                            CallEnd::Aborted => "was stopped with the run, and replaced".to_string(),
                        };
                        (tag, Event::WorkerFree, at, format!("worker {} of fetch_data({tag}) {how}", worker + 1))
                    }
                };
                run.emit_at(at, Who::Job(tag), event, None, detail);
            })
        });
        Run { rt, scenario, trace, t0: Cell::new(t0), tasks: RefCell::new(Vec::new()), pool, stopped: Cell::new(false) }
    }))
}

impl Run {
    pub(crate) fn emit(&self, who: Who, event: Event, of: Option<JobId>, detail: String) {
        self.emit_at(self.rt.now(), who, event, of, detail);
    }

    fn emit_at(&self, at: f64, who: Who, event: Event, of: Option<JobId>, detail: String) {
        let t = at - self.t0.get();
        self.trace.record(TraceEvent { who, event, t, of, detail });
    }

    /// `time.sleep(ms)` on the loop's own thread, noted as the program's blocking.
    pub(crate) fn block(&self, who: Who, ms: f64) {
        let from = self.rt.now();
        self.rt.block(ms);
        let to = self.rt.now();
        let t0 = self.t0.get();
        self.trace.record_blocked(Blocked { who, from: from - t0, to: to - t0 });
    }

    /// `main`'s first step: the run's clock starts here (its `start` is the first event).
    pub(crate) fn begin(&self) {
        self.t0.set(self.rt.now());
    }
}

/// A run the page holds: started, stoppable (as Ctrl-C stops `asyncio.run`), and over
/// once `asyncio.run`'s shutdown has ended.
pub struct RunHandle {
    run: Rc<Run>,
    main: MainTask,
    over: AioFuture<(), ()>,
}

impl RunHandle {
    /// Starts `scenario` on `rt`, recording into `trace`: `main`'s task starts at the
    /// loop's next step, and `asyncio.run` waits for it.
    pub fn start(rt: Rt, scenario: Scenario, trace: Trace) -> Result<RunHandle, RunError> {
        let run = prepare(rt.clone(), scenario, trace)?;
        let main = program::main_task(&run);
        let over = AioFuture::new(&rt);
        let (r, m, o) = (run.clone(), main.clone(), over.clone());
        rt.spawn(Box::pin(async move {
            program::run(r, m).await;
            o.set_result(());
        }));
        Ok(RunHandle { run, main, over })
    }

    /// Stop, as Ctrl-C: `main`'s task is cancelled, then `asyncio.run`'s shutdown
    /// cancels every task still pending, and workers still busy are stopped.
    /// `false` if the run was over already.
    pub fn stop(&self) -> bool {
        if self.over.is_done() {
            return false;
        }
        self.run.stopped.set(true);
        self.main.cancel();
        true
    }

    /// Whether the run is over (its `end` event recorded).
    pub fn is_over(&self) -> bool {
        self.over.is_done()
    }

    /// The run's time origin on the runtime's clock (what the trace's times count from):
    /// `main`'s first step, once it has begun.
    pub fn origin(&self) -> f64 {
        self.run.t0.get()
    }

    /// Waits until the run is over.
    pub async fn over(&self) {
        self.over.wait().await;
    }
}
