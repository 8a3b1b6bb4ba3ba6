//! Rich comparisons, as CPython's `PyObject_RichCompare` makes them: a program's `__eq__`,
//! `__lt__`, ... (its own side first, then the other side's reflected method, the other side
//! first when its class derives from this one's), `NotImplemented` passing the turn, identity
//! for `==` when neither side decides, and lists and tuples compared member by member the same
//! way. Values without such methods are compared by the pure [`eq`] and [`order`].

use super::ops::{eq, is, order};
use super::{call_sync, Ctrl, Cx};
use crate::aio::native::Native;
use crate::ast::CmpOp;
use crate::format::type_name;
use crate::value::{Args, Value};
use std::cmp::Ordering;

/// The comparison dunders: the operator, its method, the reflected method, its symbol.
const METHODS: [(CmpOp, &str, &str, &str); 6] = [
    (CmpOp::Eq, "__eq__", "__eq__", "=="),
    (CmpOp::Ne, "__ne__", "__ne__", "!="),
    (CmpOp::Lt, "__lt__", "__gt__", "<"),
    (CmpOp::Le, "__le__", "__ge__", "<="),
    (CmpOp::Gt, "__gt__", "__lt__", ">"),
    (CmpOp::Ge, "__ge__", "__le__", ">="),
];

/// Whether `a op b` holds when `a` and `b` are ordered `o`.
fn holds(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// Whether `v` is a number (`bool`, `int` or `float`).
fn number(v: &Value) -> bool {
    matches!(v, Value::Bool(_) | Value::Int(_) | Value::Float(_))
}

/// Whether `v` is `NotImplemented`.
pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(**n, Native::NotImplemented))
}

/// Whether a value is an object of the program's whose class defines a comparison method, or a
/// list or tuple holding one (looked for a few levels deep: a list may hold itself).
fn compares_itself(v: &Value, depth: usize) -> bool {
    match v {
        Value::Instance(i) => METHODS.iter().any(|(_, m, _, _)| i.class.lookup(m).is_some()),
        Value::Tuple(t) if depth > 0 => t.iter().any(|x| compares_itself(x, depth - 1)),
        Value::List(l) if depth > 0 => l.borrow().iter().any(|x| compares_itself(x, depth - 1)),
        _ => false,
    }
}

impl Cx {
    /// `a op b` for `==`, `!=`, `<`, `<=`, `>`, `>=`, with the program's comparison methods.
    pub fn rich_compare(&self, a: &Value, op: CmpOp, b: &Value) -> Result<bool, Ctrl> {
        if compares_itself(a, 4) || compares_itself(b, 4) {
            match (a, b) {
                (Value::List(x), Value::List(y)) => {
                    let (x, y) = (x.borrow().clone(), y.borrow().clone());
                    return self.seq_compare(&x, op, &y);
                }
                (Value::Tuple(x), Value::Tuple(y)) => return self.seq_compare(x, op, y),
                _ => {
                    if let Some(r) = self.by_methods(a, op, b)? {
                        return Ok(r);
                    }
                }
            }
        }
        crate::nesting::exceeded();
        let too_deep = || self.err("RecursionError", "maximum recursion depth exceeded in comparison");
        match op {
            CmpOp::Eq | CmpOp::Ne => {
                let same = eq(a, b);
                if crate::nesting::exceeded() {
                    return Err(too_deep());
                }
                Ok(same == (op == CmpOp::Eq))
            }
            _ => {
                let ordered = order(a, b);
                if crate::nesting::exceeded() {
                    return Err(too_deep());
                }
                let Some(o) = ordered else {
                    // A NaN: every ordering comparison of numbers is false.
                    if number(a) && number(b) {
                        return Ok(false);
                    }
                    // Sequences that do not order: the first members that differ say why.
                    match (a, b) {
                        (Value::List(x), Value::List(y)) => {
                            let (x, y) = (x.borrow().clone(), y.borrow().clone());
                            return self.seq_compare(&x, op, &y);
                        }
                        (Value::Tuple(x), Value::Tuple(y)) => return self.seq_compare(x, op, y),
                        _ => {}
                    }
                    return Err(self.unorderable(a, op, b));
                };
                Ok(holds(o, op))
            }
        }
    }

    /// `x == y` as `in`, `index`, `count` and `remove` test it: identity first.
    pub fn same_or_equal(&self, x: &Value, y: &Value) -> Result<bool, Ctrl> {
        Ok(is(x, y) || self.rich_compare(x, CmpOp::Eq, y)?)
    }

    /// The position of the first of `items` equal to `v`.
    pub fn position(&self, items: &[Value], v: &Value) -> Result<Option<usize>, Ctrl> {
        for (i, x) in items.iter().enumerate() {
            if self.same_or_equal(x, v)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// How many of `items` are equal to `v`.
    pub fn count_equal(&self, items: &[Value], v: &Value) -> Result<usize, Ctrl> {
        let mut n = 0;
        for x in items {
            n += self.same_or_equal(x, v)? as usize;
        }
        Ok(n)
    }

    /// `TypeError: '<' not supported between instances of 'A' and 'B'`.
    pub fn unorderable(&self, a: &Value, op: CmpOp, b: &Value) -> Ctrl {
        let sym = METHODS.iter().find(|m| m.0 == op).map_or("<", |m| m.3);
        self.type_err(format!("'{sym}' not supported between instances of '{}' and '{}'", type_name(a), type_name(b)))
    }

    /// Lists or tuples: the first members that differ decide, else their lengths.
    fn seq_compare(&self, x: &[Value], op: CmpOp, y: &[Value]) -> Result<bool, Ctrl> {
        if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(op == CmpOp::Ne);
        }
        for (p, q) in x.iter().zip(y) {
            if !self.same_or_equal(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => self.rich_compare(p, op, q),
                };
            }
        }
        Ok(holds(x.len().cmp(&y.len()), op))
    }

    /// The program's methods' answer, or `None` when both sides return `NotImplemented`.
    fn by_methods(&self, a: &Value, op: CmpOp, b: &Value) -> Result<Option<bool>, Ctrl> {
        let Some(&(_, name, reflected, _)) = METHODS.iter().find(|m| m.0 == op) else { return Ok(None) };
        let other_first = match (a, b) {
            (Value::Instance(x), Value::Instance(y)) => {
                !std::rc::Rc::ptr_eq(&x.class, &y.class)
                    && y.class.is_subclass(&x.class)
                    && y.class.attrs.borrow().contains_key(reflected)
            }
            _ => false,
        };
        let tries = if other_first { [(b, reflected, a), (a, name, b)] } else { [(a, name, b), (b, reflected, a)] };
        for (x, method, y) in tries {
            if let Some(r) = self.compare_method(x, method, y)? {
                return Ok(Some(self.is_true(&r)?));
            }
        }
        Ok(None)
    }

    /// `x.method(y)`, or `None` for `NotImplemented` or no such method; `__ne__` without a
    /// method of its own is the inverse of `__eq__`, as `object.__ne__` makes it.
    fn compare_method(&self, x: &Value, method: &str, y: &Value) -> Result<Option<Value>, Ctrl> {
        let Value::Instance(i) = x else { return Ok(None) };
        if i.class.lookup(method).is_none() {
            if method == "__ne__" && i.class.lookup("__eq__").is_some() {
                let r = self.compare_method(x, "__eq__", y)?;
                return r.map(|r| Ok(Value::Bool(!self.is_true(&r)?))).transpose();
            }
            return Ok(None);
        }
        let m = self.getattr(x, method)?;
        let r = call_sync(self, m, Args::of(vec![y.clone()]))?;
        Ok((!is_not_implemented(&r)).then_some(r))
    }
}
