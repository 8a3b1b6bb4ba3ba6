//! What a program calls on generators: `send`, `throw` and `close` of a plain one, and
//! `__anext__`, `asend`, `athrow` and `aclose` of an asynchronous one, as CPython's
//! `gen_send`, `gen_throw`, `gen_close` and its asynchronous generators' awaitables.

use super::generators::{GenBody, Step};
use super::{Ctrl, Cx};
use crate::value::{CoroState, Coroutine, PyFuture, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;

/// `aclose()`: `GeneratorExit` raised at the body's `yield`, the body run to its end.
pub(super) fn aclose(cx: Cx, gen: Rc<GenBody>) -> PyFuture {
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
            item_or_stop(cx, &it, r)
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
            item_or_stop(cx, &it, r)
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

/// What `send` / `throw` give once the body has run: the item it yielded, or the
/// `StopIteration` (with what it returned) that its end is.
fn item_or_stop(
    cx: &Cx,
    it: &Rc<RefCell<crate::value::IterState>>,
    r: Result<Option<Value>, Ctrl>,
) -> Result<Value, Ctrl> {
    match r? {
        Some(v) => Ok(v),
        None => {
            let value = it.borrow_mut().returned.take();
            Err(Ctrl::Exc(super::exc::make_exc(&cx.interp.class("StopIteration"), value.into_iter().collect())))
        }
    }
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
