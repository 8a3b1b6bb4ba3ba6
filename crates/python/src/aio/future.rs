//! `asyncio.Future` and `asyncio.Task`, following CPython's futures.py and tasks.py:
//! done callbacks each run as their own loop step (`call_soon`), and a task advances
//! one `__step` per wake-up, with cancellation thrown into the coroutine at its `await`.

pub use super::futmethods::method;
pub use super::task::{await_future, create_task, step, yield_now};
use crate::activity::{Activity, TaskEnd};
use crate::interp::exc::{format_exception, make_exc};
use crate::interp::{Ctrl, Cx, Interp};
use crate::value::{Args, PyFuture, Value};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A future's state.
#[derive(Clone)]
pub enum FutState {
    /// Not done.
    Pending,
    /// Done with a result.
    Result(Value),
    /// Done with an exception.
    Exception(Value),
    /// Cancelled, with the message given to `cancel`.
    Cancelled(Option<Value>),
}

/// A done callback.
pub enum Callback {
    /// Native code (a task's wake-up, gather's bookkeeping...), with the text CPython's reprs
    /// show for its callback (see [`super::futrepr`]).
    Native(&'static str, Box<dyn FnOnce(Rc<FutureObj>)>),
    /// A callable of the program's.
    Py(Value),
}

/// What a task's coroutine gave control back for.
#[derive(Default)]
pub enum Yielded {
    /// Nothing (not suspended through an `await`).
    #[default]
    Nothing,
    /// A bare yield (`asyncio.sleep(0)`): step again soon.
    Bare,
    /// A future to wait for.
    Fut(Rc<FutureObj>),
    /// A blocking wait: the step goes on when it is ready, the loop held meanwhile.
    Block(super::blocking::Ready),
}

/// The part of a future that makes it a task.
pub struct TaskData {
    /// Its number (`N` of `Task-N`, whatever its name).
    pub id: u32,
    /// Its name.
    pub name: RefCell<Rc<str>>,
    /// Its coroutine, until done.
    pub coro: RefCell<Option<PyFuture>>,
    /// Its coroutine's name.
    pub coro_name: Rc<str>,
    /// Where its coroutine's function is defined.
    pub coro_line: usize,
    /// The line its coroutine's frame is at (shared with the frame).
    pub frame_line: Rc<Cell<usize>>,
    /// CPython's `_must_cancel`.
    pub must_cancel: Cell<bool>,
    /// The message of the pending cancellation.
    pub cancel_msg: RefCell<Option<Value>>,
    /// The future it waits for.
    pub fut_waiter: RefCell<Option<Rc<FutureObj>>>,
    /// Cancellation requests not yet undone (`cancelling()`).
    pub num_cancels: Cell<u32>,
    /// How to resume: `Some(None)` sends, `Some(Some(exc))` throws.
    pub resume: RefCell<Option<Option<Value>>>,
    /// What its coroutine yielded in its last step.
    pub yielded: RefCell<Yielded>,
    /// Whether its coroutine has run at all.
    pub started: Cell<bool>,
    /// Whether its coroutine was closed while the task was pending (a closed loop's task
    /// freed at the program's end).
    pub closed: Cell<bool>,
    /// CPython's `_log_destroy_pending`: false for the task `run_until_complete` made.
    pub log_destroy_pending: Cell<bool>,
}

/// An `asyncio.Future` (a task if `task` is set).
pub struct FutureObj {
    /// The interpreter.
    pub interp: Weak<Interp>,
    /// Its state.
    pub state: RefCell<FutState>,
    /// Its done callbacks, with their ids.
    pub callbacks: RefCell<Vec<(u64, Callback)>>,
    next_cb: Cell<u64>,
    /// Whether its exception was never retrieved.
    pub log_tb: Cell<bool>,
    /// The task part.
    pub task: Option<TaskData>,
    /// For `gather`'s outer future: its children (cancelling it cancels them).
    pub gather_children: RefCell<Option<Vec<Rc<FutureObj>>>>,
    /// For `gather`'s outer future: whether a cancellation was requested.
    pub cancel_requested: Cell<bool>,
    /// Whether it is a `concurrent.futures.Future` (what `Executor.submit` gives): its
    /// `result()` blocks until it is done, and it cannot be awaited.
    pub concurrent: Cell<bool>,
    /// CPython's `_cancelled_exc`: the `CancelledError` a task's coroutine ended with, which the
    /// first retrieval gives (later ones make a new one, without its message).
    pub cancelled_exc: RefCell<Option<Value>>,
}

impl Drop for FutureObj {
    fn drop(&mut self) {
        if !self.log_tb.get() {
            return;
        }
        let Some(interp) = self.interp.upgrade() else { return };
        if let FutState::Exception(e) = &*self.state.borrow() {
            let kind = self.type_name();
            let text = format!(
                "{kind} exception was never retrieved\nfuture: {}\n{}\n",
                self.repr(&mut |_, _| None),
                format_exception(&interp, e)
            );
            interp.write(&text, true, &interp.who(crate::interp::Place::Loop));
        }
    }
}

impl FutureObj {
    /// A pending future.
    pub fn new(interp: &Rc<Interp>, task: Option<TaskData>) -> Rc<FutureObj> {
        Rc::new(FutureObj {
            interp: Rc::downgrade(interp),
            state: RefCell::new(FutState::Pending),
            callbacks: RefCell::new(Vec::new()),
            next_cb: Cell::new(0),
            log_tb: Cell::new(false),
            task,
            gather_children: RefCell::new(None),
            cancel_requested: Cell::new(false),
            concurrent: Cell::new(false),
            cancelled_exc: RefCell::new(None),
        })
    }

    /// Whether it is done.
    pub fn done(&self) -> bool {
        !matches!(*self.state.borrow(), FutState::Pending)
    }

    /// Whether it was cancelled.
    pub fn cancelled(&self) -> bool {
        matches!(*self.state.borrow(), FutState::Cancelled(_))
    }

    /// A task's name (a future's repr otherwise).
    pub fn task_name(&self) -> String {
        match &self.task {
            Some(t) => t.name.borrow().to_string(),
            None => "main".into(),
        }
    }

    /// `result()`: the value, or the exception raised.
    pub fn result(&self, cx: &Cx) -> Result<Value, Ctrl> {
        let state = self.state.borrow().clone();
        match state {
            FutState::Pending => Err(cx.err("InvalidStateError", "Result is not set.")),
            FutState::Result(v) => Ok(v),
            FutState::Exception(e) => {
                self.log_tb.set(false);
                Err(Ctrl::Exc(e))
            }
            FutState::Cancelled(msg) => Err(Ctrl::Exc(self.make_cancelled_error(cx, msg))),
        }
    }

    /// CPython's `_make_cancelled_error`: the saved `CancelledError` once, else a new one with
    /// the cancel message.
    pub fn make_cancelled_error(&self, cx: &Cx, msg: Option<Value>) -> Value {
        let saved = self.cancelled_exc.borrow_mut().take();
        saved.unwrap_or_else(|| cancelled_error(cx, msg))
    }

    /// The cancel message, if it was cancelled with one.
    pub fn cancel_message(&self) -> Option<Value> {
        match &*self.state.borrow() {
            FutState::Cancelled(msg) => msg.clone(),
            _ => None,
        }
    }

    /// `exception()`.
    pub fn exception(&self, cx: &Cx) -> Result<Value, Ctrl> {
        let state = self.state.borrow().clone();
        match state {
            FutState::Pending => Err(cx.err("InvalidStateError", "Exception is not set.")),
            FutState::Result(_) => Ok(Value::None),
            FutState::Exception(e) => {
                self.log_tb.set(false);
                Ok(e)
            }
            FutState::Cancelled(msg) => Err(Ctrl::Exc(self.make_cancelled_error(cx, msg))),
        }
    }

    /// Sets the outcome and schedules the callbacks; `false` if already done.
    pub fn finish(self: &Rc<Self>, state: FutState) -> bool {
        if self.done() {
            return false;
        }
        if matches!(state, FutState::Exception(_)) {
            self.log_tb.set(true);
        }
        if let (Some(t), Some(interp)) = (&self.task, self.interp.upgrade()) {
            if interp.noting() {
                let end = match &state {
                    FutState::Cancelled(_) => TaskEnd::Cancelled,
                    FutState::Exception(_) => TaskEnd::Raised,
                    _ => TaskEnd::Returned,
                };
                interp.note(Activity::TaskDone { id: t.id, end, t: interp.now_ms() });
            }
        }
        *self.state.borrow_mut() = state;
        let callbacks = std::mem::take(&mut *self.callbacks.borrow_mut());
        for (_, cb) in callbacks {
            self.schedule(cb);
        }
        true
    }

    fn schedule(self: &Rc<Self>, cb: Callback) {
        let Some(interp) = self.interp.upgrade() else { return };
        let me = self.clone();
        let weak = Rc::downgrade(&interp);
        crate::aio::blocking::call_soon(&interp, move || match cb {
            Callback::Native(_, f) => f(me),
            Callback::Py(f) => {
                if let Some(interp) = weak.upgrade() {
                    run_callback(&interp, f, vec![Value::Fut(me)]);
                }
            }
        });
    }

    /// Adds a done callback (scheduled at once if already done); returns its id.
    pub fn add_callback(self: &Rc<Self>, cb: Callback) -> u64 {
        let id = self.next_cb.get();
        self.next_cb.set(id + 1);
        if self.done() {
            self.schedule(cb);
        } else {
            self.callbacks.borrow_mut().push((id, cb));
        }
        id
    }

    /// Adds a native done callback, shown in reprs as `label`.
    pub fn on_done(self: &Rc<Self>, label: &'static str, f: impl FnOnce(Rc<FutureObj>) + 'static) -> u64 {
        self.add_callback(Callback::Native(label, Box::new(f)))
    }

    /// Removes a done callback by id.
    pub fn remove_callback(&self, id: u64) {
        let removed: Vec<_> = {
            let mut cbs = self.callbacks.borrow_mut();
            let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut *cbs).into_iter().partition(|(i, _)| *i == id);
            *cbs = kept;
            gone
        };
        drop(removed);
    }

    /// `cancel(msg)`: a future is cancelled at once; a task gets the request at its next step.
    pub fn cancel(self: &Rc<Self>, msg: Option<Value>) -> bool {
        if self.done() {
            return false;
        }
        let children = self.gather_children.borrow().clone();
        if let Some(children) = children {
            let mut any = false;
            for c in children {
                any |= c.cancel(msg.clone());
            }
            if any {
                self.cancel_requested.set(true);
            }
            return any;
        }
        let Some(t) = &self.task else {
            return self.finish(FutState::Cancelled(msg));
        };
        t.num_cancels.set(t.num_cancels.get() + 1);
        let waiter = t.fut_waiter.borrow().clone();
        if let Some(w) = waiter {
            if w.cancel(msg.clone()) {
                return true;
            }
        }
        t.must_cancel.set(true);
        *t.cancel_msg.borrow_mut() = msg;
        true
    }
}

/// A new `CancelledError` (with the cancel message, if any).
pub fn cancelled_error(cx: &Cx, msg: Option<Value>) -> Value {
    make_exc(&cx.interp.class("CancelledError"), msg.into_iter().collect())
}

/// Runs a callable of the program's as a loop callback, reporting what it raises as CPython does.
pub fn run_callback(interp: &Rc<Interp>, f: Value, args: Vec<Value>) {
    interp.step_started();
    let cx = Cx::module(interp);
    let r = crate::interp::call_sync(&cx, f.clone(), Args::of(args.clone()));
    if let Err(Ctrl::Exc(e)) = r {
        let source = super::futrepr::callback_source(&f, &args, &mut |x, is_repr| {
            crate::interp::call::user_str(interp, x, is_repr)
        });
        let text =
            format!("Exception in callback {source}\nhandle: <Handle {source}>\n{}\n", format_exception(interp, &e));
        interp.write(&text, true, "main");
    }
}
