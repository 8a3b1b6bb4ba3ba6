//! The built-in functions over iterables that take one item at a time, as CPython's do:
//! `enumerate`, `zip`, `map`, `filter` and `reversed` return iterators that make their items
//! when asked; `sum`, `any` and `all` consume their argument as they go (`any` and `all` stop
//! at the first item that decides).

use crate::format::type_name;
use crate::interp::exc::make_exc;
use crate::interp::lazy::{lazy_iter, Cursor, Lazy};
use crate::interp::ops::{next_item, range_len};
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, IterState, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn first(a: &Args) -> &Value {
    a.pos.first().unwrap_or(&Value::None)
}

fn sum(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let mut total = a.get(1, "start").unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(cx.type_err("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let mut items = cx.cursor(first(&a))?;
    while let Some(v) = items.pull()? {
        total = cx.binop(&total, crate::ast::BinOp::Add, &v)?;
    }
    Ok(total)
}

/// `any` (`all` with `want` false): whether an item's truth is `want`, stopping at the first.
fn any_is(cx: &Cx, a: &Args, want: bool) -> Result<Value, Ctrl> {
    let mut items = cx.cursor(first(a))?;
    while let Some(v) = items.pull()? {
        if cx.is_true(&v)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn enumerate(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let start = match a.get(1, "start") {
        Some(v) => crate::convert::int_of(cx, &v)?,
        None => 0,
    };
    Ok(lazy_iter(Lazy::Enumerate(start, cx.cursor(first(&a))?)))
}

fn cursors(cx: &Cx, items: &[Value]) -> Result<Vec<Cursor>, Ctrl> {
    items.iter().map(|v| cx.cursor(v)).collect()
}

fn map(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    if a.pos.len() < 2 {
        return Err(cx.type_err("map() must have at least two arguments."));
    }
    Ok(lazy_iter(Lazy::Map(cx.clone(), a.pos[0].clone(), cursors(cx, &a.pos[1..])?)))
}

fn filter(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    if a.pos.len() != 2 {
        return Err(cx.type_err(format!("filter expected 2 arguments, got {}", a.pos.len())));
    }
    Ok(lazy_iter(Lazy::Filter(cx.clone(), a.pos[0].clone(), cx.cursor(&a.pos[1])?)))
}

/// `reversed(seq)`: a list or tuple read from its end as it goes (a list's changes are seen).
fn reversed(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let seq = first(&a);
    Ok(match seq {
        Value::List(l) => lazy_iter(Lazy::Reversed(seq.clone(), l.borrow().len())),
        Value::Tuple(t) => lazy_iter(Lazy::Reversed(seq.clone(), t.len())),
        &Value::Range(start, stop, step) => {
            let range = reversed_range(start, stop, step)
                .ok_or_else(|| cx.err("OverflowError", "range too large for the playground"))?;
            Value::Iter(Rc::new(RefCell::new(IterState {
                range: Some(range),
                kind: "range_iterator",
                ..IterState::default()
            })))
        }
        Value::Str(_) | Value::Dict(_) => {
            let mut items = cx.iterate(seq)?;
            items.reverse();
            let kind = if matches!(seq, Value::Str(_)) { "reversed" } else { "dict_reversekeyiterator" };
            Value::Iter(Rc::new(RefCell::new(IterState::of(kind, items.into()))))
        }
        Value::Native(n) if matches!(&**n, crate::aio::native::Native::DictView(_)) => {
            let crate::aio::native::Native::DictView(view) = &**n else { return Ok(Value::None) };
            let mut items = view.items();
            items.reverse();
            let kind = match view.kind {
                crate::dictview::ViewKind::Keys => "dict_reversekeyiterator",
                crate::dictview::ViewKind::Values => "dict_reversevalueiterator",
                crate::dictview::ViewKind::Items => "dict_reverseitemiterator",
            };
            Value::Iter(Rc::new(RefCell::new(IterState::of(kind, items.into()))))
        }
        other => return Err(cx.type_err(format!("'{}' object is not reversible", type_name(other)))),
    })
}

/// The range of `range(start, stop, step)`'s items from the last to the first (`None` if it
/// does not fit in 64 bits).
fn reversed_range(start: i64, stop: i64, step: i64) -> Option<(i64, i64, i64)> {
    let last = start.checked_add((range_len(start, stop, step) - 1).checked_mul(step)?)?;
    Some((last, start.checked_sub(step)?, step.checked_neg()?))
}

pub(crate) fn next(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    match a.pos.first() {
        Some(Value::Iter(it)) => match next_item(it)? {
            Some(v) => Ok(v),
            None => match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => {
                    let value = it.borrow_mut().returned.take();
                    Err(Ctrl::Exc(make_exc(&cx.interp.class("StopIteration"), value.into_iter().collect())))
                }
            },
        },
        Some(obj @ Value::Instance(i)) if i.class.lookup("__next__").is_some() => match a.pos.get(1) {
            // With a default, its `StopIteration` gives the default, as CPython's `next` does.
            Some(d) => Ok(crate::interp::lazy::user_next(cx, obj)?.unwrap_or_else(|| d.clone())),
            None => crate::interp::call_sync(cx, cx.getattr(obj, "__next__")?, Args::default()),
        },
        Some(other) => Err(cx.type_err(format!("'{}' object is not an iterator", type_name(other)))),
        None => Err(cx.type_err("next expected at least 1 argument, got 0")),
    }
}

/// The built-in functions over iterables.
pub const FUNCTIONS: [(&str, NativeFn); 12] = [
    ("sum", sum),
    ("any", |cx, _, a| any_is(cx, &a, true)),
    ("all", |cx, _, a| any_is(cx, &a, false)),
    ("enumerate", enumerate),
    ("zip", |cx, _, mut a| {
        let strict = match a.take_kw("strict") {
            Some(v) => cx.is_true(&v)?,
            None => false,
        };
        Ok(lazy_iter(Lazy::Zip(cursors(cx, &a.pos)?, strict.then(|| cx.clone()))))
    }),
    ("map", map),
    ("filter", filter),
    ("reversed", reversed),
    ("iter", |cx, _, a| cx.make_iter(first(&a))),
    ("aiter", aiter),
    ("anext", anext),
    ("next", next),
];

/// `aiter(x)`: `x.__aiter__()`.
fn aiter(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let x = first(&a);
    let Ok(method) = cx.getattr(x, "__aiter__") else {
        return Err(cx.type_err(format!("'{}' object is not an async iterable", type_name(x))));
    };
    crate::interp::call_sync(cx, method, Args::default())
}

/// `anext(iterator[, default])`: an awaitable of the iterator's next item (or of `default` once
/// it is exhausted), as CPython's `anext` makes it.
fn anext(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let it = first(&a).clone();
    let Ok(method) = cx.getattr(&it, "__anext__") else {
        return Err(cx.type_err(format!("'{}' object is not an async iterator", type_name(&it))));
    };
    let default = a.pos.get(1).cloned();
    if default.is_none() {
        // Without a default, CPython's `anext` is `__anext__()`, called now.
        return crate::interp::call_sync(cx, method, Args::default());
    }
    let cx2 = cx.detached();
    let body = async move {
        match cx2.anext_of(&it).await? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d),
                None => Err(Ctrl::Exc(make_exc(&cx2.interp.class("StopAsyncIteration"), vec![]))),
            },
        }
    };
    // An awaitable, not a coroutine of the program's: never awaited, CPython says nothing of it.
    Ok(Value::Coro(Rc::new(crate::value::Coroutine {
        name: "anext".into(),
        body: RefCell::new(Some(Box::pin(body))),
        state: std::cell::Cell::new(crate::value::CoroState::Created),
        warn: None,
        def_line: 0,
        line: Rc::default(),
    })))
}
