//! asyncio's `Queue`, `Event`, `Lock` and `Semaphore`, as in CPython's queues.py and locks.py.

use super::funcs::coro;
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, NativeFn, Value};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A lock's state in its repr, with `waiters:N` when tasks wait (CPython's locks' `__repr__`).
fn with_waiters(extra: String, waiters: usize) -> String {
    match waiters {
        0 => extra,
        n => format!("{extra}, waiters:{n}"),
    }
}

/// An `asyncio.Event`.
#[derive(Default)]
pub struct EventObj {
    pub(super) value: Cell<bool>,
    waiters: RefCell<Vec<Rc<FutureObj>>>,
}

impl EventObj {
    /// `is_set()`.
    pub fn is_set(&self) -> bool {
        self.value.get()
    }
    /// `set()`.
    pub fn set(&self) {
        if !self.value.get() {
            self.value.set(true);
            let waiters = self.waiters.borrow().clone();
            for f in waiters {
                if !f.done() {
                    f.finish(FutState::Result(Value::Bool(true)));
                }
            }
        }
    }
    /// Its repr (`at` its address), as CPython's `Event.__repr__` makes it.
    pub fn repr(&self, at: &str) -> String {
        let extra = if self.is_set() { "set" } else { "unset" };
        format!("<asyncio.locks.Event object at {at} [{}]>", with_waiters(extra.into(), self.waiters.borrow().len()))
    }
    /// `clear()`.
    pub fn clear(&self) {
        self.value.set(false);
    }
    /// `await wait()`.
    pub async fn wait(&self, cx: &Cx) -> Result<Value, Ctrl> {
        if self.value.get() {
            return Ok(Value::Bool(true));
        }
        let fut = FutureObj::new(&cx.interp, None);
        self.waiters.borrow_mut().push(fut.clone());
        let r = await_future(cx, fut.clone()).await;
        self.waiters.borrow_mut().retain(|w| !Rc::ptr_eq(w, &fut));
        r.map(|_| Value::Bool(true))
    }
}

/// An `asyncio.Lock` (`is_semaphore` false) or `asyncio.Semaphore`.
pub struct LockObj {
    /// Whether it is a semaphore.
    pub is_semaphore: bool,
    /// A bounded semaphore's initial value (releasing above it is an error).
    pub bound: Option<i64>,
    /// A lock's "locked", or a semaphore's value.
    value: Cell<i64>,
    waiters: RefCell<VecDeque<Rc<FutureObj>>>,
}

impl LockObj {
    /// A lock, or a semaphore with `value`.
    pub fn new(is_semaphore: bool, value: i64) -> LockObj {
        LockObj { is_semaphore, bound: None, value: Cell::new(value), waiters: RefCell::default() }
    }
    pub(super) fn locked(&self) -> bool {
        if self.is_semaphore {
            self.value.get() == 0 || self.waiters.borrow().iter().any(|w| !w.cancelled())
        } else {
            self.value.get() == 1
        }
    }
    /// Its class's name.
    pub fn kind(&self) -> &'static str {
        match (self.is_semaphore, self.bound) {
            (false, _) => "Lock",
            (true, None) => "Semaphore",
            (true, Some(_)) => "BoundedSemaphore",
        }
    }
    /// Its repr (`at` its address), as CPython's `Lock.__repr__` and `Semaphore.__repr__` make it.
    pub fn repr(&self, at: &str) -> String {
        let extra = match (self.is_semaphore, self.locked()) {
            (true, false) => format!("unlocked, value:{}", self.value.get()),
            (_, true) => "locked".into(),
            (false, false) => "unlocked".into(),
        };
        let kind = self.kind();
        format!("<asyncio.locks.{kind} object at {at} [{}]>", with_waiters(extra, self.waiters.borrow().len()))
    }
    fn wake_up(&self) {
        let waiters = self.waiters.borrow().clone();
        for f in waiters {
            if !f.done() {
                if self.is_semaphore {
                    self.value.set(self.value.get() - 1);
                }
                f.finish(FutState::Result(Value::Bool(true)));
                return;
            }
            if !self.is_semaphore {
                return;
            }
        }
    }
    pub(super) async fn acquire(&self, cx: &Cx) -> Result<Value, Ctrl> {
        if self.is_semaphore {
            if !self.locked() {
                self.value.set(self.value.get() - 1);
                return Ok(Value::Bool(true));
            }
        } else if self.value.get() == 0 && self.waiters.borrow().iter().all(|w| w.cancelled()) {
            self.value.set(1);
            return Ok(Value::Bool(true));
        }
        let fut = FutureObj::new(&cx.interp, None);
        self.waiters.borrow_mut().push_back(fut.clone());
        let r = await_future(cx, fut.clone()).await;
        self.waiters.borrow_mut().retain(|w| !Rc::ptr_eq(w, &fut));
        if let Err(e) = r {
            if self.is_semaphore {
                if !fut.cancelled() {
                    self.value.set(self.value.get() + 1);
                    self.wake_up();
                }
            } else if self.value.get() == 0 {
                self.wake_up();
            }
            return Err(e);
        }
        if self.is_semaphore {
            if self.value.get() > 0 {
                self.wake_up();
            }
        } else {
            self.value.set(1);
        }
        Ok(Value::Bool(true))
    }
    pub(super) fn release(&self, cx: &Cx) -> Result<Value, Ctrl> {
        if self.bound.is_some_and(|b| self.value.get() >= b) {
            return Err(cx.err("ValueError", "BoundedSemaphore released too many times"));
        }
        if self.is_semaphore {
            self.value.set(self.value.get() + 1);
        } else if self.value.get() == 1 {
            self.value.set(0);
        } else {
            return Err(cx.err("RuntimeError", "Lock is not acquired."));
        }
        self.wake_up();
        Ok(Value::None)
    }
}

fn native(this: &Value) -> Rc<Native> {
    match this {
        Value::Native(n) => n.clone(),
        _ => Rc::new(Native::Module("?")),
    }
}

macro_rules! with {
    ($this:expr, $variant:ident, |$o:ident| $body:expr) => {{
        let n = native($this);
        match &*n {
            Native::$variant($o) => $body,
            _ => Ok(Value::None),
        }
    }};
}

/// `asyncio.Event`'s methods.
pub fn event_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "set" => |_, this, _| {
            with!(this, Event, |e| {
                e.set();
                Ok(Value::None)
            })
        },
        "clear" => |_, this, _| {
            with!(this, Event, |e| {
                e.clear();
                Ok(Value::None)
            })
        },
        "is_set" => |_, this, _| with!(this, Event, |e| Ok(Value::Bool(e.is_set()))),
        "wait" => |cx, this, _| {
            let (n, cx2) = (native(this), cx.detached());
            Ok(coro(cx, "Event.wait", async move {
                match &*n {
                    Native::Event(e) => e.wait(&cx2).await,
                    _ => Ok(Value::None),
                }
            }))
        },
        _ => return None,
    })
}

fn acquire_coro(cx: &Cx, this: &Value, result: bool) -> Value {
    let (n, cx2) = (native(this), cx.detached());
    // The coroutine's name, as CPython's qualified names of these methods.
    let name = match (&*n, result) {
        (_, false) => "_ContextManagerMixin.__aenter__",
        (Native::Lock(l), true) if l.kind() == "Lock" => "Lock.acquire",
        _ => "Semaphore.acquire",
    };
    coro(cx, name, async move {
        match &*n {
            Native::Lock(l) => l.acquire(&cx2).await.map(|v| if result { v } else { Value::None }),
            _ => Ok(Value::None),
        }
    })
}

fn release_coro(cx: &Cx, this: &Value) -> Result<Value, Ctrl> {
    let r = with!(this, Lock, |l| l.release(cx));
    r?;
    Ok(super::funcs::coro(cx, "_ContextManagerMixin.__aexit__", async { Ok(Value::None) }))
}

/// `asyncio.Lock`'s and `asyncio.Semaphore`'s methods.
pub fn lock_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "acquire" => |cx, this, _| Ok(acquire_coro(cx, this, true)),
        "__aenter__" => |cx, this, _| Ok(acquire_coro(cx, this, false)),
        "release" => |cx, this, _| with!(this, Lock, |l| l.release(cx)),
        "__aexit__" => |cx, this, _| release_coro(cx, this),
        "locked" => |_, this, _| with!(this, Lock, |l| Ok(Value::Bool(l.locked()))),
        _ => return None,
    })
}

/// Makes the objects: `asyncio.Queue(maxsize=0)`, `Event()`, `Lock()`, `Semaphore(value=1)`.
pub fn make(cx: &Cx, kind: &str, mut a: Args) -> Result<Value, Ctrl> {
    let n = match kind {
        "Queue" | "LifoQueue" | "PriorityQueue" => {
            let maxsize = match a.get(0, "maxsize") {
                Some(Value::Int(i)) => i,
                _ => 0,
            };
            let queue_kind = match kind {
                "LifoQueue" => super::queue::QueueKind::Lifo,
                "PriorityQueue" => super::queue::QueueKind::Priority,
                _ => super::queue::QueueKind::Fifo,
            };
            Native::Queue(super::queue::QueueObj::with_kind(maxsize.clamp(0, i64::MAX as i128) as i64, queue_kind))
        }
        "Event" => Native::Event(EventObj::default()),
        "Lock" => Native::Lock(LockObj::new(false, 0)),
        _ => {
            let value = match a.get(0, "value") {
                Some(Value::Int(i)) => i,
                None => 1,
                Some(_) => return Err(cx.type_err("the semaphore's value must be an integer")),
            };
            if value < 0 {
                return Err(cx.err("ValueError", "Semaphore initial value must be >= 0"));
            }
            let value = value.min(i64::MAX as i128) as i64;
            let mut lock = LockObj::new(true, value);
            if kind == "BoundedSemaphore" {
                lock.bound = Some(value);
            }
            Native::Lock(lock)
        }
    };
    Ok(Value::Native(Rc::new(n)))
}
