//! The reprs of futures and tasks, as CPython's `base_futures._future_repr_info` and
//! `base_tasks._task_repr_info` make them: the state (`cancelling` for a task asked to cancel),
//! the name, the coroutine with the line its frame is at, the result or exception, the future a
//! task waits for, and the done callbacks (`cb=[...]`, CPython's `_format_callbacks`).
//!
//! A callback of the program's is shown with its line in `main.py`; asyncio's own callbacks
//! with their names and the lines of CPython 3.11's `Lib/asyncio`, under Debian's path for it
//! ([`ASYNCIO_DIR`]): CPython shows where its library is installed, which differs by machine.

use super::future::{Callback, FutState, FutureObj};
use crate::format::{repr_with, Hook};
use crate::reprlib::short_repr;
use crate::value::Value;

/// Where CPython's `asyncio` package is on Debian, as asyncio's own callbacks show it.
pub const ASYNCIO_DIR: &str = "/usr/lib/python3.11/asyncio";

/// A task's wake-up (`Task.task_wakeup`, in C).
pub const TASK_WAKEUP: &str = "Task.task_wakeup()";
/// `gather`'s `_done_callback`.
pub const GATHER_DONE: &str = "gather.<locals>._done_callback() at tasks.py:764";
/// `wait`'s `_on_completion`.
pub const WAIT_DONE: &str = "_wait.<locals>._on_completion() at tasks.py:519";
/// `as_completed`'s `_on_completion`.
pub const AS_COMPLETED_DONE: &str = "as_completed.<locals>._on_completion() at tasks.py:602";
/// `wait_for`'s `functools.partial(_release_waiter, waiter)`.
pub const RELEASE_WAITER: &str = "_release_waiter() at tasks.py:431";
/// `shield`'s callback on the inner awaitable.
pub const SHIELD_INNER: &str = "shield.<locals>._inner_done_callback() at tasks.py:891";
/// `shield`'s callback on the outer future.
pub const SHIELD_OUTER: &str = "shield.<locals>._outer_done_callback() at tasks.py:908";
/// `TaskGroup._on_task_done`.
pub const GROUP_DONE: &str = "TaskGroup._on_task_done() at taskgroups.py:184";
/// `asyncio.run`'s callback on its main task.
pub const RUN_DONE: &str = "_run_until_complete_cb() at base_events.py:180";

/// A callable of the program's called with `args` as `_format_callback_source` shows it: its
/// name, the arguments' short reprs, and where it is defined.
pub fn callback_source(f: &Value, args: &[Value], hook: Hook) -> String {
    let shown: Vec<String> = args.iter().map(|a| short_repr(a, hook)).collect();
    let shown = shown.join(", ");
    let func = match f {
        Value::Method(m) => &m.1,
        other => other,
    };
    match func {
        Value::Func(func) => format!("{}({shown}) at {}:{}", func.qualname, crate::MAIN_FILE, func.def.pos.line),
        Value::Builtin(b) => format!("{}({shown})", b.name),
        other => format!("{}({shown})", repr_with(other, hook)),
    }
}

/// A done callback as `_format_callback_source` shows it.
fn callback_text(cb: &Callback, hook: Hook) -> String {
    match cb {
        Callback::Native(label, _) => match label.split_once(" at ") {
            Some((name, place)) => format!("{name} at {ASYNCIO_DIR}/{place}"),
            None => label.to_string(),
        },
        Callback::Py(f) => callback_source(f, &[], hook),
    }
}

impl FutureObj {
    /// Its type's name: `Task`, `_GatheringFuture` (what `gather` returns) or `Future`.
    pub fn type_name(&self) -> &'static str {
        match (&self.task, self.gather_children.borrow().is_some()) {
            (Some(_), _) => "Task",
            (None, true) => "_GatheringFuture",
            (None, false) => "Future",
        }
    }

    /// CPython's `_format_callbacks`: the first, `<N more>`, the last.
    fn callbacks_text(&self, hook: Hook) -> Option<String> {
        let cbs = self.callbacks.borrow();
        let text = match cbs.len() {
            0 => return None,
            1 => callback_text(&cbs[0].1, hook),
            2 => format!("{}, {}", callback_text(&cbs[0].1, hook), callback_text(&cbs[1].1, hook)),
            n => {
                format!("{}, <{} more>, {}", callback_text(&cbs[0].1, hook), n - 2, callback_text(&cbs[n - 1].1, hook))
            }
        };
        Some(format!("cb=[{text}]"))
    }

    /// The repr CPython gives it.
    pub fn repr(&self, hook: Hook) -> String {
        let state = self.state.borrow().clone();
        let mut info: Vec<String> = vec![match state {
            FutState::Pending => "pending".into(),
            FutState::Cancelled(_) => "cancelled".into(),
            _ => "finished".into(),
        }];
        if let Some(t) = &self.task {
            if t.num_cancels.get() > 0 && matches!(state, FutState::Pending) {
                info[0] = "cancelling".into();
            }
            info.push(format!("name={}", crate::format::str_repr(&t.name.borrow())));
            info.push(match state {
                FutState::Pending if !t.closed.get() => {
                    format!("coro=<{}() running at {}:{}>", t.coro_name, crate::MAIN_FILE, t.frame_line.get())
                }
                _ => format!("coro=<{}() done, defined at {}:{}>", t.coro_name, crate::MAIN_FILE, t.coro_line),
            });
            let waiter = t.fut_waiter.borrow().clone();
            if let Some(w) = waiter {
                info.push(format!("wait_for={}", w.repr(hook)));
            }
        }
        match &state {
            FutState::Result(v) => info.push(format!("result={}", short_repr(v, hook))),
            FutState::Exception(e) => info.push(format!("exception={}", repr_with(e, hook))),
            _ => {}
        }
        if let Some(cb) = self.callbacks_text(hook) {
            info.push(cb);
        }
        format!("<{} {}>", self.type_name(), info.join(" "))
    }
}
