//! `asyncio.TaskGroup` and `asyncio.timeout`, as in CPython 3.11's taskgroups.py and timeouts.py.

use super::funcs::{coro, ensure_future};
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use super::timer::{call_later, call_soon_cancellable, cancel_timer};
use crate::interp::exc::{is_instance_of, make_exc, make_group};
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, NativeFn, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A task group's state.
#[derive(Default)]
pub struct GroupObj {
    pub(super) entered: Cell<bool>,
    exiting: Cell<bool>,
    pub(super) aborting: Cell<bool>,
    parent: RefCell<Option<Rc<FutureObj>>>,
    parent_cancel_requested: Cell<bool>,
    pub(super) tasks: RefCell<Vec<Rc<FutureObj>>>,
    pub(super) errors: RefCell<Vec<Value>>,
    base_error: RefCell<Option<Value>>,
    on_completed: RefCell<Option<Rc<FutureObj>>>,
}

impl GroupObj {
    fn abort(&self) {
        self.aborting.set(true);
        let tasks = self.tasks.borrow().clone();
        for t in tasks {
            if !t.done() {
                t.cancel(None);
            }
        }
    }

    fn on_task_done(&self, cx: &Cx, task: &Rc<FutureObj>) {
        self.tasks.borrow_mut().retain(|t| !Rc::ptr_eq(t, task));
        if self.tasks.borrow().is_empty() {
            let fut = self.on_completed.borrow().clone();
            if let Some(f) = fut {
                if !f.done() {
                    f.finish(FutState::Result(Value::Bool(true)));
                }
            }
        }
        if task.cancelled() {
            return;
        }
        let exc = match task.exception(cx) {
            Ok(Value::None) | Err(_) => return,
            Ok(e) => e,
        };
        self.errors.borrow_mut().push(exc.clone());
        let base =
            is_instance_of(&cx.interp, &exc, "KeyboardInterrupt") || is_instance_of(&cx.interp, &exc, "SystemExit");
        if base && self.base_error.borrow().is_none() {
            *self.base_error.borrow_mut() = Some(exc);
        }
        let parent = self.parent.borrow().clone();
        let Some(parent) = parent else { return };
        if parent.done() {
            return;
        }
        if !self.aborting.get() && !self.parent_cancel_requested.get() {
            self.abort();
            self.parent_cancel_requested.set(true);
            parent.cancel(None);
        }
    }

    async fn aexit(&self, cx: &Cx, exc: Value) -> Result<Value, Ctrl> {
        self.exiting.set(true);
        let has_exc = !matches!(exc, Value::None);
        let is_cancel = has_exc && is_instance_of(&cx.interp, &exc, "CancelledError");
        let mut propagate = if is_cancel { Some(exc.clone()) } else { None };
        if self.parent_cancel_requested.get() {
            let parent = self.parent.borrow().clone();
            if let Some(t) = parent.as_ref().and_then(|p| p.task.as_ref()) {
                let n = t.num_cancels.get().saturating_sub(1);
                t.num_cancels.set(n);
                if n == 0 {
                    propagate = None;
                }
            }
        }
        if has_exc && !self.aborting.get() {
            self.abort();
        }
        while !self.tasks.borrow().is_empty() {
            let fut = FutureObj::new(&cx.interp, None);
            *self.on_completed.borrow_mut() = Some(fut.clone());
            if let Err(Ctrl::Exc(e)) = await_future(cx, fut).await {
                if !self.aborting.get() {
                    propagate = Some(e);
                    self.abort();
                }
            }
            *self.on_completed.borrow_mut() = None;
        }
        if let Some(b) = self.base_error.borrow().clone() {
            return Err(Ctrl::Exc(b));
        }
        if let Some(p) = propagate {
            if self.errors.borrow().is_empty() {
                return Err(Ctrl::Exc(p));
            }
        }
        if has_exc && !is_cancel {
            self.errors.borrow_mut().push(exc);
        }
        let errors = std::mem::take(&mut *self.errors.borrow_mut());
        if !errors.is_empty() {
            let all_exceptions = errors.iter().all(|e| is_instance_of(&cx.interp, e, "Exception"));
            let class = cx.interp.class(if all_exceptions { "ExceptionGroup" } else { "BaseExceptionGroup" });
            let g = make_group(&class, "unhandled errors in a TaskGroup", errors);
            if let Value::Instance(i) = &g {
                i.attrs.borrow_mut().insert("__cause__".into(), Value::None);
            }
            return Err(Ctrl::Exc(g));
        }
        Ok(Value::None)
    }
}

fn group_of(this: &Value) -> Option<Rc<Native>> {
    match this {
        Value::Native(n) if matches!(**n, Native::Group(_)) => Some(n.clone()),
        _ => None,
    }
}

fn group_create_task(cx: &Cx, this: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let n = group_of(this).ok_or_else(|| cx.type_err("not a TaskGroup"))?;
    let Native::Group(g) = &*n else { return Ok(Value::None) };
    let name =
        a.take_kw("name").filter(|v| !matches!(v, Value::None)).map(|v| cx.to_str(&v).map(Rc::from)).transpose()?;
    let c = a.pos.first().cloned().unwrap_or(Value::None);
    if !g.entered.get() {
        return Err(cx.err("RuntimeError", format!("TaskGroup {} has not been entered", g.repr())));
    }
    if g.exiting.get() && g.tasks.borrow().is_empty() {
        return Err(cx.err("RuntimeError", format!("TaskGroup {} is finished", g.repr())));
    }
    if g.aborting.get() {
        return Err(cx.err("RuntimeError", format!("TaskGroup {} is shutting down", g.repr())));
    }
    if !matches!(c, Value::Coro(_)) {
        return Err(cx.type_err(format!("a coroutine was expected, got {}", cx.to_repr(&c)?)));
    }
    let task = ensure_future(cx, &c, name)?;
    g.tasks.borrow_mut().push(task.clone());
    let (weak, interp) = (Rc::downgrade(&n), cx.interp.clone());
    task.on_done(super::futrepr::GROUP_DONE, move |t| {
        if let Some(n) = weak.upgrade() {
            if let Native::Group(g) = &*n {
                g.on_task_done(&Cx::module(&interp), &t);
            }
        }
    });
    Ok(Value::Fut(task))
}

/// `asyncio.TaskGroup`'s methods.
pub fn group_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "create_task" => group_create_task,
        "__aenter__" => |cx, this, _| {
            let n = group_of(this).ok_or_else(|| cx.type_err("not a TaskGroup"))?;
            let (cx2, this2) = (cx.detached(), this.clone());
            Ok(coro(cx, "TaskGroup.__aenter__", async move {
                let Native::Group(g) = &*n else { return Ok(Value::None) };
                if g.entered.get() {
                    return Err(cx2.err("RuntimeError", "TaskGroup <TaskGroup> has been already entered"));
                }
                g.entered.set(true);
                let parent = cx2.interp.current_task.borrow().clone();
                if parent.is_none() {
                    return Err(cx2.err("RuntimeError", "TaskGroup <TaskGroup> cannot determine the parent task"));
                }
                *g.parent.borrow_mut() = parent;
                Ok(this2)
            }))
        },
        "__aexit__" => |cx, this, a| {
            let n = group_of(this).ok_or_else(|| cx.type_err("not a TaskGroup"))?;
            let exc = a.pos.get(1).cloned().unwrap_or(Value::None);
            let cx2 = cx.detached();
            Ok(coro(cx, "TaskGroup.__aexit__", async move {
                let Native::Group(g) = &*n else { return Ok(Value::None) };
                g.aexit(&cx2, exc).await
            }))
        },
        _ => return None,
    })
}

/// An `asyncio.timeout(...)` context manager.
pub struct TimeoutObj {
    pub(super) when: Cell<Option<f64>>,
    pub(super) state: Cell<u8>,
    handle: Cell<Option<u64>>,
    task: RefCell<Option<Rc<FutureObj>>>,
    cancelling: Cell<u32>,
}

pub(super) const ENTERED: u8 = 1;
const EXPIRING: u8 = 2;

impl TimeoutObj {
    /// A timeout at loop time `when` (never if `None`).
    pub fn new(when: Option<f64>) -> TimeoutObj {
        TimeoutObj {
            when: Cell::new(when),
            state: Cell::new(0),
            handle: Cell::new(None),
            task: RefCell::new(None),
            cancelling: Cell::new(0),
        }
    }
}

fn reschedule(n: &Rc<Native>, cx: &Cx, when: Option<f64>) {
    {
        let Native::Timeout(t) = &**n else { return };
        if let Some(h) = t.handle.take() {
            cancel_timer(&cx.interp, h);
        }
        t.when.set(when);
        if let Some(when) = when {
            let delay = when - cx.interp.loop_time();
            let weak = Rc::downgrade(n);
            let on_timeout = move || {
                if let Some(n) = weak.upgrade() {
                    if let Native::Timeout(t) = &*n {
                        if let Some(task) = t.task.borrow().clone() {
                            task.cancel(None);
                        }
                        t.state.set(EXPIRING);
                        t.handle.set(None);
                    }
                }
            };
            // As CPython's `Timeout.reschedule`: a deadline already reached expires on the
            // next loop step (`call_soon`), before the task resumes from a `sleep(0)`.
            t.handle.set(Some(match delay <= 0.0 {
                true => call_soon_cancellable(&cx.interp, on_timeout),
                false => call_later(&cx.interp, delay, on_timeout),
            }));
        }
    }
}

/// `asyncio.timeout`'s methods.
pub fn timeout_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__aenter__" => |cx, this, _| {
            let Value::Native(n) = this.clone() else { return Ok(Value::None) };
            let (cx2, this2) = (cx.detached(), this.clone());
            Ok(coro(cx, "Timeout.__aenter__", async move {
                let Native::Timeout(t) = &*n else { return Ok(Value::None) };
                t.state.set(ENTERED);
                let task = cx2.interp.current_task.borrow().clone();
                let Some(task) = task else {
                    return Err(cx2.err("RuntimeError", "Timeout should be used inside a task"));
                };
                t.cancelling.set(task.task.as_ref().map_or(0, |d| d.num_cancels.get()));
                *t.task.borrow_mut() = Some(task);
                reschedule(&n, &cx2, t.when.get());
                Ok(this2)
            }))
        },
        "__aexit__" => |cx, this, a| {
            let Value::Native(n) = this.clone() else { return Ok(Value::None) };
            let exc = a.pos.get(1).cloned().unwrap_or(Value::None);
            let cx2 = cx.detached();
            Ok(coro(cx, "Timeout.__aexit__", async move {
                let Native::Timeout(t) = &*n else { return Ok(Value::None) };
                if let Some(h) = t.handle.take() {
                    cancel_timer(&cx2.interp, h);
                }
                if t.state.get() == EXPIRING {
                    t.state.set(3);
                    let task = t.task.borrow().clone();
                    let remaining = match task.as_ref().and_then(|x| x.task.as_ref()) {
                        Some(d) => {
                            let n = d.num_cancels.get().saturating_sub(1);
                            d.num_cancels.set(n);
                            n
                        }
                        None => 0,
                    };
                    let is_cancel = !matches!(exc, Value::None) && is_instance_of(&cx2.interp, &exc, "CancelledError");
                    if remaining <= t.cancelling.get() && is_cancel {
                        let e = make_exc(&cx2.interp.class("TimeoutError"), vec![]);
                        crate::interp::exc::raised_from(&e, exc);
                        return Err(Ctrl::Exc(e));
                    }
                } else if t.state.get() == ENTERED {
                    t.state.set(4);
                }
                Ok(Value::None)
            }))
        },
        "when" => |cx, this, _| match this {
            Value::Native(n) => match &**n {
                Native::Timeout(t) => Ok(t.when.get().map(Value::Float).unwrap_or(Value::None)),
                _ => Ok(Value::None),
            },
            _ => Err(cx.type_err("not a timeout")),
        },
        "reschedule" => |cx, this, a| {
            if let Value::Native(n) = this {
                let when = match a.pos.first() {
                    Some(Value::Int(i)) => Some(*i as f64),
                    Some(Value::Float(f)) => Some(*f),
                    _ => None,
                };
                reschedule(n, cx, when);
            }
            Ok(Value::None)
        },
        "expired" => |_, this, _| match this {
            Value::Native(n) => match &**n {
                Native::Timeout(t) => Ok(Value::Bool(t.state.get() >= EXPIRING && t.state.get() != 4)),
                _ => Ok(Value::Bool(false)),
            },
            _ => Ok(Value::Bool(false)),
        },
        _ => return None,
    })
}

/// `asyncio.timeout(delay)`.
pub fn timeout(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let when = match a.get(0, "delay") {
        Some(Value::Int(i)) => Some(cx.interp.loop_time() + i as f64),
        Some(Value::Float(f)) => Some(cx.interp.loop_time() + f),
        _ => None,
    };
    Ok(Value::Native(Rc::new(Native::Timeout(TimeoutObj::new(when)))))
}

/// `asyncio.timeout_at(when)`: a timeout at a time of the loop's clock (`None`: never).
pub fn timeout_at(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let when = match a.get(0, "when") {
        Some(Value::Int(i)) => Some(i as f64),
        Some(Value::Float(f)) => Some(f),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(cx.type_err(format!(
                "'<=' not supported between instances of '{}' and 'float'",
                crate::format::type_name(&other)
            )))
        }
    };
    Ok(Value::Native(Rc::new(Native::Timeout(TimeoutObj::new(when)))))
}
