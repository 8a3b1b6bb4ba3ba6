//! Pools: `ThreadPoolExecutor`, `ProcessPoolExecutor`, `run_in_executor` and `to_thread`.
//!
//! A function sent to a pool runs in a worker's interpreter, with a copy of the program's
//! data, through the run's [`WorkerHost`](crate::host::WorkerHost) (the page's Web Workers,
//! or the virtual loop's host); the lines it writes come back as `thread` or `process`, at
//! the worker's times. A pool has `max_workers` workers: jobs beyond that wait for one to
//! come free, as in CPython.

use super::funcs::coro;
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use crate::activity::Activity;
use crate::host::Outcome;
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{Args, NativeFn, Value};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::Poll;

type Job = Box<dyn FnOnce(usize)>;

/// A pool's workers (busy or not) and its waiting jobs.
pub struct PoolState {
    busy: Vec<bool>,
    queue: VecDeque<Job>,
    /// The runtime's index of this pool's first worker: pools do not share workers.
    base: usize,
    /// Set by `shutdown()` (the end of its `with` block): it takes no more calls.
    pub(super) shut: bool,
}

impl PoolState {
    /// Whether none of its workers has a call, and no call waits for one.
    pub(super) fn idle(&self) -> bool {
        self.queue.is_empty() && !self.busy.contains(&true)
    }
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
    cx.interp
        .pools
        .borrow_mut()
        .insert(id, PoolState { busy: vec![false; workers], queue: VecDeque::new(), base, shut: false });
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
    interp.gate.wake();
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
        None if interp.pool_jobs.get() == 0 => {
            interp.wake_main();
            let waiters = std::mem::take(&mut *interp.idle_waiters.borrow_mut());
            for fut in waiters {
                finish_soon(interp, &fut, FutState::Result(Value::None));
            }
        }
        None => {}
    }
}

/// Sends `f(*args)` to a worker of `pool`; returns the asyncio future of its result. A call
/// that cannot be sent is refused at once: raised here for a thread pool, set on the future
/// for a process pool (as CPython's pickling errors are).
fn run_on_pool(cx: &Cx, pool: usize, process: bool, f: Value, args: Args) -> Result<Rc<FutureObj>, Ctrl> {
    if cx.interp.hosting.borrow().is_none() {
        return Err(cx.err("RuntimeError", "a pool's worker cannot send calls to a pool in the playground"));
    }
    let fut = FutureObj::new(&cx.interp, None);
    if let Err(why) = crate::host::check(cx, process, &f, &args) {
        let exc = crate::host::unsendable(cx, &why, process);
        if !process {
            return Err(Ctrl::Exc(exc));
        }
        finish_soon(&cx.interp, &fut, FutState::Exception(exc));
        return Ok(fut);
    }
    // The timeline shows the call waiting for a worker, then in its worker.
    let call = cx.interp.calls_sent.get();
    cx.interp.calls_sent.set(call + 1);
    if cx.interp.noting() {
        let by = cx.interp.current_task.borrow().as_ref().and_then(|t| t.task.as_ref().map(|d| d.id));
        cx.interp.note(Activity::PoolCall { call, process, func: callable_name(&f), by, t: cx.interp.now_ms() });
    }
    let (fut2, interp) = (fut.clone(), cx.interp.clone());
    let job: Job = Box::new(move |worker| start(&interp, pool, process, worker, f, args, fut2, call));
    submit(&cx.interp, pool, job);
    Ok(fut)
}

/// A callable's name, as the timeline shows it.
fn callable_name(f: &Value) -> String {
    match f {
        Value::Func(func) => func.def.name.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::Method(m) => callable_name(&m.1),
        _ => crate::format::type_name(f).to_string(),
    }
}

/// Worker `worker` of `pool` takes the call: it is sent with a copy of the globals as they
/// are now, and its lines are written as the worker's (`thread` / `process`) at their times.
#[allow(clippy::too_many_arguments, reason = "one call's parts, taken apart once here")]
fn start(
    interp: &Rc<Interp>,
    pool: usize,
    process: bool,
    worker: usize,
    f: Value,
    args: Args,
    fut: Rc<FutureObj>,
    number: u32,
) {
    let cx = Cx::module(interp);
    let Some(hosting) = interp.hosting.borrow().clone() else { return };
    let (request, sent) = match crate::host::request(&cx, process, &f, &args) {
        Ok(r) => r,
        Err(why) => {
            job_done(interp, pool, worker);
            return finish_soon(interp, &fut, FutState::Exception(crate::host::unsendable(&cx, &why, process)));
        }
    };
    let base = interp.pools.borrow().get(&pool).map_or(0, |p| p.base);
    if interp.noting() {
        interp.note(Activity::PoolStart { call: number, worker: (base + worker) as u32, t: interp.now_ms() });
    }
    let who = if process { "process" } else { "thread" };
    let weak = Rc::downgrade(interp);
    let on_line: Rc<dyn Fn(crate::worker::WorkerLine)> = Rc::new(move |l| {
        if let Some(i) = weak.upgrade() {
            i.write_line(&l.text, l.stderr, who, l.at - i.t0, l.line);
        }
    });
    let call = hosting.host.call(base + worker, request, on_line);
    // The call is kept by the interpreter, so that a run that ends (or is stopped) drops it:
    // the host then abandons it (the browser's terminates that worker).
    let id = interp.next_call.get();
    interp.next_call.set(id + 1);
    interp.pool_calls.borrow_mut().insert(id, call);
    let interp = interp.clone();
    interp.rt.clone().spawn(Box::pin(async move {
        let reply = std::future::poll_fn(|task_cx| {
            let mut calls = interp.pool_calls.borrow_mut();
            match calls.get_mut(&id) {
                Some(call) => call.as_mut().poll(task_cx).map(Some),
                None => Poll::Ready(None),
            }
        })
        .await;
        let done = interp.pool_calls.borrow_mut().remove(&id);
        drop(done);
        let Some(reply) = reply else { return };
        let ended = interp.now_ms();
        let cx = Cx::module(&interp);
        let state = match reply.map(|r| crate::host::reply(&cx, &hosting, &r, &sent, process)) {
            Ok(Ok(Outcome::Result(v))) => FutState::Result(v),
            Ok(Ok(Outcome::Raised(e))) => FutState::Exception(e),
            Ok(Ok(Outcome::Fatal(m))) => return interp.set_fatal(&m),
            Ok(Err(e)) => {
                FutState::Exception(cx.exc("RuntimeError", format!("the worker's reply could not be read: {e}")))
            }
            Err(m) => FutState::Exception(cx.exc("RuntimeError", format!("the pool's worker stopped: {m}"))),
        };
        if interp.noting() {
            let ok = matches!(state, FutState::Result(_));
            interp.note(Activity::PoolEnd { call: number, ok, t: ended });
        }
        // A `concurrent.futures.Future` is finished by its worker, at once; an asyncio one
        // on the loop's next step.
        if fut.concurrent.get() {
            fut.finish(state);
        } else {
            finish_soon(&interp, &fut, state);
        }
        job_done(&interp, pool, worker);
    }));
}

/// The result reaches the loop one step later, as `call_soon_threadsafe` brings it.
fn finish_soon(interp: &Rc<Interp>, fut: &Rc<FutureObj>, state: FutState) {
    let (weak, fut) = (Rc::downgrade(interp), fut.clone());
    crate::aio::blocking::call_soon(interp, move || {
        if weak.upgrade().is_some_and(|i| i.fatal.borrow().is_none()) && !fut.done() {
            fut.finish(state);
        }
    });
}

fn default_pool(cx: &Cx) -> Result<Value, Ctrl> {
    if let Some(v) = cx.interp.globals.vars.borrow().get("\0default_executor") {
        return Ok(v.clone());
    }
    let pool = make_pool(cx, false, Args::default())?;
    cx.interp.globals.vars.borrow_mut().insert("\0default_executor".into(), pool.clone());
    Ok(pool)
}

pub(super) fn pool_of(v: &Value) -> Option<(usize, bool)> {
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
    let f = pos.next().unwrap_or(Value::None);
    let executor = if matches!(executor, Value::None) { default_pool(cx)? } else { executor };
    let (id, process) = pool_of(&executor).ok_or_else(|| cx.type_err("executor must be an Executor"))?;
    Ok(Value::Fut(run_on_pool(cx, id, process, f, Args::of(pos.collect()))?))
}

/// `asyncio.to_thread(func, *args, **kwargs)`.
pub fn to_thread(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let mut a = a;
    if a.pos.is_empty() {
        return Err(cx.type_err("to_thread() missing 1 required positional argument: 'func'"));
    }
    let f = a.pos.remove(0);
    let cx2 = cx.detached();
    Ok(coro(cx, "to_thread", async move {
        let pool = default_pool(&cx2)?;
        let (id, _) = pool_of(&pool).ok_or_else(|| cx2.type_err("no default executor"))?;
        let fut = run_on_pool(&cx2, id, false, f, a)?;
        await_future(&cx2, fut).await
    }))
}

/// A pool's methods.
pub fn pool_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__enter__" => |_, this, _| Ok(this.clone()),
        "__exit__" => |cx, this, _| super::blocking::shutdown(cx, this, true),
        "shutdown" => |cx, this, mut a| {
            let wait = a.get(0, "wait").map_or(Ok(true), |w| cx.is_true(&w))?;
            super::blocking::shutdown(cx, this, wait)
        },
        "submit" => |cx, this, a| {
            let (id, process) = pool_of(this).ok_or_else(|| cx.type_err("not an executor"))?;
            if cx.interp.pools.borrow().get(&id).is_some_and(|p| p.shut) {
                return Err(cx.err("RuntimeError", "cannot schedule new futures after shutdown"));
            }
            let mut pos = a.pos.into_iter();
            let Some(f) = pos.next() else {
                let kind = if process { "ProcessPoolExecutor" } else { "ThreadPoolExecutor" };
                return Err(cx.type_err(crate::arity::missing(&format!("{kind}.submit"), "positional", &["fn"])));
            };
            let fut = run_on_pool(cx, id, process, f, Args { pos: pos.collect(), kw: a.kw })?;
            fut.concurrent.set(true);
            Ok(Value::Fut(fut))
        },
        _ => return None,
    })
}
