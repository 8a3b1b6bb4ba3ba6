//! Generators: a `def` whose body yields makes, when called, a generator (an iterator whose
//! items its body makes as they are asked for), and an `async def` whose body yields makes
//! an asynchronous generator (what `async for` takes: its `__anext__` is awaited). The body
//! is the function's own future: `yield` puts its value in the generator's slot and suspends
//! the body once; asking for the next item polls the body until it yields, returns or raises.

use super::{Ctrl, Cx, Interp};
use crate::value::{CoroState, Coroutine, PyFuture, Value};
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
    started: Cell<bool>,
    /// Set once its body has begun to run.
    ran: Cell<bool>,
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

/// `aclose()`: `GeneratorExit` raised at the body's `yield`, the body run to its end.
fn aclose(cx: Cx, gen: Rc<GenBody>) -> PyFuture {
    if !gen.ran.get() {
        // A body that never ran is closed as it is: nothing of it runs.
        gen.body.borrow_mut().take();
        return Box::pin(std::future::ready(Ok(Value::None)));
    }
    gen.slot.closing.set(true);
    Box::pin(std::future::poll_fn(move |task| match gen.step(task) {
        Step::Yielded(_) => Poll::Ready(Err(cx.err("RuntimeError", "async generator ignored GeneratorExit"))),
        Step::Ended => Poll::Ready(Ok(Value::None)),
        Step::Raised(Ctrl::Exc(e)) if super::exc::is_instance_of(&cx.interp, &e, "GeneratorExit") => {
            Poll::Ready(Ok(Value::None))
        }
        Step::Raised(e) => Poll::Ready(Err(e)),
        Step::Waiting => Poll::Pending,
        Step::Busy => Poll::Ready(Ok(Value::None)),
    }))
}

/// What polling a generator's body gave.
enum Step {
    Yielded(Value),
    Ended,
    Raised(Ctrl),
    Waiting,
    /// Asked for an item while it runs (from its own body).
    Busy,
}

impl GenBody {
    fn step(&self, task: &mut Context<'_>) -> Step {
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

/// An asynchronous generator's `__anext__()`: an awaitable of its next item, raising
/// `StopAsyncIteration` once its body has returned.
pub fn anext(cx: &Cx, gen: &Rc<GenBody>) -> Value {
    resume(cx, gen, "anext", None, None)
}

/// An awaitable that resumes an asynchronous generator (with `sent` as its `yield`'s value,
/// or `thrown` raised there) and gives its next item, as `__anext__`, `asend` and `athrow` do.
fn resume(cx: &Cx, gen: &Rc<GenBody>, name: &str, sent: Option<Value>, thrown: Option<Value>) -> Value {
    gen.started.set(true);
    let (cx, gen, mut first) = (cx.clone(), gen.clone(), Some((sent, thrown)));
    let body: PyFuture = Box::pin(std::future::poll_fn(move |task| {
        if let Some((sent, thrown)) = first.take() {
            match (!gen.ran.get(), sent, thrown) {
                (true, Some(v), _) if !matches!(v, Value::None) => {
                    return Poll::Ready(Err(cx.type_err("can't send non-None value to a just-started async generator")))
                }
                // Thrown into a generator that never ran: it ends there, its body unrun.
                (true, _, Some(e)) => {
                    gen.body.borrow_mut().take();
                    return Poll::Ready(Err(Ctrl::Exc(e)));
                }
                (_, sent, thrown) => {
                    *gen.slot.sent.borrow_mut() = sent;
                    *gen.slot.thrown.borrow_mut() = thrown;
                }
            }
        }
        match gen.step(task) {
            Step::Yielded(v) => Poll::Ready(Ok(v)),
            Step::Ended => Poll::Ready(Err(cx.err("StopAsyncIteration", ""))),
            Step::Raised(e) => Poll::Ready(Err(e)),
            Step::Waiting => Poll::Pending,
            Step::Busy => {
                Poll::Ready(Err(cx.err("RuntimeError", "anext(): asynchronous generator is already running")))
            }
        }
    }));
    awaitable(name, body)
}

/// An awaitable object of `body`, named `name`.
fn awaitable(name: &str, body: PyFuture) -> Value {
    Value::Coro(Rc::new(Coroutine {
        name: name.into(),
        body: RefCell::new(Some(body)),
        state: std::cell::Cell::new(CoroState::Created),
        warn: None,
        def_line: 0,
        line: Rc::default(),
    }))
}

/// `asend(value)`, `athrow(exc)` and `aclose()` of an asynchronous generator, as CPython's:
/// each an awaitable of the generator's next item (`aclose`'s: of `None`, once it has closed).
pub fn async_method(cx: &Cx, gen: &Rc<GenBody>, name: &str, a: crate::value::Args) -> Result<Value, Ctrl> {
    let first = a.pos.first().cloned();
    Ok(match name {
        "asend" => resume(cx, gen, "asend", Some(first.unwrap_or(Value::None)), None),
        "athrow" => {
            let e = exception_of(cx, first)?;
            resume(cx, gen, "athrow", None, Some(e))
        }
        _ => {
            gen.started.set(true);
            awaitable("aclose", aclose(cx.clone(), gen.clone()))
        }
    })
}

/// What `throw(exc)` raises: an exception, or a new instance of an exception class.
fn exception_of(cx: &Cx, v: Option<Value>) -> Result<Value, Ctrl> {
    match v {
        Some(Value::Class(c)) if c.is_exception => super::call_sync(cx, Value::Class(c), crate::value::Args::default()),
        Some(v @ Value::Instance(_)) if super::exc::is_instance_of(&cx.interp, &v, "BaseException") => Ok(v),
        _ => Err(cx.type_err("exceptions must be classes or instances deriving from BaseException, not NoneType")),
    }
}

/// `send(value)` and `close()` of a plain generator, as CPython's `gen_send` and `gen_close`.
pub fn method(name: &str) -> Option<crate::value::NativeFn> {
    Some(match name {
        "send" => |cx, this, a| {
            let (it, gen) = generator_of(cx, this)?;
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            if !gen.started.get() && !matches!(v, Value::None) {
                return Err(cx.type_err("can't send non-None value to a just-started generator"));
            }
            *gen.slot.sent.borrow_mut() = Some(v);
            let r = super::lazy::next_item(&it);
            gen.slot.sent.borrow_mut().take();
            match r? {
                Some(v) => Ok(v),
                None => {
                    let value = it.borrow_mut().returned.take();
                    Err(Ctrl::Exc(super::exc::make_exc(&cx.interp.class("StopIteration"), value.into_iter().collect())))
                }
            }
        },
        "throw" => |cx, this, a| {
            let e = exception_of(cx, a.pos.first().cloned())?;
            let (it, gen) = match generator_of(cx, this) {
                Ok(g) => g,
                Err(_) => return Err(Ctrl::Exc(e)),
            };
            if !gen.started.replace(true) {
                it.borrow_mut().lazy = None;
                gen.body.borrow_mut().take();
                return Err(Ctrl::Exc(e));
            }
            *gen.slot.thrown.borrow_mut() = Some(e);
            let r = super::lazy::next_item(&it);
            gen.slot.thrown.borrow_mut().take();
            match r? {
                Some(v) => Ok(v),
                None => {
                    let value = it.borrow_mut().returned.take();
                    Err(Ctrl::Exc(super::exc::make_exc(&cx.interp.class("StopIteration"), value.into_iter().collect())))
                }
            }
        },
        "close" => |cx, this, _| {
            let Ok((it, gen)) = generator_of(cx, this) else { return Ok(Value::None) };
            it.borrow_mut().lazy = None;
            if !gen.started.get() {
                gen.body.borrow_mut().take();
                return Ok(Value::None);
            }
            gen.slot.closing.set(true);
            let step = super::call::run_sync(&cx.interp, std::future::poll_fn(|task| Poll::Ready(gen.step(task))));
            match step {
                Some(Step::Yielded(_)) => Err(cx.err("RuntimeError", "generator ignored GeneratorExit")),
                Some(Step::Raised(Ctrl::Exc(e))) if !super::exc::is_instance_of(&cx.interp, &e, "GeneratorExit") => {
                    Err(Ctrl::Exc(e))
                }
                Some(Step::Busy) => Err(cx.err("ValueError", "generator already executing")),
                _ => Ok(Value::None),
            }
        },
        _ => return None,
    })
}

type Generator = (Rc<RefCell<crate::value::IterState>>, Rc<GenBody>);

fn generator_of(cx: &Cx, this: &Value) -> Result<Generator, Ctrl> {
    if let Value::Iter(it) = this {
        if let Some(super::lazy::Lazy::Func(gen)) = &it.borrow().lazy {
            return Ok((it.clone(), gen.clone()));
        }
        // An exhausted or closed generator: sending to it ends at once.
        return Err(cx.err("StopIteration", ""));
    }
    Err(cx.type_err("not a generator"))
}
