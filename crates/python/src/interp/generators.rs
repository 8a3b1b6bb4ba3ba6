//! Generators: a `def` whose body yields makes, when called, a generator (an iterator whose
//! items its body makes as they are asked for), and an `async def` whose body yields makes
//! an asynchronous generator (what `async for` takes: its `__anext__` is awaited). The body
//! is the function's own future: `yield` puts its value in the generator's slot and suspends
//! the body once; asking for the next item polls the body until it yields, returns or raises.

use super::{Ctrl, Cx};
use crate::value::{CoroState, Coroutine, PyFuture, Value};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Where a generator's body leaves the value it yields, and whether it is being closed.
#[derive(Default)]
pub struct GenSlot {
    /// The value the body last yielded.
    pub value: RefCell<Option<Value>>,
    /// Set while it is closed: its `yield` raises `GeneratorExit`.
    pub closing: std::cell::Cell<bool>,
}

/// A generator's slot, shared by its body and its object.
pub type Slot = Rc<GenSlot>;

/// A generator's body and its slot.
pub struct GenBody {
    /// The body, until it has returned or raised.
    pub body: RefCell<Option<PyFuture>>,
    /// Its slot.
    pub slot: Slot,
    /// For an asynchronous generator once iterated: the context that closes it if it is
    /// dropped unfinished.
    pub closer: RefCell<Option<Cx>>,
}

impl GenBody {
    /// A generator of `body`, yielding through `slot`.
    pub fn new(body: PyFuture, slot: Slot) -> GenBody {
        GenBody { body: RefCell::new(Some(body)), slot, closer: RefCell::new(None) }
    }
}

impl Drop for GenBody {
    /// As CPython's asyncio finalizes an asynchronous generator dropped unfinished: on the
    /// next loop step, a task of its own (it takes a task number) runs its `aclose()`, which
    /// raises `GeneratorExit` at its `yield` (its `finally` runs there).
    fn drop(&mut self) {
        let (Some(cx), Some(body)) = (self.closer.get_mut().take(), self.body.get_mut().take()) else { return };
        let gen = Rc::new(GenBody::new(body, self.slot.clone()));
        let interp = cx.interp.clone();
        playground_core::aio::call_soon(&interp.rt.clone(), move || {
            let close = aclose(cx, gen);
            crate::aio::task::create_task(&interp, close, "aclose".into(), 0, None);
        });
    }
}

/// `aclose()`: `GeneratorExit` raised at the body's `yield`, the body run to its end.
fn aclose(cx: Cx, gen: Rc<GenBody>) -> PyFuture {
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
        let polled = fut.as_mut().poll(task);
        match polled {
            Poll::Ready(r) => {
                *body = None;
                match r {
                    Ok(_) => Step::Ended,
                    Err(e) => Step::Raised(e),
                }
            }
            Poll::Pending => match self.slot.value.borrow_mut().take() {
                Some(v) => Step::Yielded(v),
                None => Step::Waiting,
            },
        }
    }

    /// A plain generator's next item (`None`: it has returned). Its body runs to its next
    /// `yield` at once, as plain code does (a `time.sleep` in it blocks).
    pub fn next_sync(&self, cx: &Cx) -> Result<Option<Value>, Ctrl> {
        let step = super::call::run_sync(&cx.interp, std::future::poll_fn(|task| Poll::Ready(self.step(task))));
        match step.unwrap_or(Step::Waiting) {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Ended => Ok(None),
            Step::Raised(e) => Err(e),
            Step::Waiting => Err(Ctrl::Fatal("internal error: a generator suspended without yielding".into())),
            Step::Busy => Err(cx.err("ValueError", "generator already executing")),
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
        match slot.closing.get() {
            true => Err(self.err("GeneratorExit", "")),
            false => Ok(Value::None),
        }
    }
}

/// An asynchronous generator's `__anext__()`: an awaitable of its next item, raising
/// `StopAsyncIteration` once its body has returned.
pub fn anext(cx: &Cx, gen: &Rc<GenBody>) -> Value {
    if let Ok(mut closer) = gen.closer.try_borrow_mut() {
        closer.get_or_insert_with(|| cx.clone());
    }
    let (cx, gen) = (cx.clone(), gen.clone());
    let body: PyFuture = Box::pin(std::future::poll_fn(move |task| match gen.step(task) {
        Step::Yielded(v) => Poll::Ready(Ok(v)),
        Step::Ended => Poll::Ready(Err(cx.err("StopAsyncIteration", ""))),
        Step::Raised(e) => Poll::Ready(Err(e)),
        Step::Waiting => Poll::Pending,
        Step::Busy => Poll::Ready(Err(cx.err("RuntimeError", "anext(): asynchronous generator is already running"))),
    }));
    Value::Coro(Rc::new(Coroutine {
        name: "anext".into(),
        body: RefCell::new(Some(body)),
        state: std::cell::Cell::new(CoroState::Created),
        warn: None,
        def_line: 0,
    }))
}
