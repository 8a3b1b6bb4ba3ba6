//! The reprs of `asyncio.TaskGroup` and `asyncio.timeout(...)`, as CPython 3.11 makes them
//! (`<TaskGroup tasks=2 entered>`, `<Timeout [active] when=12.5>`).

use super::group::{GroupObj, TimeoutObj, ENTERED};

/// `Timeout`'s states by number, as its repr names them.
const TIMEOUT_STATES: [&str; 5] = ["created", "active", "expiring", "expired", "finished"];

impl GroupObj {
    /// `TaskGroup.__repr__`.
    pub fn repr(&self) -> String {
        let mut info = String::new();
        let tasks = self.tasks.borrow().len();
        if tasks > 0 {
            info.push_str(&format!(" tasks={tasks}"));
        }
        let errors = self.errors.borrow().len();
        if errors > 0 {
            info.push_str(&format!(" errors={errors}"));
        }
        if self.aborting.get() {
            info.push_str(" cancelling");
        } else if self.entered.get() {
            info.push_str(" entered");
        }
        format!("<TaskGroup{info}>")
    }
}

impl TimeoutObj {
    /// `Timeout.__repr__`: its state, and its deadline (loop time, rounded to ms) while active.
    pub fn repr(&self) -> String {
        let state = TIMEOUT_STATES.get(self.state.get() as usize).copied().unwrap_or("finished");
        let when = match (self.state.get(), self.when.get()) {
            (ENTERED, Some(w)) => {
                format!(" when={}", crate::format::repr(&crate::value::Value::Float((w * 1000.0).round() / 1000.0)))
            }
            (ENTERED, None) => " when=None".into(),
            _ => String::new(),
        };
        format!("<Timeout [{state}]{when}>")
    }
}
