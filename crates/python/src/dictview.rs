//! Dictionary views (`d.keys()`, `d.values()`, `d.items()`): live views of the dict, as
//! CPython's are. They show what the dict holds when used, iterate it (an iteration raises if
//! the dict's size changes meanwhile), answer `len` and `in`, and are written
//! `dict_keys([...])`; they cannot be indexed.

use crate::interp::ops::eq;
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
