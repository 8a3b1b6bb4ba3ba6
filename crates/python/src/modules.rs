//! The importable modules: `asyncio`, `time`, `random`, `concurrent.futures`, `sys`.

use crate::aio::native::Native;
use crate::aio::{funcs, gather, group, pool, wait};
use crate::interp::{Ctrl, Cx, Place};
use crate::value::{Args, Builtin, NativeFn, Value};
use std::rc::Rc;

/// The module object for an (allowed) module name.
pub fn module(name: &str) -> Value {
    let name: &'static str = match name {
        "asyncio" => "asyncio",
        "time" => "time",
        "random" => "random",
        "concurrent" => "concurrent",
        "concurrent.futures" => "concurrent.futures",
        _ => "sys",
    };
    Value::Native(Rc::new(Native::Module(name)))
}

fn f(name: &str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name: name.into(), this: Value::None, f: func, auto_await: false }))
}

/// A module's attribute.
pub fn attr(cx: &Cx, modname: &str, name: &str) -> Option<Value> {
    let allowed = crate::checker::MODULES.iter().find(|(m, _)| *m == modname).map(|(_, n)| *n).unwrap_or(&[]);
    if !allowed.contains(&name) {
        return None;
    }
    Some(match (modname, name) {
        ("asyncio", "run") => {
            Value::Builtin(Rc::new(Builtin { name: "run".into(), this: Value::None, f: funcs::run, auto_await: true }))
        }
        ("asyncio", "sleep") => f(name, funcs::sleep),
        ("asyncio", "create_task") => f(name, funcs::create_task_fn),
        ("asyncio", "ensure_future") => f(name, |cx, _, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            if matches!(v, Value::Coro(_)) {
                // Outside a running loop, the task is the policy's loop's (events._get_event_loop).
                let on = match cx.interp.loop_running.get() {
                    true => Value::None,
                    false => crate::aio::legacy::get_event_loop(cx, &Value::None, Args::default())?,
                };
                return funcs::create_task_fn(cx, &on, a);
            }
            Ok(Value::Fut(funcs::ensure_future(cx, &v, None)?))
        }),
        ("asyncio", "gather") => f(name, gather::gather),
        ("asyncio", "wait_for") => f(name, gather::wait_for),
        ("asyncio", "shield") => f(name, gather::shield),
        ("asyncio", "wait") => f(name, wait::wait),
        ("asyncio", "as_completed") => f(name, wait::as_completed),
        ("asyncio", "current_task") => f(name, funcs::current_task),
        ("asyncio", "all_tasks") => f(name, funcs::all_tasks),
        ("asyncio", "get_running_loop") => f(name, funcs::get_running_loop),
        ("asyncio", "get_event_loop") => f(name, crate::aio::legacy::get_event_loop),
        ("asyncio", "new_event_loop") => f(name, |_, _, _| Ok(crate::aio::legacy::new_loop())),
        ("asyncio", "set_event_loop") => f(name, crate::aio::legacy::set_event_loop),
        ("asyncio", "to_thread") => f(name, pool::to_thread),
        ("asyncio", "timeout") => f(name, group::timeout),
        ("asyncio", "timeout_at") => f(name, group::timeout_at),
        ("asyncio", "TaskGroup" | "Queue" | "LifoQueue" | "PriorityQueue" | "Event" | "Lock" | "Condition")
        | ("asyncio", "Barrier" | "Semaphore" | "BoundedSemaphore" | "Runner") => crate::aio::classes::attr(cx, name)?,
        ("asyncio", "iscoroutine") => f(name, |_, _, a| Ok(Value::Bool(matches!(a.pos.first(), Some(Value::Coro(_)))))),
        ("asyncio", "iscoroutinefunction") => f(name, |_, _, a| {
            let func = match a.pos.first() {
                Some(Value::Method(m)) => Some(&m.1),
                other => other,
            };
            Ok(Value::Bool(matches!(func, Some(Value::Func(func)) if func.def.is_async)))
        }),
        ("asyncio", "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED") => Value::Str(name.into()),
        ("asyncio", class) => Value::Class(cx.interp.class(class)),
        ("time", "sleep") => Value::Builtin(Rc::new(Builtin {
            name: "sleep".into(),
            this: Value::None,
            f: time_sleep,
            auto_await: true,
        })),
        ("time", "time") => f(name, |cx, _, _| Ok(Value::Float(crate::clock::START_EPOCH + cx.interp.elapsed()))),
        ("time", "strftime") => f(name, |cx, _, a| {
            let Some(Value::Str(format)) = a.pos.first() else {
                return Err(cx.type_err("strftime() argument 1 must be str"));
            };
            if a.pos.len() > 1 {
                return Err(cx.type_err("time.strftime() with a time tuple is not supported by the playground"));
            }
            let now = crate::clock::START_EPOCH + cx.interp.elapsed();
            crate::clock::strftime(format, now)
                .map(|s| Value::Str(s.into()))
                .map_err(|k| cx.err("ValueError", format!("the directive '%{k}' is not supported by the playground")))
        }),
        ("time", "ctime") => f(name, |cx, _, a| {
            let t = match a.pos.first() {
                Some(Value::Int(i)) => *i as f64,
                Some(Value::Float(x)) => *x,
                _ => crate::clock::START_EPOCH + cx.interp.elapsed(),
            };
            crate::clock::strftime("%c", t).map(|s| Value::Str(s.into())).map_err(|_| cx.err("ValueError", "ctime"))
        }),
        ("time", _) => f(name, |cx, _, _| Ok(Value::Float(cx.interp.loop_time()))),
        ("random", _) => f(name, random_fn(name)?),
        ("concurrent", "futures") => module("concurrent.futures"),
        ("concurrent.futures", _) => crate::aio::classes::attr(cx, name)?,
        ("sys", "stderr") => Value::Native(Rc::new(Native::Stream(true))),
        ("sys", _) => Value::Native(Rc::new(Native::Stream(false))),
        _ => return None,
    })
}

fn seconds(cx: &Cx, v: Option<&Value>) -> Result<f64, Ctrl> {
    match v {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::Float(x)) => Ok(*x),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(other) => {
            Err(cx
                .type_err(format!("'{}' object cannot be interpreted as an integer", crate::format::type_name(other))))
        }
        None => Err(cx.type_err("time.sleep() takes exactly one argument (0 given)")),
    }
}

/// `time.sleep(d)`: blocks the loop (`rt.block`). In a pool's worker it holds that worker,
/// which takes no other call meanwhile, without using its CPU, as an OS thread's sleep does:
/// the call waits on the worker's timer (`rt.sleep`), unless it cannot suspend there
/// ([`Interp::unsuspendable`]), where it blocks the worker's thread.
fn time_sleep(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let d = seconds(cx, a.pos.first())?;
    if d < 0.0 {
        return Err(cx.err("ValueError", "sleep length must be non-negative"));
    }
    let ms = d * cx.interp.unit;
    let (interp, line) = (&cx.interp, cx.interp.line.get());
    if cx.place != Place::Loop && interp.unsuspendable.get() == 0 {
        let interp = interp.clone();
        return Ok(funcs::coro(cx, "sleep", async move {
            interp.rt.sleep(ms).await;
            // In a worker, the guard against code that never yields counts from its last sleep.
            interp.step_started();
            Ok(Value::None)
        }));
    }
    let from = interp.now_ms();
    interp.rt.block(ms);
    interp.blocked(ms);
    if cx.place != Place::Loop {
        interp.step_started();
    } else if interp.noting() {
        let id = interp.current_task.borrow().as_ref().and_then(|t| t.task.as_ref().map(|d| d.id));
        interp.note(crate::activity::Activity::Blocked { id, line, from, to: interp.now_ms() });
    }
    Ok(funcs::coro(cx, "sleep", async { Ok(Value::None) }))
}

fn int_arg(cx: &Cx, v: Option<&Value>) -> Result<i64, Ctrl> {
    match v {
        Some(Value::Int(i)) => i64::try_from(*i).map_err(|_| cx.err("OverflowError", "integer too large for random")),
        Some(Value::Bool(b)) => Ok(*b as i64),
        _ => Err(cx.type_err("an integer is required")),
    }
}

fn random_fn(name: &str) -> Option<NativeFn> {
    Some(match name {
        "seed" => |cx, _, a| {
            let mt = match a.pos.first() {
                None | Some(Value::None) => crate::random::Mt::from_clock(cx.interp.rt.now()),
                Some(Value::Int(n)) => crate::random::Mt::from_int(*n),
                Some(_) => return Err(cx.type_err("random.seed() takes an integer in the playground")),
            };
            *cx.interp.random.borrow_mut() = mt;
            Ok(Value::None)
        },
        "random" => |cx, _, _| Ok(Value::Float(cx.interp.random.borrow_mut().random())),
        "sample" => crate::sampling::sample,
        "choices" => crate::sampling::choices,
        "uniform" => |cx, _, a| {
            let lo = seconds(cx, a.pos.first())?;
            let hi = seconds(cx, a.pos.get(1))?;
            Ok(Value::Float(lo + (hi - lo) * cx.interp.random.borrow_mut().random()))
        },
        "randint" => |cx, _, a| {
            let lo = int_arg(cx, a.pos.first())?;
            let hi = int_arg(cx, a.pos.get(1))?;
            if hi < lo {
                return Err(
                    cx.err("ValueError", format!("empty range for randrange() ({lo}, {}, {})", hi + 1, hi + 1 - lo))
                );
            }
            Ok(Value::Int(lo as i128 + cx.interp.random.borrow_mut().randbelow((hi - lo + 1) as u64) as i128))
        },
        "randrange" => |cx, _, a| {
            let (lo, hi) = match a.pos.len() {
                1 => (0, int_arg(cx, a.pos.first())?),
                _ => (int_arg(cx, a.pos.first())?, int_arg(cx, a.pos.get(1))?),
            };
            let step = if a.pos.len() > 2 { int_arg(cx, a.pos.get(2))? } else { 1 };
            let n = crate::interp::ops::range_len(lo, hi, step);
            if n <= 0 {
                return Err(cx.err("ValueError", format!("empty range for randrange() ({lo}, {hi}, {})", hi - lo)));
            }
            Ok(Value::Int(lo as i128 + step as i128 * cx.interp.random.borrow_mut().randbelow(n as u64) as i128))
        },
        "choice" => |cx, _, a| {
            let items = cx.iterate(a.pos.first().unwrap_or(&Value::None))?;
            if items.is_empty() {
                return Err(cx.err("IndexError", "Cannot choose from an empty sequence"));
            }
            let k = cx.interp.random.borrow_mut().randbelow(items.len() as u64) as usize;
            Ok(items[k].clone())
        },
        "shuffle" => |cx, _, a| {
            let Some(Value::List(l)) = a.pos.first() else {
                return Err(cx.type_err("shuffle() takes a list"));
            };
            let n = l.borrow().len();
            for i in (1..n).rev() {
                let j = cx.interp.random.borrow_mut().randbelow(i as u64 + 1) as usize;
                l.borrow_mut().swap(i, j);
            }
            Ok(Value::None)
        },
        _ => return None,
    })
}
