//! How many arguments asyncio's functions, classes and methods take, and the `TypeError`
//! CPython 3.11 gives a call with others. Most are written in Python in `Lib/asyncio`, so
//! their messages are a Python function's (`Queue.put() missing 1 required positional
//! argument: 'item'`, `sleep() takes from 1 to 2 positional arguments but 3 were given`);
//! tasks and futures are `_asyncio`'s C types (`Task.done() takes no arguments (1 given)`).

use crate::arity::{plural, refusal, Rule};
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Builtin, Value};

/// A function written in Python: its positional-or-keyword parameters (the first `required`
/// of them without a default), whether it takes `*args`, its keyword-only parameters.
struct Py(&'static [&'static str], usize, bool, &'static [&'static str]);

/// The signature of the asyncio function `name`.
fn function(name: &str) -> Option<Py> {
    Some(match name {
        "sleep" => Py(&["delay", "result"], 1, false, &[]),
        "current_task" | "all_tasks" => Py(&["loop"], 0, false, &[]),
        "create_task" => Py(&["coro"], 1, false, &["name", "context"]),
        "wait_for" => Py(&["fut", "timeout"], 2, false, &[]),
        "shield" => Py(&["arg"], 1, false, &[]),
        "wait" => Py(&["fs"], 1, false, &["timeout", "return_when"]),
        "as_completed" => Py(&["fs"], 1, false, &["timeout"]),
        "timeout" => Py(&["delay"], 1, false, &[]),
        "iscoroutine" => Py(&["obj"], 1, false, &[]),
        "iscoroutinefunction" => Py(&["func"], 1, false, &[]),
        "run" => Py(&["main"], 1, false, &["debug"]),
        "new_event_loop" => Py(&[], 0, false, &[]),
        "set_event_loop" => Py(&["loop"], 1, false, &[]),
        "gather" => Py(&[], 0, true, &["return_exceptions"]),
        _ => return None,
    })
}

/// The running loop's type.
const LOOP: &str = "_UnixSelectorEventLoop";

/// The signature of method `name` of an asyncio object of type `kind`, and its qualified
/// name (the class that defines it: a `PriorityQueue`'s `put` is `Queue.put`).
fn method(kind: &str, name: &str) -> Option<(String, Py)> {
    let none = || Py(&[], 0, false, &[]);
    let (class, sig) = match (kind, name) {
        ("Queue" | "LifoQueue" | "PriorityQueue", "__init__") => ("Queue", Py(&["maxsize"], 0, false, &[])),
        ("Queue" | "LifoQueue" | "PriorityQueue", "put" | "put_nowait") => ("Queue", Py(&["item"], 1, false, &[])),
        (
            "Queue" | "LifoQueue" | "PriorityQueue",
            "get" | "get_nowait" | "task_done" | "join" | "qsize" | "empty" | "full",
        ) => ("Queue", none()),
        ("Event", "__init__" | "set" | "clear" | "is_set" | "wait") => ("Event", none()),
        ("Queue" | "LifoQueue" | "PriorityQueue" | "Event" | "Lock" | "Semaphore" | "BoundedSemaphore", _)
            if name.starts_with('_') && name != "__init__" =>
        {
            return None
        }
        ("Lock", "__init__" | "acquire" | "release" | "locked") => ("Lock", none()),
        ("Semaphore" | "BoundedSemaphore", "__init__") => (kind, Py(&["value"], 0, false, &[])),
        ("BoundedSemaphore", "release") => ("BoundedSemaphore", none()),
        ("Semaphore" | "BoundedSemaphore", "acquire" | "release" | "locked") => ("Semaphore", none()),
        ("Condition", "__init__") => ("Condition", Py(&["lock"], 0, false, &[])),
        ("Condition", "wait" | "notify_all") => ("Condition", none()),
        ("Condition", "notify") => ("Condition", Py(&["n"], 0, false, &[])),
        ("Condition", "wait_for") => ("Condition", Py(&["predicate"], 1, false, &[])),
        ("TaskGroup", "__init__") => ("TaskGroup", none()),
        ("Barrier", "__init__") => ("Barrier", Py(&["parties"], 1, false, &[])),
        ("Barrier", "wait" | "reset" | "abort" | "__aenter__") => ("Barrier", none()),
        ("Barrier", "__aexit__") => ("Barrier", Py(&[], 0, true, &[])),
        ("Runner", "__init__") => ("Runner", Py(&[], 0, false, &["debug", "loop_factory"])),
        ("Runner", "run") => ("Runner", Py(&["coro"], 1, false, &["context"])),
        ("Runner", "close" | "get_loop" | "__enter__") => ("Runner", none()),
        ("Runner", "__exit__") => ("Runner", Py(&["exc_type", "exc_val", "exc_tb"], 3, false, &[])),
        (
            LOOP,
            "time"
            | "create_future"
            | "is_running"
            | "run_forever"
            | "stop"
            | "close"
            | "is_closed"
            | "get_debug"
            | "shutdown_asyncgens"
            | "shutdown_default_executor",
        ) => ("BaseEventLoop", none()),
        (LOOP, "run_until_complete") => ("BaseEventLoop", Py(&["future"], 1, false, &[])),
        (LOOP, "call_soon" | "call_soon_threadsafe") => ("BaseEventLoop", Py(&["callback"], 1, true, &["context"])),
        (LOOP, "call_later") => ("BaseEventLoop", Py(&["delay", "callback"], 2, true, &["context"])),
        (LOOP, "call_at") => ("BaseEventLoop", Py(&["when", "callback"], 2, true, &["context"])),
        (LOOP, "run_in_executor") => ("BaseEventLoop", Py(&["executor", "func"], 2, true, &[])),
        (LOOP, "create_task") => ("BaseEventLoop", Py(&["coro"], 1, false, &["name", "context"])),
        ("TaskGroup", "create_task") => ("TaskGroup", Py(&["coro"], 1, false, &["name", "context"])),
        _ => return None,
    };
    Some((format!("{class}.{name}"), sig))
}

/// Python's checks of a call's arguments against `sig`, in the order `initialize_locals`
/// makes them (keywords, then too many positional arguments, then missing ones); `this`:
/// a method, whose `self` the counts include.
fn check_py(cx: &Cx, args: &Args, func: &str, sig: &Py, this: bool) -> Result<(), Ctrl> {
    let Py(params, required, varargs, kwonly) = *sig;
    let n = args.pos.len();
    for (k, _) in &args.kw {
        match params.iter().position(|p| **p == **k) {
            Some(i) if i < n => {
                return Err(cx.type_err(format!("{func}() got multiple values for argument '{k}'")));
            }
            Some(_) => {}
            None if kwonly.contains(&&**k) => {}
            None => return Err(cx.type_err(format!("{func}() got an unexpected keyword argument '{k}'"))),
        }
    }
    let s = usize::from(this);
    if !varargs && n > params.len() {
        let (low, high, given) = (required + s, params.len() + s, n + s);
        let takes = match low == high {
            true => format!("{high} positional argument{}", plural(high)),
            false => format!("from {low} to {high} positional arguments"),
        };
        let was = if given == 1 { "was" } else { "were" };
        return Err(cx.type_err(format!("{func}() takes {takes} but {given} {was} given")));
    }
    let missing: Vec<&str> = params[n.min(required)..required]
        .iter()
        .copied()
        .filter(|p| !args.kw.iter().any(|(k, _)| &**k == *p))
        .collect();
    if !missing.is_empty() {
        return Err(cx.type_err(crate::arity::missing(func, "positional", &missing)));
    }
    Ok(())
}

/// Whether `b` is the very function `asyncio.<name>` gives (not a method or function of the
/// same name elsewhere: `time.sleep`).
fn is_asyncio_function(cx: &Cx, b: &Builtin) -> bool {
    matches!(crate::modules::attr(cx, "asyncio", &b.name), Some(Value::Builtin(a)) if a.f as usize == b.f as usize)
}

/// A loop's method.
fn is_loop_method(b: &Builtin) -> bool {
    matches!(&b.this, Value::Native(n) if matches!(**n, super::native::Native::Loop(_)))
}

/// Refuses a call of `b`, if it is one of asyncio's functions (the very one `asyncio.<name>`
/// gives; its classes are checked by [`check_class`]), with arguments it does not take.
pub fn check_function(cx: &Cx, b: &Builtin, args: &Args) -> Result<(), Ctrl> {
    if let Some(sig) = function(&b.name) {
        if is_asyncio_function(cx, b) {
            return check_py(cx, args, &b.name, &sig, false);
        }
    } else if matches!(b.name.as_ref(), "get_running_loop" | "get_event_loop") && is_asyncio_function(cx, b) {
        let func = format!("_asyncio.{}", b.name);
        let message = refusal(Rule::NoArgs, &func, args.pos.len(), !args.kw.is_empty());
        return message.map_or(Ok(()), |m| Err(cx.type_err(m)));
    }
    Ok(())
}

/// Whether `b` may be one of asyncio's functions or a loop's methods, written in Python (a
/// quick test by name before [`is_python_function`]).
pub fn names_python_function(b: &Builtin) -> bool {
    function(&b.name).is_some() || is_loop_method(b)
}

/// Whether `b` is one of asyncio's functions written in Python in `Lib/asyncio` (`run`,
/// `gather`, `sleep`...) or a loop's method: a call of it that raises leaves its frame, and the arguments in it,
/// in the traceback.
pub fn is_python_function(cx: &Cx, b: &Builtin) -> bool {
    is_loop_method(b) || function(&b.name).is_some() && is_asyncio_function(cx, b)
}

/// Refuses a call of one of asyncio's classes (`Queue`, `Lock`, `Runner`...) with arguments
/// its `__init__` does not take.
pub fn check_class(cx: &Cx, name: &str, args: &Args) -> Result<(), Ctrl> {
    match method(name, "__init__") {
        Some((func, sig)) => check_py(cx, args, &func, &sig, true),
        None => Ok(()),
    }
}

/// Refuses a call of method `name` of the asyncio object `this` (a queue, a lock, a task...)
/// with arguments it does not take; `None` if `this` is not one.
pub fn check_method(cx: &Cx, this: &Value, name: &str, args: &Args) -> Option<Result<(), Ctrl>> {
    let kind = match this {
        Value::Native(n) => n.type_name(),
        Value::Fut(f) if f.task.is_some() => "Task",
        Value::Fut(_) => "Future",
        _ => return None,
    };
    if matches!(kind, "Task" | "Future") {
        return Some(check_c(cx, kind, name, args));
    }
    let (func, sig) = method(kind, name)?;
    Some(check_py(cx, args, &func, &sig, true))
}

/// `_asyncio`'s checks of a task's or future's method.
fn check_c(cx: &Cx, kind: &str, name: &str, args: &Args) -> Result<(), Ctrl> {
    let n = args.pos.len();
    let qualified = format!("{kind}.{name}");
    let message = match name {
        "done" | "cancelled" | "result" | "exception" | "get_name" | "get_coro" | "get_loop" | "cancelling"
        | "uncancel" => refusal(Rule::NoArgs, &qualified, n, !args.kw.is_empty()),
        "set_name" | "remove_done_callback" | "set_result" | "set_exception" => {
            refusal(Rule::One, &qualified, n, !args.kw.is_empty())
        }
        "cancel" => match refusal(Rule::Clinic(&["msg"], 0), name, n + args.kw.len(), false) {
            Some(m) => Some(m),
            None => return crate::arity::invalid_keywords(cx, args, name, &["msg"]),
        },
        "add_done_callback" if n != 1 => {
            Some(format!("add_done_callback() takes exactly 1 positional argument ({n} given)"))
        }
        "add_done_callback" => return crate::arity::invalid_keywords(cx, args, name, &["context"]),
        _ => None,
    };
    message.map_or(Ok(()), |m| Err(cx.type_err(m)))
}
