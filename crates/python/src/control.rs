//! Stop, as Ctrl-C stops a Python program: CPython's `asyncio.Runner` handles the first
//! SIGINT by cancelling the main task (so `except CancelledError` and `finally` run, and
//! `asyncio.run` then shuts down and raises `KeyboardInterrupt`); outside the loop, or once
//! the main task is done, the interrupt is raised as `KeyboardInterrupt` where the program
//! is. One more press ends the run at once.

use crate::interp::Interp;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// Presses of Stop after which the run ends at once, without waiting for the program.
const HARD_STOP: u32 = 3;

/// The message of a run ended by pressing Stop again.
pub const HARD_STOP_MESSAGE: &str = "Stopped again: the run ended at once, without the rest of asyncio.run's shutdown.";

#[derive(Default)]
struct Inner {
    interp: RefCell<Weak<Interp>>,
    /// Stop was pressed before the run began: it does not begin.
    early: Cell<bool>,
    /// The run is over.
    over: Cell<bool>,
}

/// The handle on a run that Stop uses. Clones control the same run.
#[derive(Clone, Default)]
pub struct RunControl {
    inner: Rc<Inner>,
}

impl RunControl {
    pub(crate) fn attach(&self, interp: &Rc<Interp>) {
        *self.inner.interp.borrow_mut() = Rc::downgrade(interp);
    }

    pub(crate) fn stopped_early(&self) -> bool {
        self.inner.early.get()
    }

    pub(crate) fn end(&self) {
        self.inner.over.set(true);
    }

    /// Whether the run is over.
    pub fn is_over(&self) -> bool {
        self.inner.over.get()
    }

    /// Presses Stop (Ctrl-C): `false` if the run is over already.
    pub fn stop(&self) -> bool {
        if self.is_over() {
            return false;
        }
        let Some(interp) = self.inner.interp.borrow().upgrade() else {
            self.inner.early.set(true);
            return true;
        };
        interrupt(&interp);
        true
    }
}

/// What Ctrl-C does to the program (`asyncio.Runner._on_sigint`, then Python's default handler).
fn interrupt(interp: &Rc<Interp>) {
    let n = interp.interrupts.get() + 1;
    interp.interrupts.set(n);
    interp.gate.wake();
    if n >= HARD_STOP {
        interp.set_fatal(HARD_STOP_MESSAGE);
        return;
    }
    let main = interp.main_task.borrow().clone();
    if let Some(main) = main.filter(|t| n == 1 && !t.done()) {
        main.cancel(None);
        return;
    }
    interp.interrupt_pending.set(true);
    interp.wake_main();
}
