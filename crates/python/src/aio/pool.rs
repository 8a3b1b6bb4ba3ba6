//! Pools: `ThreadPoolExecutor`, `ProcessPoolExecutor`, `run_in_executor` and `to_thread`.
//!
//! A function sent to a pool runs inside the interpreter, as a separate piece of work on
//! the runtime (`rt.spawn`), with its prints written as `thread` or `process`; a
//! `time.sleep` in it goes through the runtime's `offload` hook (a timer on the virtual
//! loop), so it takes a worker's time without blocking the event loop. A pool has
//! `max_workers` workers: jobs beyond that wait for one to come free, as in CPython.

use super::funcs::coro;
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use crate::interp::{Ctrl, Cx, Interp, Place};
use crate::value::{Args, NativeFn, Value};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

type Job = Box<dyn FnOnce(usize)>;

/// A pool's workers (busy or not) and its waiting jobs.
pub struct PoolState {
    busy: Vec<bool>,
    queue: VecDeque<Job>,
    /// The runtime's index of this pool's first worker: pools do not share workers.
    base: usize,
}

/// A `ThreadPoolExecutor` or `ProcessPoolExecutor`.
pub struct PoolObj {
    /// Whether it is a process pool.
    pub process: bool,
    /// Its id in the interpreter's pools.
    pub id: usize,
}

/// Makes a pool (`ThreadPoolExecutor(max_workers=None)`, `ProcessPoolExecutor(...)`).
pub fn make_pool(cx: &Cx, process: bool, mut a: Args) -> Result<Value, Ctrl> {
    let cores = cx.interp.rt.cores();
    let workers = match a.get(0, "max_workers") {
        Some(Value::Int(n)) if n > 0 => n as usize,
        Some(Value::Int(_)) => return Err(cx.err("ValueError", "max_workers must be greater than 0")),
        _ if process => cores,
        _ => (cores + 4).min(32),
    };
    let id = cx.interp.next_pool.get();
    cx.interp.next_pool.set(id + 1);
    let base = cx.interp.pools.borrow().values().map(|p| p.base + p.busy.len()).max().unwrap_or(0);
    cx.interp.pools.borrow_mut().insert(id, PoolState { busy: vec![false; workers], queue: VecDeque::new(), base });
    Ok(Value::Native(Rc::new(Native::Pool(PoolObj { process, id }))))
}

fn submit(interp: &Rc<Interp>, pool: usize, job: Job) {
    interp.pool_jobs.set(interp.pool_jobs.get() + 1);
    let free = {
        let mut pools = interp.pools.borrow_mut();
        let Some(p) = pools.get_mut(&pool) else { return };
        match p.busy.iter().position(|b| !b) {
            Some(w) => {
                p.busy[w] = true;
                Some(w)
            }
            None => {
                p.queue.push_back(job);
                return;
            }
        }
    };
    if let Some(w) = free {
        job(w);
    }
}

fn job_done(interp: &Rc<Interp>, pool: usize, worker: usize) {
    interp.pool_jobs.set(interp.pool_jobs.get().saturating_sub(1));
    let next = {
        let mut pools = interp.pools.borrow_mut();
        let Some(p) = pools.get_mut(&pool) else { return };
        match p.queue.pop_front() {
            Some(j) => Some(j),
            None => {
                p.busy[worker] = false;
                None
            }
        }
    };
    match next {
        Some(j) => j(worker),
        None if interp.pool_jobs.get() == 0 => interp.wake_main(),
        None => {}
    }
}

/// Runs `f(*args)` on a worker of `pool`; returns the asyncio future of its result.
fn run_on_pool(cx: &Cx, pool: usize, process: bool, f: Value, args: Args) -> Rc<FutureObj> {
    let fut = FutureObj::new(&cx.interp, None);
    let (fut2, interp) = (fut.clone(), cx.interp.clone());
    let job: Job = Box::new(move |worker| {
        let base = interp.pools.borrow().get(&pool).map_or(0, |p| p.base);
        let place = if process { Place::Process(base + worker) } else { Place::Thread(base + worker) };
        let cx = Cx { place, ..Cx::module(&interp) };
        let rt = interp.rt.clone();
        rt.spawn(Box::pin(async move {
            // A worker's run is a step of its own for the guard against code that never yields.
            cx.interp.step_started();
            let r = cx.call(f, args).await;
            let interp = cx.interp.clone();
            let fut = fut2;
            let state = match r {
                Ok(v) => FutState::Result(v),
                Err(Ctrl::Exc(e)) => FutState::Exception(e),
                Err(Ctrl::Fatal(m)) => {
                    interp.set_fatal(&m);
                    return;
                }
                Err(_) => FutState::Result(Value::None),
            };
            job_done(&interp, pool, worker);
            let weak = Rc::downgrade(&interp);
            playground_core::aio::call_soon(&interp.rt, move || {
                if weak.upgrade().is_some_and(|i| i.fatal.borrow().is_none()) && !fut.done() {
                    fut.finish(state);
                }
            });
        }));
    });
    submit(&cx.interp, pool, job);
    fut
}

fn default_pool(cx: &Cx) -> Result<Value, Ctrl> {
    if let Some(v) = cx.interp.globals.vars.borrow().get("\0default_executor") {
        return Ok(v.clone());
    }
    let pool = make_pool(cx, false, Args::default())?;
    cx.interp.globals.vars.borrow_mut().insert("\0default_executor".into(), pool.clone());
    Ok(pool)
}

fn pool_of(v: &Value) -> Option<(usize, bool)> {
    match v {
        Value::Native(n) => match &**n {
            Native::Pool(p) => Some((p.id, p.process)),
            _ => None,
        },
        _ => None,
    }
}

/// `loop.run_in_executor(executor, func, *args)`.
pub fn run_in_executor(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let mut pos = a.pos.into_iter();
    let executor = pos.next().unwrap_or(Value::None);
    let f = pos.next().ok_or_else(|| cx.type_err("run_in_executor() missing the function"))?;
    let executor = if matches!(executor, Value::None) { default_pool(cx)? } else { executor };
    let (id, process) = pool_of(&executor).ok_or_else(|| cx.type_err("executor must be an Executor"))?;
    Ok(Value::Fut(run_on_pool(cx, id, process, f, Args::of(pos.collect()))))
}

/// `asyncio.to_thread(func, *args, **kwargs)`.
pub fn to_thread(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let mut a = a;
    if a.pos.is_empty() {
        return Err(cx.type_err("to_thread() missing 1 required positional argument: 'func'"));
    }
    let f = a.pos.remove(0);
    let cx2 = cx.clone();
    Ok(coro(cx, "to_thread", async move {
        let pool = default_pool(&cx2)?;
        let (id, _) = pool_of(&pool).ok_or_else(|| cx2.type_err("no default executor"))?;
        let fut = run_on_pool(&cx2, id, false, f, a);
        await_future(&cx2, fut).await
    }))
}

/// Waits until no pool job is running (asyncio.run's `shutdown_default_executor`).
pub struct WaitIdle(Rc<Interp>);

impl Future for WaitIdle {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // After Ctrl-C (Stop) the calls still running are abandoned, not waited for.
        if self.0.pool_jobs.get() == 0 || self.0.fatal.borrow().is_some() || self.0.interrupts.get() > 0 {
            return Poll::Ready(());
        }
        *self.0.main_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// Waits until no pool job is running.
pub fn wait_idle(interp: &Rc<Interp>) -> WaitIdle {
    WaitIdle(interp.clone())
}

/// A pool's methods.
pub fn pool_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__enter__" => |_, this, _| Ok(this.clone()),
        "__exit__" | "shutdown" => |_, _, _| Ok(Value::None),
        "submit" => |cx, this, a| {
            let (id, process) = pool_of(this).ok_or_else(|| cx.type_err("not an executor"))?;
            let mut pos = a.pos.into_iter();
            let f = pos.next().ok_or_else(|| cx.type_err("submit() missing the function"))?;
            Ok(Value::Fut(run_on_pool(cx, id, process, f, Args::of(pos.collect()))))
        },
        _ => return None,
    })
}
