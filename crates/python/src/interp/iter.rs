//! Iteration, containment, and `str` / `repr` with the program's own methods.

use super::ops::{eq, range_len};
use super::{Ctrl, Cx};
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
        Ok(match container {
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
            other => self.iterate(other)?.iter().any(|x| eq(x, item)),
        })
    }

    /// `TypeError: unhashable type`.
    pub fn unhashable(&self, v: &Value) -> Ctrl {
        self.type_err(format!("unhashable type: '{}'", type_name(v)))
    }

    /// All the items of an iterable.
    pub fn iterate(&self, v: &Value) -> Result<Vec<Value>, Ctrl> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string().into())).collect(),
            Value::Dict(d) => d.borrow().keys(),
            Value::Set(d) => crate::setorder::ordered(d.borrow().keys()),
            Value::Range(a, b, c) => {
                let n = range_len(*a, *b, *c);
                if n > super::ops::MAX_ITEMS as i64 {
                    return Err(self.err("MemoryError", "range too large for the playground"));
                }
                (0..n).map(|k| Value::Int((a + k * c) as i128)).collect()
            }
            Value::Iter(it) => {
                let mut out: Vec<Value> = {
                    let mut st = it.borrow_mut();
                    let mut out: Vec<Value> = st.items.drain(..).collect();
                    if let Some((a, b, c)) = st.range.take() {
                        out.extend((0..range_len(a, b, c)).map(|k| Value::Int((a + k * c) as i128)));
                    }
                    out
                };
                while let Some(v) = next_item(it)? {
                    if out.len() >= super::ops::MAX_ITEMS {
                        return Err(self.err("MemoryError", "too many items for the playground"));
                    }
                    out.push(v);
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

    /// An iterator over an iterable (`iter(v)`).
    pub fn make_iter(&self, v: &Value) -> Result<Value, Ctrl> {
        if let Value::Iter(_) = v {
            return Ok(v.clone());
        }
        let state = match v {
            Value::Range(a, b, c) => IterState { items: Default::default(), range: Some((*a, *b, *c)), gen: None },
            _ => IterState { items: self.iterate(v)?.into(), range: None, gen: None },
        };
        Ok(Value::Iter(Rc::new(RefCell::new(state))))
    }

    /// `str(v)`, with the program's `__str__`.
    pub fn to_str(&self, v: &Value) -> String {
        crate::format::str_with(v, &mut |x, is_repr| super::call::user_str(&self.interp, x, is_repr))
    }

    /// `repr(v)`, with the program's `__repr__`.
    pub fn to_repr(&self, v: &Value) -> String {
        crate::format::repr_with(v, &mut |x, is_repr| super::call::user_str(&self.interp, x, is_repr))
    }
}

/// Advances an iterator: its next item, if any.
pub fn next_item(it: &Rc<RefCell<IterState>>) -> Result<Option<Value>, Ctrl> {
    let (cx, comp, source) = {
        let mut st = it.borrow_mut();
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
        match &st.gen {
            Some(g) => (g.cx.clone(), g.comp.clone(), g.source.clone()),
            None => return Ok(None),
        }
    };
    let sync = |r: Option<Result<Value, Ctrl>>| {
        r.unwrap_or_else(|| Err(Ctrl::Fatal("internal error: a generator expression suspended".into())))
    };
    let clause = &comp.gens[0];
    loop {
        let item = match &source {
            Value::Iter(s) => next_item(s)?,
            _ => None,
        };
        let Some(item) = item else {
            it.borrow_mut().gen = None;
            return Ok(None);
        };
        super::call::run_sync(cx.assign(&clause.target, item))
            .unwrap_or_else(|| Err(Ctrl::Fatal("internal error: a generator expression suspended".into())))?;
        let mut keep = true;
        for cond in &clause.ifs {
            let v = sync(super::call::run_sync(cx.eval(cond)))?;
            if !cx.is_true(&v)? {
                keep = false;
                break;
            }
        }
        if keep {
            return sync(super::call::run_sync(cx.eval(&comp.elt))).map(Some);
        }
    }
}
