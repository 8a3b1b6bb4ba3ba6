//! Generators: a `def` whose body yields makes, when called, a generator (an iterator whose
//! items its body makes as they are asked for), and an `async def` whose body yields makes
//! an asynchronous generator (what `async for` takes: its `__anext__` is awaited). The body
//! is the function's own future: `yield` puts its value in the generator's slot and suspends
//! the body once; asking for the next item polls the body until it yields, returns or raises.

use super::genmethods::aclose;
pub use super::genmethods::{anext, async_method, method};
use super::{Ctrl, Cx, Interp};
use crate::value::{PyFuture, Value};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

/// Where a generator's body leaves the value it yields, and whether it is being closed.
#[derive(Default)]
pub struct GenSlot {
    /// The value the body last yielded.
    pub value: RefCell<Option<Value>>,
    /// Set while it is closed: its `yield` raises `GeneratorExit`.
    pub closing: std::cell::Cell<bool>,
    /// What the body returned (`StopIteration`'s value), once it has.
    pub returned: RefCell<Option<Value>>,
    /// What `send` gives the body: the value of the `yield` it is suspended at.
    pub sent: RefCell<Option<Value>>,
    /// What `throw` / `athrow` raises at the `yield` it is suspended at.
    pub thrown: RefCell<Option<Value>>,
}

/// A generator's slot, shared by its body and its object.
pub type Slot = Rc<GenSlot>;

/// A generator's body and its slot.
pub struct GenBody {
    /// The body, until it has returned or raised.
    pub body: RefCell<Option<PyFuture>>,
    /// Its slot.
    pub slot: Slot,
    /// Whether it is an asynchronous generator.
    asynchronous: bool,
    /// Set once it is first asked for an item (for an asynchronous one: once `__anext__`,
    /// `asend`, `athrow` or `aclose` is called, when CPython's asyncio hooks it): dropped
    /// unfinished after that, it is closed.
    pub(super) started: Cell<bool>,
    /// Set once its body has begun to run.
    pub(super) ran: Cell<bool>,
    /// The interpreter that closes it.
    interp: Weak<Interp>,
    /// Its qualified name (for what is written if closing it fails).
    name: Rc<str>,
}

impl GenBody {
    /// A generator (`asynchronous`: an asynchronous one) of `body`, yielding through `slot`.
    pub fn new(cx: &Cx, name: Rc<str>, body: PyFuture, slot: Slot, asynchronous: bool) -> GenBody {
        let interp = Rc::downgrade(&cx.interp);
        let (started, ran) = (Cell::new(false), Cell::new(false));
        GenBody { body: RefCell::new(Some(body)), slot, asynchronous, started, ran, interp, name }
    }

    /// Whether its body is running (asking it for an item then is an error).
    pub fn running(&self) -> bool {
        self.body.try_borrow_mut().is_err()
    }

    /// A generator of `body` described as this one, that is not closed when dropped.
    fn detached(&self, body: PyFuture) -> GenBody {
        GenBody {
            body: RefCell::new(Some(body)),
            slot: self.slot.clone(),
            asynchronous: self.asynchronous,
            started: Cell::new(false),
            ran: Cell::new(self.ran.get()),
            interp: self.interp.clone(),
            name: self.name.clone(),
        }
    }
}

impl Drop for GenBody {
    /// A generator dropped unfinished is closed, as CPython closes it: `GeneratorExit` is
    /// raised at its `yield`, so its `finally` runs. A plain generator is closed before the
    /// next statement runs (or as its caller's call returns): a drop may come while what
    /// its `finally` uses is being changed, so it waits for [`close_dropped`]. An
    /// asynchronous one is closed as CPython's asyncio finalizes it: on the next loop step,
    /// by a task of its own (it takes a task number) that runs its `aclose()`.
    fn drop(&mut self) {
        let Some(interp) = self.interp.upgrade() else { return };
        let Some(body) = self.body.get_mut().take().filter(|_| self.started.get()) else { return };
        // What closes it is never closed itself (a body that ignores `GeneratorExit` ends there).
        let gen = Rc::new(self.detached(body));
        if !self.asynchronous {
            interp.dropped_generators.borrow_mut().push(gen);
            return;
        }
        let cx = Cx::module(&interp);
        crate::aio::blocking::call_soon(&interp.clone(), move || {
            let close = aclose(cx, gen);
            crate::aio::task::create_task(&interp, close, "aclose".into(), 0, Rc::default(), None);
        });
    }
}

/// Closes the plain generators dropped unfinished since the last time (see [`GenBody`]'s
/// `Drop`), in the order they were dropped.
pub fn close_dropped(interp: &Rc<Interp>) {
    loop {
        let dropped = std::mem::take(&mut *interp.dropped_generators.borrow_mut());
        if dropped.is_empty() {
            return;
        }
        for gen in dropped {
            close(interp, &gen);
        }
    }
}

/// `GeneratorExit` raised at a plain generator's `yield`, its body run to its end; what goes
/// wrong is written as CPython writes an exception ignored in a finalizer.
fn close(interp: &Rc<Interp>, gen: &Rc<GenBody>) {
    let cx = Cx::module(interp);
    gen.slot.closing.set(true);
    let step = super::call::run_sync(interp, std::future::poll_fn(|task| Poll::Ready(gen.step(task))));
    let failure = match step {
        Some(Step::Yielded(_)) => Some(cx.exc("RuntimeError", "generator ignored GeneratorExit")),
        Some(Step::Raised(Ctrl::Exc(e))) if !super::exc::is_instance_of(interp, &e, "GeneratorExit") => Some(e),
        _ => None,
    };
    if let Some(e) = failure {
        let at = Rc::as_ptr(gen) as usize;
        let (name, tb) = (&gen.name, super::exc::format_exception(interp, &e));
        let text = format!("Exception ignored in: <generator object {name} at 0x{at:012x}>\n{tb}\n");
        interp.write(&text, true, &interp.who(super::Place::Loop));
    }
}

/// What polling a generator's body gave.
pub(super) enum Step {
    Yielded(Value),
    Ended,
    Raised(Ctrl),
    Waiting,
    /// Asked for an item while it runs (from its own body).
    Busy,
}

impl GenBody {
    pub(super) fn step(&self, task: &mut Context<'_>) -> Step {
        let Ok(mut body) = self.body.try_borrow_mut() else { return Step::Busy };
        let Some(fut) = body.as_mut() else { return Step::Ended };
        self.ran.set(true);
        let polled = fut.as_mut().poll(task);
        match polled {
            Poll::Ready(r) => {
                *body = None;
                match r {
                    Ok(v) => {
                        *self.slot.returned.borrow_mut() = Some(v).filter(|v| !matches!(v, Value::None));
                        Step::Ended
                    }
                    Err(e) => Step::Raised(self.escaped(e)),
                }
            }
            Poll::Pending => match self.slot.value.borrow_mut().take() {
                Some(v) => Step::Yielded(v),
                None => Step::Waiting,
            },
        }
    }

    /// What leaves the body as it raises `e`: a `StopIteration` (or, from an asynchronous
    /// generator, a `StopAsyncIteration`) becomes CPython's `RuntimeError` (PEP 479), caused
    /// by it.
    fn escaped(&self, e: Ctrl) -> Ctrl {
        let (Ctrl::Exc(exc), Some(interp)) = (&e, self.interp.upgrade()) else { return e };
        let kind = if self.asynchronous { "async generator" } else { "generator" };
        let stop = ["StopIteration", "StopAsyncIteration"]
            .into_iter()
            .take(1 + self.asynchronous as usize)
            .find(|c| super::exc::is_instance_of(&interp, exc, c));
        let Some(stop) = stop else { return e };
        let new = Cx::module(&interp).exc("RuntimeError", format!("{kind} raised {stop}"));
        super::exc::raised_from(&new, exc.clone());
        Ctrl::Exc(new)
    }

    /// A plain generator's next item (`None`: it has returned). Its body runs to its next
    /// `yield` at once, as plain code does (a `time.sleep` in it blocks).
    pub fn next_sync(&self) -> Result<Option<Value>, Ctrl> {
        let Some(interp) = self.interp.upgrade() else { return Ok(None) };
        self.started.set(true);
        let step = super::call::run_sync(&interp, std::future::poll_fn(|task| Poll::Ready(self.step(task))));
        match step.unwrap_or(Step::Waiting) {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Ended => Ok(None),
            Step::Raised(e) => Err(e),
            Step::Waiting => Err(Ctrl::Fatal("internal error: a generator suspended without yielding".into())),
            Step::Busy => Err(Cx::module(&interp).err("ValueError", "generator already executing")),
        }
    }
}

/// `yield`'s suspension: pending once, then done.
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        Poll::Pending
    }
}

impl Cx {
    /// `yield value`, in a generator's body: the value goes to whoever asked for the next
    /// item; the body goes on when the next is asked for (`yield`'s own value is `None`).
    pub async fn yield_value(&self, value: Value) -> Result<Value, Ctrl> {
        let Some(slot) = &self.gen else { return Err(self.err("SyntaxError", "'yield' outside function")) };
        *slot.value.borrow_mut() = Some(value);
        YieldNow(false).await;
        let sent = slot.sent.borrow_mut().take();
        if let Some(e) = slot.thrown.borrow_mut().take() {
            return Err(Ctrl::Exc(e));
        }
        match slot.closing.get() {
            true => Err(self.err("GeneratorExit", "")),
            false => Ok(sent.unwrap_or(Value::None)),
        }
    }
}
