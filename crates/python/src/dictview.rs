//! Dictionary views (`d.keys()`, `d.values()`, `d.items()`): live views of the dict, as
//! CPython's are. They show what the dict holds when used, iterate it (an iteration raises if
//! the dict's size changes meanwhile), answer `len` and `in`, and are written
//! `dict_keys([...])`; they cannot be indexed.

use crate::ast::BinOp;
use crate::interp::ops::eq;
use crate::interp::{Ctrl, Cx};
use crate::value::{hash_key, Dict, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Which view of a dict.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// `d.keys()`.
    Keys,
    /// `d.values()`.
    Values,
    /// `d.items()`.
    Items,
}

/// A view of a dict.
pub struct DictView {
    /// Which view.
    pub kind: ViewKind,
    /// The dict it shows.
    pub dict: Rc<RefCell<Dict>>,
}

impl DictView {
    /// CPython's name of its type.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    /// CPython's name of the type of an iterator over it.
    pub fn iterator_name(&self) -> &'static str {
        match self.kind {
            ViewKind::Keys => "dict_keyiterator",
            ViewKind::Values => "dict_valueiterator",
            ViewKind::Items => "dict_itemiterator",
        }
    }

    /// What it shows now, in the dict's order.
    pub fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => d.keys(),
            ViewKind::Values => d.items().map(|(_, v)| v.clone()).collect(),
            ViewKind::Items => d.items().map(|(k, v)| Value::Tuple(Rc::new(vec![k.clone(), v.clone()]))).collect(),
        }
    }

    /// How many items it shows.
    pub fn len(&self) -> usize {
        self.dict.borrow().len()
    }

    /// Whether it shows nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `item in view`: a key by its hash, an item by its key's and then its value.
    pub fn contains(&self, item: &Value) -> bool {
        let d = self.dict.borrow();
        match (self.kind, item) {
            (ViewKind::Keys, _) => hash_key(item).is_some_and(|h| d.get(&h).is_some()),
            (ViewKind::Items, Value::Tuple(kv)) if kv.len() == 2 => {
                hash_key(&kv[0]).and_then(|h| d.get(&h)).is_some_and(|v| eq(v, &kv[1]))
            }
            (ViewKind::Items, _) => false,
            (ViewKind::Values, _) => d.items().any(|(_, v)| eq(v, item)),
        }
    }
}

/// The view `v` is, if it is one.
pub fn view_of(v: &Value) -> Option<&DictView> {
    match v {
        Value::Native(n) => match &**n {
            crate::aio::native::Native::DictView(view) => Some(view),
            _ => None,
        },
        _ => None,
    }
}

/// A set-like view (of keys or items) in `v`, if it is one.
fn set_like(v: &Value) -> Option<&DictView> {
    view_of(v).filter(|view| view.kind != ViewKind::Values)
}

/// `a == b` where one is a view of keys or items: as sets (CPython's views of keys and items
/// are set-like, and equal a set or a view with the same members); `None` if neither is one.
pub fn set_eq(a: &Value, b: &Value) -> Option<bool> {
    let members = |v: &Value| -> Option<Vec<Value>> {
        match v {
            Value::Set(d) => Some(d.borrow().keys()),
            _ => set_like(v).map(DictView::items),
        }
    };
    let contains = |v: &Value, x: &Value| match v {
        Value::Set(d) => hash_key(x).is_some_and(|h| d.borrow().get(&h).is_some()),
        _ => set_like(v).is_some_and(|view| view.contains(x)),
    };
    set_like(a).or(set_like(b))?;
    let (ma, mb) = (members(a)?, members(b)?);
    Some(ma.len() == mb.len() && ma.iter().all(|x| contains(b, x)))
}

/// `a op b` (`&`, `|`, `-`, `^`) where one of them is a view of keys or items, as CPython's
/// `dictviews_*` make it: a new set; the other may be any iterable. `None` if neither is such
/// a view. An intersection goes through the smaller operand, testing each of its items in the
/// other, as `_PyDictView_Intersect` does (so the result's order is that operand's).
pub fn set_op(cx: &Cx, a: &Value, op: BinOp, b: &Value) -> Option<Result<Value, Ctrl>> {
    set_like(a).or(set_like(b))?;
    if !matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor) {
        return None;
    }
    Some(if op == BinOp::BitAnd {
        intersect(cx, a, b)
    } else {
        as_set(cx, a).and_then(|x| cx.binop(&x, op, &as_set(cx, b)?))
    })
}

fn intersect(cx: &Cx, a: &Value, b: &Value) -> Result<Value, Ctrl> {
    // The view is `this`, the other operand `other`.
    let (mut this, mut other) = if set_like(a).is_some() { (a, b) } else { (b, a) };
    let mut out = Dict::new();
    let mut add = |v: Value| -> Result<(), Ctrl> {
        out.insert(hash_key(&v).ok_or_else(|| cx.unhashable(&v))?, v, Value::None);
        Ok(())
    };
    let len = |v: &Value| set_like(v).map_or(0, DictView::len);
    if let Value::Set(s) = other {
        if len(this) <= s.borrow().len() {
            // `other.intersection(this)`: the view's items that are in the set.
            for v in set_like(this).map(DictView::items).unwrap_or_default() {
                if hash_key(&v).is_some_and(|h| s.borrow().get(&h).is_some()) {
                    add(v)?;
                }
            }
            return Ok(Value::Set(Rc::new(RefCell::new(out))));
        }
    }
    if set_like(other).is_some() && len(other) > len(this) {
        (this, other) = (other, this);
    }
    let view = set_like(this).expect("a view");
    let mut items = cx.cursor(other)?;
    while let Some(v) = items.pull()? {
        if view.contains(&v) {
            add(v)?;
        }
    }
    Ok(Value::Set(Rc::new(RefCell::new(out))))
}

/// `set(v)`, for a view's operation: a set of its items as they come.
fn as_set(cx: &Cx, v: &Value) -> Result<Value, Ctrl> {
    if let Value::Set(_) = v {
        return Ok(v.clone());
    }
    let mut d = Dict::new();
    let mut items = cx.cursor(v)?;
    while let Some(v) = items.pull()? {
        d.insert(hash_key(&v).ok_or_else(|| cx.unhashable(&v))?, v, Value::None);
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

/// `a` and `b` as sets, for `<`, `<=`, `>`, `>=`, if one is a view of keys or items and the
/// other a set or such a view (CPython's views compare as sets); `None` otherwise.
pub fn comparable_sets(a: &Value, b: &Value) -> Option<(Value, Value)> {
    set_like(a).or(set_like(b))?;
    let as_set = |v: &Value| -> Option<Value> {
        match v {
            Value::Set(_) => Some(v.clone()),
            _ => {
                let mut d = Dict::new();
                for item in set_like(v)?.items() {
                    d.insert(hash_key(&item)?, item, Value::None);
                }
                Some(Value::Set(Rc::new(RefCell::new(d))))
            }
        }
    };
    Some((as_set(a)?, as_set(b)?))
}

/// `view.isdisjoint(iterable)`: whether none of the iterable's items is in the view.
pub fn isdisjoint(cx: &Cx, this: &Value, a: crate::value::Args) -> Result<Value, Ctrl> {
    let (Some(view), Some(other)) = (set_like(this), a.pos.first()) else {
        return Err(cx.type_err("isdisjoint() takes exactly one argument (0 given)"));
    };
    let mut items = cx.cursor(other)?;
    while let Some(v) = items.pull()? {
        if view.contains(&v) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
