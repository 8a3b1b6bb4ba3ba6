//! Iteration one item at a time: cursors over iterables (what `for` and the built-ins that
//! consume an iterable use), and the iterators that make their items as they are asked for
//! (generator expressions, `enumerate`, `zip`, `map`, `filter`, `reversed`), as CPython's are.

use super::call::run_sync;
use super::exc::is_instance_of;
use super::ops::range_len;
use super::{call_sync, Ctrl, Cx};
use crate::value::{Args, Items, IterState, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// An iteration in progress, as `for` takes an iterable's items: a list or a tuple by index
/// (a list's items appended meanwhile are seen), anything else through its iterator.
pub enum Cursor {
    /// A list, and the index of its next item.
    List(Rc<RefCell<Items>>, usize),
    /// A tuple, and the index of its next item.
    Tuple(Rc<Vec<Value>>, usize),
    /// An iterator.
    Iter(Rc<RefCell<IterState>>),
    /// An iterator of the program's: its `__next__()` until it raises `StopIteration`.
    Next(Cx, Value),
    /// An object of the program's with `__getitem__` and no `__iter__`: its items at 0, 1, 2...
    /// until it raises `IndexError` (CPython's sequence protocol).
    Index(Cx, Value, i128),
}

impl Cursor {
    /// The next item, if any.
    pub fn pull(&mut self) -> Result<Option<Value>, Ctrl> {
        Ok(match self {
            Cursor::List(l, at) => {
                let item = l.borrow().get(*at).cloned();
                *at += 1;
                item
            }
            Cursor::Tuple(t, at) => {
                *at += 1;
                t.get(*at - 1).cloned()
            }
            Cursor::Iter(it) => return next_item(it),
            Cursor::Next(cx, obj) => return user_next(cx, obj),
            Cursor::Index(cx, obj, at) => {
                let method = cx.getattr(obj, "__getitem__")?;
                match call_sync(cx, method, Args::of(vec![Value::Int(*at)])) {
                    Ok(v) => {
                        *at += 1;
                        Some(v)
                    }
                    Err(Ctrl::Exc(e)) if is_instance_of(&cx.interp, &e, "IndexError") => return Ok(None),
                    Err(Ctrl::Exc(e)) if is_instance_of(&cx.interp, &e, "StopIteration") => return Ok(None),
                    Err(e) => return Err(e),
                }
            }
        })
    }
}

/// The next item of an iterator of the program's (its `__next__()`), `None` once it raises
/// `StopIteration`.
pub fn user_next(cx: &Cx, obj: &Value) -> Result<Option<Value>, Ctrl> {
    let method = cx.getattr(obj, "__next__")?;
    match call_sync(cx, method, Args::default()) {
        Ok(v) => Ok(Some(v)),
        Err(Ctrl::Exc(e)) if is_instance_of(&cx.interp, &e, "StopIteration") => Ok(None),
        Err(e) => Err(e),
    }
}

/// A generator expression's state: its scope, its expression, the items it draws from.
pub struct GenState {
    /// The context its expressions run in (its own scope).
    pub cx: Cx,
    /// The expression.
    pub comp: Rc<crate::ast::Comprehension>,
    /// The items of its `for` clause's iterable.
    pub source: Cursor,
    /// Where it is in the source (its traceback entry's marker when taking an item fails).
    pub span: (crate::lexer::Pos, crate::lexer::Pos),
}

/// What an iterator still makes items from.
pub enum Lazy {
    /// A generator expression.
    Gen(GenState),
    /// `enumerate`: the next count, and the items.
    Enumerate(i128, Cursor),
    /// `zip`: the iterables' items (it ends with the first that ends).
    Zip(Vec<Cursor>, Option<Cx>),
    /// `map`: the context the function is called in, the function, the iterables' items.
    Map(Cx, Value, Vec<Cursor>),
    /// `filter`: the context, the function (`None`: the items' own truth), the items.
    Filter(Cx, Value, Cursor),
    /// `reversed` over a list or a tuple: the sequence, and the number of items left.
    Reversed(Value, usize),
    /// `iter()` of an object of the program's that has `__getitem__` only: its items.
    Items(Cursor),
    /// A generator: the body of a call of a `def` that yields (shared, so that asking it for
    /// an item while it runs finds it running). It holds nothing of its caller's, so that it
    /// is dropped, and closed, when its caller's variables are.
    Func(Rc<super::generators::GenBody>),
    /// A generator of the engine's own (`asyncio.as_completed`): each call makes the next item,
    /// `None` when there is none left.
    Native(NativeGen),
}

/// The body of a generator of the engine's own: it runs each time an item is asked for.
pub type NativeGen = Box<dyn FnMut() -> Result<Option<Value>, Ctrl>>;

fn sync<R>(r: Option<Result<R, Ctrl>>) -> Result<R, Ctrl> {
    r.unwrap_or_else(|| Err(Ctrl::Fatal("internal error: a generator expression suspended".into())))
}

/// One item from each cursor; `None` as soon as one ends (or if there are none).
fn pull_each(items: &mut [Cursor]) -> Result<Option<Vec<Value>>, Ctrl> {
    let mut out = Vec::with_capacity(items.len());
    for c in items.iter_mut() {
        match c.pull()? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(out).filter(|o| !o.is_empty()))
}

/// `zip(..., strict=True)`'s next items: an iterable that ends before the others (or after)
/// is a `ValueError`, as CPython's `zip_next` says it.
fn pull_strict(cx: &Cx, items: &mut [Cursor]) -> Result<Option<Vec<Value>>, Ctrl> {
    let args = |k: usize| if k == 1 { " 1".to_string() } else { format!("s 1-{k}") };
    let mut out = Vec::with_capacity(items.len());
    for (i, c) in items.iter_mut().enumerate() {
        match c.pull()? {
            Some(v) => out.push(v),
            None if i > 0 => {
                return Err(
                    cx.err("ValueError", format!("zip() argument {} is shorter than argument{}", i + 1, args(i)))
                )
            }
            None => break,
        }
    }
    if out.len() == items.len() {
        return Ok(Some(out).filter(|o| !o.is_empty()));
    }
    for (j, c) in items.iter_mut().enumerate().skip(1) {
        if c.pull()?.is_some() {
            return Err(cx.err("ValueError", format!("zip() argument {} is longer than argument{}", j + 1, args(j))));
        }
    }
    Ok(None)
}

impl Lazy {
    fn pull(&mut self) -> Result<Option<Value>, Ctrl> {
        Ok(Some(match self {
            Lazy::Gen(GenState { cx, comp, source, span }) => {
                let made = gen_item(cx, comp, source);
                if let Err(Ctrl::Exc(exc)) = &made {
                    cx.note_failure_at(exc, *span);
                    // The generator expression is a frame of its own in a traceback.
                    cx.note_frame(exc, comp.elt.pos.line);
                }
                match made? {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
            Lazy::Func(gen) => return gen.next_sync(),
            Lazy::Items(items) => return items.pull(),
            Lazy::Native(body) => return body(),
            Lazy::Enumerate(k, items) => {
                let Some(v) = items.pull()? else { return Ok(None) };
                *k += 1;
                Value::Tuple(Rc::new(vec![Value::Int(*k - 1), v]))
            }
            Lazy::Zip(items, Some(cx)) => match pull_strict(cx, items)? {
                Some(vs) => Value::Tuple(Rc::new(vs)),
                None => return Ok(None),
            },
            Lazy::Zip(items, None) => match pull_each(items)? {
                Some(vs) => Value::Tuple(Rc::new(vs)),
                None => return Ok(None),
            },
            Lazy::Map(cx, f, items) => match pull_each(items)? {
                Some(vs) => call_sync(cx, f.clone(), Args::of(vs))?,
                None => return Ok(None),
            },
            Lazy::Filter(cx, f, items) => loop {
                let Some(v) = items.pull()? else { return Ok(None) };
                let test = match f {
                    Value::None => v.clone(),
                    _ => call_sync(cx, f.clone(), Args::of(vec![v.clone()]))?,
                };
                if cx.is_true(&test)? {
                    break v;
                }
            },
            Lazy::Reversed(seq, left) => {
                let item = match seq {
                    Value::List(l) => left.checked_sub(1).and_then(|i| l.borrow().get(i).cloned()),
                    Value::Tuple(t) => left.checked_sub(1).and_then(|i| t.get(i).cloned()),
                    _ => None,
                };
                *left = if item.is_some() { *left - 1 } else { 0 };
                return Ok(item);
            }
        }))
    }
}

impl Lazy {
    /// CPython's name of the iterator's type.
    fn kind(&self) -> &'static str {
        match self {
            Lazy::Gen(_) | Lazy::Func(..) | Lazy::Native(_) => "generator",
            Lazy::Enumerate(..) => "enumerate",
            Lazy::Zip(..) => "zip",
            Lazy::Map(..) => "map",
            Lazy::Filter(..) => "filter",
            Lazy::Reversed(Value::List(_), _) => "list_reverseiterator",
            Lazy::Reversed(..) => "reversed",
            Lazy::Items(_) => "iterator",
        }
    }
}

/// An iterator making its items from `lazy`.
pub fn lazy_iter(lazy: Lazy) -> Value {
    iterator(lazy, None)
}

/// A generator named `name` (its qualified name) making its items from `lazy`.
pub fn generator(lazy: Lazy, name: Rc<str>) -> Value {
    iterator(lazy, Some(name))
}

fn iterator(lazy: Lazy, name: Option<Rc<str>>) -> Value {
    let kind = lazy.kind();
    Value::Iter(Rc::new(RefCell::new(IterState { lazy: Some(lazy), kind, name, ..IterState::default() })))
}

/// Advances an iterator: its next item, if any.
pub fn next_item(it: &Rc<RefCell<IterState>>) -> Result<Option<Value>, Ctrl> {
    let mut lazy = {
        let mut st = it.borrow_mut();
        if let Some((dict, len, interp)) = &st.watch {
            if dict.borrow().len() != *len {
                let Some(interp) = interp.upgrade() else { return Ok(None) };
                let what = if st.kind == "set_iterator" { "Set" } else { "dictionary" };
                st.watch = None;
                st.items.clear();
                return Err(Cx::module(&interp).err("RuntimeError", format!("{what} changed size during iteration")));
            }
        }
        if let Some(v) = st.items.pop_front() {
            return Ok(Some(v));
        }
        if let Some((a, b, c)) = st.range {
            if range_len(a, b, c) <= 0 {
                st.range = None;
                return Ok(None);
            }
            st.range = Some((a + c, b, c));
            return Ok(Some(Value::Int(a as i128)));
        }
        if let Some(Lazy::Func(gen)) = &st.lazy {
            // A generator stays in place while it runs: asked again meanwhile, it says so.
            let gen = gen.clone();
            drop(st);
            let busy = gen.running();
            let r = gen.next_sync();
            if !busy && !matches!(r, Ok(Some(_))) {
                let mut st = it.borrow_mut();
                st.lazy = None;
                st.returned = gen.slot.returned.borrow_mut().take();
            }
            return r;
        }
        match st.lazy.take() {
            Some(lazy) => lazy,
            None => return Ok(None),
        }
    };
    // Taken out while it runs (the code it runs may use other iterators). It ends when its
    // items do; a generator expression also ends when it raises, as CPython's generators do.
    let r = lazy.pull();
    if matches!(r, Ok(Some(_))) || (r.is_err() && !matches!(lazy, Lazy::Gen(_) | Lazy::Func(..) | Lazy::Native(_))) {
        it.borrow_mut().lazy = Some(lazy);
    }
    r
}

/// The next item of a generator expression (`None` once its source is exhausted).
fn gen_item(cx: &Cx, comp: &crate::ast::Comprehension, source: &mut Cursor) -> Result<Option<Value>, Ctrl> {
    let clause = &comp.gens[0];
    'item: loop {
        let Some(item) = source.pull()? else { return Ok(None) };
        sync(run_sync(&cx.interp, cx.assign(&clause.target, item)))?;
        for cond in &clause.ifs {
            if !cx.is_true(&sync(run_sync(&cx.interp, cx.eval(cond)))?)? {
                continue 'item;
            }
        }
        return Ok(Some(sync(run_sync(&cx.interp, cx.eval(&comp.elt)))?));
    }
}
