//! Iteration, containment, and `str` / `repr` with the program's own methods.

use super::lazy::Cursor;
use super::ops::range_len;
use super::{Ctrl, Cx};
use crate::dictview::view_of;
use crate::format::type_name;
use crate::value::{hash_key, IterState, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn int(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i128),
        _ => None,
    }
}

impl Cx {
    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> Result<bool, Ctrl> {
        if let Some(view) = view_of(container) {
            return Ok(view.contains(item));
        }
        Ok(match container {
            Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
                let m = self.getattr(container, "__contains__")?;
                let r = super::call_sync(self, m, crate::value::Args::of(vec![item.clone()]))?;
                self.is_true(&r)?
            }
            Value::Str(s) => match item {
                Value::Str(i) => s.contains(i.as_ref()),
                _ => return Err(self.type_err("'in <string>' requires string as left operand")),
            },
            Value::Dict(d) | Value::Set(d) => {
                let h = hash_key(item).ok_or_else(|| self.unhashable(item))?;
                d.borrow().get(&h).is_some()
            }
            Value::Range(a, b, c) => match int(item) {
                Some(i) => {
                    let (a, b, c) = (*a as i128, *b as i128, *c as i128);
                    (if c > 0 { i >= a && i < b } else { i <= a && i > b }) && (i - a) % c == 0
                }
                None => false,
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                self.position(&items, item)?.is_some()
            }
            Value::Tuple(t) => self.position(t, item)?.is_some(),
            other => {
                // An iterator is consumed up to the item, as CPython's `in` does.
                let mut items = self.cursor(other)?;
                while let Some(x) = items.pull()? {
                    if self.same_or_equal(&x, item)? {
                        return Ok(true);
                    }
                }
                false
            }
        })
    }

    /// `TypeError: unhashable type`.
    pub fn unhashable(&self, v: &Value) -> Ctrl {
        if crate::nesting::exceeded() {
            return self.err("RecursionError", "maximum recursion depth exceeded while calling a Python object");
        }
        self.type_err(format!("unhashable type: '{}'", type_name(v)))
    }

    /// All the items of an iterable.
    pub fn iterate(&self, v: &Value) -> Result<Vec<Value>, Ctrl> {
        Ok(match v {
            Value::List(l) => l.borrow().to_vec(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string().into())).collect(),
            Value::Dict(d) => d.borrow().keys(),
            Value::Set(d) => d.borrow().set_order(),
            Value::Range(a, b, c) => {
                let n = range_len(*a, *b, *c);
                if n > super::ops::MAX_ITEMS as i64 {
                    return Err(self.err("MemoryError", "range too large for the playground"));
                }
                (0..n).map(|k| Value::Int((a + k * c) as i128)).collect()
            }
            // An iterator, or an object of the program's, item after item.
            Value::Iter(_) | Value::Instance(_) => {
                let mut items = self.cursor(v)?;
                let mut out = Vec::new();
                while let Some(x) = items.pull()? {
                    if out.len() >= super::ops::MAX_ITEMS {
                        return Err(self.err("MemoryError", "too many items for the playground"));
                    }
                    out.push(x);
                }
                out
            }
            Value::Native(n) => match n.iter_items() {
                Some(items) => items,
                None => return Err(self.type_err(format!("'{}' object is not iterable", type_name(v)))),
            },
            _ => return Err(self.type_err(format!("'{}' object is not iterable", type_name(v)))),
        })
    }

    /// `iter(v)` of an object of the program's: what its `__iter__()` returns, which must be an
    /// iterator, as CPython's `iter()` checks; without `__iter__`, `None`.
    fn user_iter(&self, v: &Value) -> Result<Option<Value>, Ctrl> {
        let Value::Instance(i) = v else { return Ok(None) };
        if i.class.lookup("__iter__").is_none() {
            return Ok(None);
        }
        let it = super::call_sync(self, self.getattr(v, "__iter__")?, crate::value::Args::default())?;
        match &it {
            Value::Iter(_) => Ok(Some(it)),
            Value::Instance(o) if o.class.lookup("__next__").is_some() => Ok(Some(it)),
            other => Err(self.type_err(format!("iter() returned non-iterator of type '{}'", type_name(other)))),
        }
    }

    /// Whether `v` is an object of the program's that only has `__getitem__` to iterate with.
    fn indexable(v: &Value) -> bool {
        matches!(v, Value::Instance(i) if i.class.lookup("__getitem__").is_some())
    }

    /// An iterator over an iterable (`iter(v)`).
    pub fn make_iter(&self, v: &Value) -> Result<Value, Ctrl> {
        if let Some(it) = self.user_iter(v)? {
            return Ok(it);
        }
        if Self::indexable(v) {
            return Ok(super::lazy::lazy_iter(super::lazy::Lazy::Items(self.cursor(v)?)));
        }
        Ok(Value::Iter(self.iter_state(v)?))
    }

    fn iter_state(&self, v: &Value) -> Result<Rc<RefCell<IterState>>, Ctrl> {
        // Over a dict (a set, a dict's view), watching its size.
        let watching = |dict: &Rc<RefCell<crate::value::Dict>>, kind, items: Vec<Value>| {
            let watch = Some((dict.clone(), dict.borrow().len(), Rc::downgrade(&self.interp)));
            IterState { watch, ..IterState::of(kind, items.into()) }
        };
        let state = match v {
            Value::Iter(it) => return Ok(it.clone()),
            Value::Range(a, b, c) => {
                IterState { range: Some((*a, *b, *c)), kind: "range_iterator", ..IterState::default() }
            }
            Value::Dict(d) | Value::Set(d) => watching(d, iterator_kind(v), self.iterate(v)?),
            _ => match view_of(v) {
                Some(view) => watching(&view.dict, view.iterator_name(), view.items()),
                None => IterState::of(iterator_kind(v), self.iterate(v)?.into()),
            },
        };
        Ok(Rc::new(RefCell::new(state)))
    }

    /// Starts taking an iterable's items one at a time (as `for` does).
    pub fn cursor(&self, v: &Value) -> Result<Cursor, Ctrl> {
        Ok(match v {
            Value::List(l) => Cursor::List(l.clone(), 0),
            Value::Tuple(t) => Cursor::Tuple(t.clone(), 0),
            Value::Instance(_) => match self.user_iter(v)? {
                Some(Value::Iter(it)) => Cursor::Iter(it),
                Some(obj) => Cursor::Next(self.clone(), obj),
                None if Self::indexable(v) => Cursor::Index(self.clone(), v.clone(), 0),
                None => return Err(self.type_err(format!("'{}' object is not iterable", type_name(v)))),
            },
            other => Cursor::Iter(self.iter_state(other)?),
        })
    }

    /// `str(v)`, with the program's `__str__`.
    pub fn to_str(&self, v: &Value) -> Result<String, Ctrl> {
        self.checked(|hook| crate::format::str_with(v, hook))
    }

    /// `object.__str__(v)` / `object.__repr__(v)` (an exception's own for one): see
    /// [`crate::format::default_text`].
    pub fn default_text(&self, v: &Value, is_repr: bool) -> Result<String, Ctrl> {
        self.checked(|hook| crate::format::default_text(v, is_repr, hook))
    }

    /// `repr(v)`, with the program's `__repr__`.
    pub fn to_repr(&self, v: &Value) -> Result<String, Ctrl> {
        self.checked(|hook| crate::format::repr_with(v, hook))
    }

    /// What `write` makes with the program's `__str__` / `__repr__` as its hook, or the first
    /// exception one of them raised (or the `TypeError` for one that gave no string).
    fn checked(&self, write: impl FnOnce(crate::format::Hook) -> String) -> Result<String, Ctrl> {
        crate::nesting::exceeded();
        let mut failed = None;
        let text = write(&mut |x, is_repr| {
            if failed.is_some() {
                return Some(String::new());
            }
            match super::call::user_str_result(&self.interp, x, is_repr)? {
                Ok(s) => Some(s),
                Err(e) => {
                    failed = Some(e);
                    Some(String::new())
                }
            }
        });
        if failed.is_none() && crate::nesting::exceeded() {
            let e = self.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
            return Err(e);
        }
        failed.map_or(Ok(text), Err)
    }
}

/// CPython's name of the type of an iterator over `v`.
fn iterator_kind(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "list_iterator",
        Value::Tuple(_) => "tuple_iterator",
        Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
        Value::Str(_) => "str_iterator",
        Value::Dict(_) => "dict_keyiterator",
        Value::Set(_) => "set_iterator",
        _ => "iterator",
    }
}
