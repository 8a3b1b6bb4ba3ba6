//! Tasks a closed loop left pending, freed as the program ends, where CPython's garbage
//! collector finds them at shutdown: each coroutine is closed (`GeneratorExit` at its
//! `await`, so its `finally` runs) and `Task was destroyed but it is pending!` is written.

use super::future::FutureObj;
use crate::interp::{Cx, Interp};
use crate::value::Value;
use std::rc::Rc;
use std::task::{Context, Waker};

/// At the program's end, the tasks a closed loop left pending, as CPython's collector frees
/// them, in the order they were made: first those the program's variables do not hold (a
/// cycle with the future each waits for): the coroutine is closed (`GeneratorExit` at its
/// `await`, so `finally` runs), then `Task was destroyed but it is pending!`. Those a
/// module-level variable holds (directly or in a list, tuple, set or dict) are left for
/// [`destroy_held`], once the variables are gone.
pub fn destroy_pending(interp: &Rc<Interp>) {
    let tasks = std::mem::take(&mut *interp.destroyed.borrow_mut());
    let held_by_globals = |task: &Rc<FutureObj>| {
        let vars = interp.globals.vars.borrow();
        vars.values().any(|v| holds(v, task))
    };
    let (held, free): (Vec<_>, Vec<_>) = tasks.into_iter().partition(held_by_globals);
    *interp.destroyed.borrow_mut() = held;
    for task in free {
        destroy(interp, &task, false);
    }
}

/// The tasks [`destroy_pending`] left, freed when the module's variables are: the task first
/// (`Task was destroyed...`, its coroutine still at its `await`), then its coroutine.
pub fn destroy_held(interp: &Rc<Interp>) {
    let tasks = std::mem::take(&mut *interp.destroyed.borrow_mut());
    for task in tasks {
        destroy(interp, &task, true);
    }
}

fn holds(v: &Value, task: &Rc<FutureObj>) -> bool {
    let is_it = |x: &Value| matches!(x, Value::Fut(f) if Rc::ptr_eq(f, task));
    match v {
        Value::List(l) => l.try_borrow().is_ok_and(|l| l.iter().any(is_it)),
        Value::Tuple(t) => t.iter().any(is_it),
        Value::Set(d) | Value::Dict(d) => d.try_borrow().is_ok_and(|d| d.items().any(|(k, x)| is_it(k) || is_it(x))),
        other => is_it(other),
    }
}

fn destroy(interp: &Rc<Interp>, task: &Rc<FutureObj>, message_first: bool) {
    let Some(t) = &task.task else { return };
    if task.done() {
        return;
    }
    let message = || {
        if t.log_destroy_pending.get() {
            let text = format!("Task was destroyed but it is pending!\ntask: {}\n", task.repr(&mut |_, _| None));
            interp.write(&text, true, "main");
        }
    };
    if message_first {
        message();
    }
    let body = t.coro.borrow_mut().take();
    match (body, t.started.get()) {
        (Some(mut body), true) => {
            let cx = Cx::module(interp);
            *t.resume.borrow_mut() = Some(Some(cx.exc("GeneratorExit", "")));
            let previous = interp.current_task.replace(Some(task.clone()));
            let _ = body.as_mut().poll(&mut Context::from_waker(Waker::noop()));
            let old = interp.current_task.replace(previous);
            drop(old);
        }
        (body, _) => {
            drop(body);
            interp.warn_never_awaited(&t.coro_name);
        }
    }
    t.closed.set(true);
    if !message_first {
        message();
    }
}
