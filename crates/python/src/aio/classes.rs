//! The classes of asyncio's objects that the engine makes natively (queues, locks, task
//! groups, runners, loops, handles, pools): one class each, named as CPython's modules name it
//! (`<class 'asyncio.queues.Queue'>`), what `type()` gives for such an object and what
//! `asyncio.Queue` is, so that `isinstance(q, asyncio.Queue)` and `type(q) is asyncio.Queue`
//! hold. Calling one makes its object; a program's class cannot derive from one.

use super::condition::ConditionObj;
use super::group::GroupObj;
use super::native::Native;
use super::{barrier, pool, runner, sync};
use crate::interp::Cx;
use crate::value::{Class, NativeFn, Value};
use std::rc::Rc;

/// Each class: its name, the module CPython defines it in, and what calling it does (`None`:
/// it is not meant to be called).
const CLASSES: [(&str, &str, Option<NativeFn>); 17] = [
    ("Queue", "asyncio.queues", Some(|cx, _, a| sync::make(cx, "Queue", a))),
    ("LifoQueue", "asyncio.queues", Some(|cx, _, a| sync::make(cx, "LifoQueue", a))),
    ("PriorityQueue", "asyncio.queues", Some(|cx, _, a| sync::make(cx, "PriorityQueue", a))),
    ("Event", "asyncio.locks", Some(|cx, _, a| sync::make(cx, "Event", a))),
    ("Lock", "asyncio.locks", Some(|cx, _, a| sync::make(cx, "Lock", a))),
    ("Semaphore", "asyncio.locks", Some(|cx, _, a| sync::make(cx, "Semaphore", a))),
    ("BoundedSemaphore", "asyncio.locks", Some(|cx, _, a| sync::make(cx, "BoundedSemaphore", a))),
    ("Condition", "asyncio.locks", Some(|_, _, _| Ok(native(Native::Condition(ConditionObj::new()))))),
    ("Barrier", "asyncio.locks", Some(barrier::new_barrier)),
    ("TaskGroup", "asyncio.taskgroups", Some(|_, _, _| Ok(native(Native::Group(GroupObj::default()))))),
    ("Runner", "asyncio.runners", Some(runner::new_runner)),
    ("Timeout", "asyncio.timeouts", None),
    ("_UnixSelectorEventLoop", "asyncio.unix_events", None),
    ("Handle", "asyncio.events", None),
    ("TimerHandle", "asyncio.events", None),
    ("ThreadPoolExecutor", "concurrent.futures.thread", Some(|cx, _, a| pool::make_pool(cx, false, a))),
    ("ProcessPoolExecutor", "concurrent.futures.process", Some(|cx, _, a| pool::make_pool(cx, true, a))),
];

fn native(n: Native) -> Value {
    Value::Native(Rc::new(n))
}

/// The class named `name` (made the first time it is asked for), if it is one of them.
pub fn class_of(cx: &Cx, name: &str) -> Option<Rc<Class>> {
    let (name, module, ctor) = CLASSES.iter().find(|(n, _, _)| *n == name).copied()?;
    let made = cx.interp.classes.borrow().get(name).cloned();
    if let Some(c) = made.filter(|c| c.module == module) {
        return Some(c);
    }
    let refuse: NativeFn = |cx, this, _| {
        let name = match this {
            Value::Class(c) => format!("{}.{}", c.module, c.name),
            _ => "this".into(),
        };
        Err(cx.type_err(format!("cannot create '{name}' instances")))
    };
    // LifoQueue(Queue), PriorityQueue(Queue), BoundedSemaphore(Semaphore); the others derive
    // from object (and mixins of asyncio's own).
    let base = match name {
        "LifoQueue" | "PriorityQueue" => class_of(cx, "Queue"),
        "BoundedSemaphore" => class_of(cx, "Semaphore"),
        _ => None,
    };
    let base = base.unwrap_or_else(|| cx.interp.class("object"));
    let c = crate::builtins::class(name, module, vec![base], false, Some(ctor.unwrap_or(refuse)));
    cx.interp.classes.borrow_mut().insert(name, c.clone());
    Some(c)
}

/// Whether `c` is one of them (a call of it is checked as its `__init__`).
pub fn is_native_class(c: &Class) -> bool {
    CLASSES.iter().any(|(n, m, _)| *n == c.name.as_ref() && *m == c.module)
}

/// `asyncio.<name>` or `concurrent.futures.<name>` as a class.
pub fn attr(cx: &Cx, name: &str) -> Option<Value> {
    class_of(cx, name).map(Value::Class)
}
