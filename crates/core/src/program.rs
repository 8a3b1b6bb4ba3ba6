//! The program a scenario stands for: `main` and the seed's `fetch_data(k)`, written
//! once against the injected runtime. The page shows this file as "the Rust that runs".

use crate::aio::gather::gather;
use crate::aio::pool::CancelOnDrop;
use crate::aio::{create_task, Outcome, Task, TaskGroup};
pub use crate::lifecycle::{check, pool_size, prepare, Run, RunError};
use crate::scenario::JobId;
use crate::scenario::{Mode, SleepKind};
use crate::trace::{Event, Who};
use std::fmt;
use std::rc::Rc;

/// The error a failing job raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    /// The job that raised it.
    pub job: JobId,
    /// Set when the worker running its sleep failed, rather than the job itself.
    pub worker: Option<String>,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.worker {
            None => write!(f, "FetchError('fetch_data({}) failed')", self.job),
            Some(e) => write!(f, "WorkerError('the worker of fetch_data({}) failed: {e}')", self.job),
        }
    }
}

/// A job's task.
pub type JobTask = Task<String, FetchError>;
/// `main`'s task (asyncio.run's Task-1): it never raises, it catches what reaches it.
pub type MainTask = Task<(), ()>;

/// `async def main()`: starts the jobs and handles them as the mode says, catches the
/// error that reaches it, and lingers.
async fn main(run: Rc<Run>) -> Result<(), ()> {
    run.begin(); // the run's clock starts at main's first step
    run.emit(Who::Main, Event::Start, None, "main() started".into());
    let caught = match run.scenario.mode {
        Mode::Sync => main_sync(&run),
        Mode::Await => main_await(&run).await,
        Mode::Tasks => main_tasks(&run).await,
        Mode::Gather | Mode::GatherRx => main_gather(&run).await,
        Mode::Group => main_group(&run).await,
    };
    if let Some(error) = caught {
        run.emit(Who::Main, Event::Raise, None, format!("main() caught {error}"));
    }
    let linger = run.scenario.ms(run.scenario.linger_tenths);
    if linger > 0.0 {
        match run.scenario.mode {
            Mode::Sync => run.block(Who::Main, linger),
            _ => run.rt.sleep(linger).await,
        }
    }
    Ok(())
}

/// Creates `main`'s task (asyncio.run's Task-1): it starts at the loop's next step.
pub fn main_task(run: &Rc<Run>) -> MainTask {
    let on_stop = run.clone();
    create_task(&run.rt, main(run.clone()), move |_| {
        on_stop.emit(Who::Main, Event::Cancel, None, "main() was cancelled: Stop is Ctrl-C".into());
    })
}

/// `asyncio.run(main())`, once `main`'s task exists: waits for it (or for Stop,
/// which cancels it, as Ctrl-C does), then shuts down.
pub async fn run(run: Rc<Run>, main: MainTask) {
    main.wait().await;
    shutdown(&run).await;
    run.emit(Who::Main, Event::End, None, "the run is over".into());
    run.tasks.borrow_mut().clear(); // the tasks' callbacks hold the run: break the cycle
}

impl Run {
    fn job_count(&self) -> JobId {
        self.scenario.jobs.len() as JobId
    }

    fn received(&self, k: JobId, value: &str) {
        self.emit(Who::Main, Event::Result, Some(k), format!("main() received {value}"));
    }
}

/// `async def fetch_data(k)`: starts, sleeps in the chosen way, returns or raises.
async fn fetch_data(run: Rc<Run>, k: JobId) -> Result<String, FetchError> {
    let job = run.scenario.jobs[(k as usize) - 1];
    run.emit(Who::Job(k), Event::Start, None, format!("fetch_data({k}) started"));
    let ms = run.scenario.ms(job.tenths);
    let cancelled_if_dropped = Unfinished(Some((run.clone(), k)));
    match (run.scenario.effective_sleep(), &run.pool) {
        (SleepKind::Blocking, _) => run.block(Who::Job(k), ms),
        (SleepKind::Thread | SleepKind::Process, Some(pool)) => {
            // `await asyncio.to_thread(time.sleep, d)`: the sleep blocks a worker, not this loop.
            let done = pool.submit(k, ms);
            let _cancel_if_dropped = CancelOnDrop(done.clone());
            if let Outcome::Raised(error) = done.wait().await {
                cancelled_if_dropped.finished();
                let error = FetchError { job: k, worker: Some(error) };
                run.emit(Who::Job(k), Event::Raise, None, format!("fetch_data({k}) raised {error}"));
                return Err(error);
            }
        }
        _ => run.rt.sleep(ms).await,
    }
    cancelled_if_dropped.finished();
    finish_job(&run, k, job.fails)
}

/// The sync `def fetch_data(k)` of example1: `time.sleep` with no event loop.
fn fetch_data_sync(run: &Run, k: JobId) -> Result<String, FetchError> {
    let job = run.scenario.jobs[(k as usize) - 1];
    run.emit(Who::Job(k), Event::Start, None, format!("fetch_data({k}) started"));
    run.block(Who::Job(k), run.scenario.ms(job.tenths));
    finish_job(run, k, job.fails)
}

/// A started `fetch_data(k)` dropped at its `await` was cancelled there (as a task,
/// or awaited directly by a cancelled `main`): that is when it says so.
struct Unfinished(Option<(Rc<Run>, JobId)>);

impl Unfinished {
    fn finished(mut self) {
        self.0 = None;
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if let Some((run, k)) = self.0.take() {
            run.emit(Who::Job(k), Event::Cancel, None, format!("fetch_data({k}) was cancelled"));
        }
    }
}

fn finish_job(run: &Run, k: JobId, fails: bool) -> Result<String, FetchError> {
    if fails {
        let error = FetchError { job: k, worker: None };
        run.emit(Who::Job(k), Event::Raise, None, format!("fetch_data({k}) raised {error}"));
        return Err(error);
    }
    run.emit(Who::Job(k), Event::Return, None, format!("fetch_data({k}) returned \"Result of {k}\""));
    Ok(format!("Result of {k}"))
}

fn main_sync(run: &Run) -> Option<String> {
    for &k in &run.scenario.order {
        match fetch_data_sync(run, k) {
            Ok(value) => run.received(k, &format!("\"{value}\"")),
            Err(error) => return Some(error.to_string()),
        }
    }
    None
}

async fn main_await(run: &Rc<Run>) -> Option<String> {
    // Calling a coroutine function only creates coroutine objects: nothing runs yet.
    let mut coroutines: Vec<_> = (1..=run.job_count()).map(|k| Some(fetch_data(run.clone(), k))).collect();
    for &k in &run.scenario.order {
        let Some(coroutine) = coroutines[(k as usize) - 1].take() else {
            continue;
        };
        match coroutine.await {
            Ok(value) => run.received(k, &format!("\"{value}\"")),
            Err(error) => return Some(error.to_string()),
        }
    }
    None
}

/// A task cancelled before its first step never runs its body: it says so here.
fn on_cancel(run: &Rc<Run>, k: JobId) -> impl FnOnce(bool) + 'static {
    let run = run.clone();
    move |started| {
        if !started {
            run.emit(Who::Job(k), Event::Cancel, None, format!("fetch_data({k}) was cancelled before it started"));
        }
    }
}

fn spawn_jobs(run: &Rc<Run>) -> Vec<JobTask> {
    let tasks: Vec<JobTask> =
        (1..=run.job_count()).map(|k| create_task(&run.rt, fetch_data(run.clone(), k), on_cancel(run, k))).collect();
    run.tasks.borrow_mut().extend(tasks.iter().cloned());
    tasks
}

async fn main_tasks(run: &Rc<Run>) -> Option<String> {
    let tasks = spawn_jobs(run);
    for &k in &run.scenario.order {
        match tasks[(k as usize) - 1].wait().await {
            Outcome::Returned(value) => run.received(k, &format!("\"{value}\"")),
            Outcome::Raised(error) => return Some(error.to_string()),
            Outcome::Cancelled => return Some("CancelledError()".into()),
        }
    }
    None
}

async fn main_gather(run: &Rc<Run>) -> Option<String> {
    let return_exceptions = run.scenario.mode == Mode::GatherRx;
    let outer = gather(&run.rt, spawn_jobs(run), return_exceptions);
    match outer.wait().await {
        Outcome::Returned(results) => {
            for (i, outcome) in results.iter().enumerate() {
                let value = match outcome {
                    Outcome::Returned(value) => format!("\"{value}\""),
                    Outcome::Raised(error) => format!("{error} as a value"),
                    Outcome::Cancelled => "CancelledError() as a value".into(),
                };
                run.received(i as JobId + 1, &value);
            }
            None
        }
        Outcome::Raised(Outcome::Raised(error)) => Some(error.to_string()),
        Outcome::Raised(_) | Outcome::Cancelled => Some("CancelledError()".into()),
    }
}

async fn main_group(run: &Rc<Run>) -> Option<String> {
    let group = TaskGroup::new(&run.rt);
    let tasks: Vec<JobTask> =
        (1..=run.job_count()).map(|k| group.create_task(fetch_data(run.clone(), k), on_cancel(run, k))).collect();
    run.tasks.borrow_mut().extend(tasks.iter().cloned());
    match group.exit().await {
        Ok(()) => {
            for (i, task) in tasks.iter().enumerate() {
                if let Some(Outcome::Returned(value)) = task.outcome() {
                    run.received(i as JobId + 1, &format!("\"{value}\""));
                }
            }
            None
        }
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Some(format!("ExceptionGroup('unhandled errors in a TaskGroup', [{}])", list.join(", ")))
        }
    }
}

/// What `asyncio.run` does once `main` returns: cancel every task still pending,
/// and wait until they have all finished.
async fn shutdown(run: &Rc<Run>) {
    let pending: Vec<JobTask> = run.tasks.borrow().iter().filter(|t| !t.is_done()).cloned().collect();
    for task in &pending {
        task.cancel();
    }
    for task in &pending {
        task.wait().await;
    }
    // Like asyncio.run's shutdown_default_executor: wait for the workers' calls to end.
    // After Stop, workers still busy are stopped instead (a Python thread cannot be).
    if let Some(pool) = &run.pool {
        if run.stopped.get() {
            pool.abort();
        }
        pool.wait_idle().await;
    }
}
