//! Operators: truth, arithmetic, comparison, containment, iteration.

pub use super::lazy::next_item;
use super::{Ctrl, Cx};
use crate::ast::{BinOp, CmpOp};
use crate::format::{repr, type_name};
use crate::value::{hash_key, identity, Dict, Value};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

/// The most items (or bytes of a string) one operation may build.
pub const MAX_ITEMS: usize = 20_000_000;

/// Python's truth value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        Value::Range(a, b, c) => range_len(*a, *b, *c) > 0,
        Value::Native(n) => n.truthy(),
        _ => true,
    }
}

/// The length of `range(a, b, c)`.
pub fn range_len(a: i64, b: i64, c: i64) -> i64 {
    let (a, b, c) = (a as i128, b as i128, c as i128);
    let n = if c > 0 && b > a {
        (b - a + c - 1) / c
    } else if c < 0 && a > b {
        (a - b - c - 1) / -c
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn int(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i128),
        _ => None,
    }
}

/// `a == b` (its nested values as deep as [`crate::nesting`] allows).
pub fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) | (Value::Dict(_), Value::Dict(_)) => {
            crate::nesting::nested(false, || eq_nested(a, b))
        }
        _ => eq_nested(a, b),
    }
}

fn eq_nested(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q))
            }
        }
        // The same object is equal to itself at once, as CPython's `PyObject_RichCompareBool` has it.
        (Value::Tuple(x), Value::Tuple(y)) => {
            Rc::ptr_eq(x, y) || x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) if Rc::ptr_eq(x, y) => true,
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.items().all(|(k, v)| hash_key(k).and_then(|h| y.get(&h)).is_some_and(|w| eq(v, w)))
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.items().all(|(k, _)| hash_key(k).is_some_and(|h| y.get(&h).is_some()))
        }
        (Value::Range(a1, b1, c1), Value::Range(a2, b2, c2)) => (a1, b1, c1) == (a2, b2, c2),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => match (int(a), int(b)) {
                (Some(i), Some(j)) => i == j,
                _ => x == y,
            },
            // Views of keys and items are equal to sets of the same members.
            (None, None) => crate::dictview::set_eq(a, b)
                .unwrap_or_else(|| identity(a) == identity(b) && type_name(a) == type_name(b)),
            _ => false,
        },
    }
}

/// Orders two values for `<` and friends; `None` if they cannot be compared.
pub fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::List(x), Value::List(y)) => crate::nesting::nested(None, || seq_order(&x.borrow(), &y.borrow())),
        (Value::Tuple(x), Value::Tuple(y)) => crate::nesting::nested(None, || seq_order(x, y)),
        _ => match (int(a), int(b)) {
            (Some(i), Some(j)) => Some(i.cmp(&j)),
            _ => num(a)?.partial_cmp(&num(b)?),
        },
    }
}

/// CPython's `float_divmod`: the floor quotient and the remainder (fmod, with the divisor's sign).
fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(y);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0_f64.copysign(x / y)
    };
    (q, m)
}

fn seq_order(x: &[Value], y: &[Value]) -> Option<Ordering> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !eq(p, q) {
            return order(p, q);
        }
    }
    Some(x.len().cmp(&y.len()))
}

fn overflow(cx: &Cx) -> Ctrl {
    cx.err("OverflowError", "integer too large for the playground (its integers are 128-bit)")
}

impl Cx {
    /// The truth of a value, with the program's `__bool__` or else `__len__` for its own objects.
    pub fn is_true(&self, v: &Value) -> Result<bool, Ctrl> {
        if let Value::Instance(i) = v {
            if i.class.lookup("__bool__").is_some() {
                let m = self.getattr(v, "__bool__")?;
                return match super::call_sync(self, m, crate::value::Args::default())? {
                    Value::Bool(b) => Ok(b),
                    other => Err(self.type_err(format!("__bool__ should return bool, returned {}", type_name(&other)))),
                };
            }
            if i.class.lookup("__len__").is_some() {
                let m = self.getattr(v, "__len__")?;
                return Ok(truthy(&super::call_sync(self, m, crate::value::Args::default())?));
            }
        }
        Ok(truthy(v))
    }

    /// `a op b`.
    pub fn binop(&self, a: &Value, op: BinOp, b: &Value) -> Result<Value, Ctrl> {
        use BinOp::*;
        if let (Some(x), Some(y)) = (int(a), int(b)) {
            if !matches!((a, b, op), (Value::Bool(_), Value::Bool(_), BitAnd | BitOr | BitXor)) {
                return self.int_op(x, op, y);
            }
            let r = match op {
                BitAnd => x & y,
                BitOr => x | y,
                _ => x ^ y,
            };
            return Ok(Value::Bool(r != 0));
        }
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            let r = match op {
                Add => x + y,
                Sub => x - y,
                Mul => x * y,
                Div | FloorDiv | Mod if y == 0.0 => {
                    let what = match op {
                        Div => "float division by zero",
                        FloorDiv => "float floor division by zero",
                        _ => "float modulo",
                    };
                    return Err(self.err("ZeroDivisionError", what));
                }
                Div => x / y,
                FloorDiv => float_divmod(x, y).0,
                Mod => float_divmod(x, y).1,
                Pow if x == 0.0 && y < 0.0 => {
                    return Err(self.err("ZeroDivisionError", "0.0 cannot be raised to a negative power"))
                }
                Pow if x < 0.0 && y.is_finite() && y.fract() != 0.0 => {
                    return Err(self.err(
                        "ValueError",
                        "a negative number to a fractional power is a complex number, which the playground does not support",
                    ))
                }
                Pow => match x.powf(y) {
                    r if r.is_infinite() && x.is_finite() && y.is_finite() => {
                        return Err(self.err("OverflowError", "(34, 'Numerical result out of range')"))
                    }
                    r => r,
                },
                _ => return Err(self.unsupported(a, op, b)),
            };
            return Ok(Value::Float(r));
        }
        match (a, op, b) {
            (Value::Str(x), Add, Value::Str(y)) => Ok(Value::Str(format!("{x}{y}").into())),
            (Value::Str(x), Mul, n) | (n, Mul, Value::Str(x)) if int(n).is_some() => {
                let n = int(n).unwrap_or(0).max(0) as usize;
                if x.len().saturating_mul(n) > MAX_ITEMS {
                    return Err(self.err("MemoryError", "string too large for the playground"));
                }
                Ok(Value::Str(x.repeat(n).into()))
            }
            (Value::List(x), Add, Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(Value::List(Rc::new(RefCell::new(v))))
            }
            (Value::Tuple(x), Add, Value::Tuple(y)) => {
                Ok(Value::Tuple(Rc::new(x.iter().chain(y.iter()).cloned().collect())))
            }
            (Value::List(x), Mul, n) | (n, Mul, Value::List(x)) if int(n).is_some() => {
                let items = x.borrow();
                let n = int(n).unwrap_or(0).max(0) as usize;
                if items.len().saturating_mul(n) > MAX_ITEMS {
                    return Err(self.err("MemoryError", "list too large for the playground"));
                }
                Ok(Value::List(Rc::new(RefCell::new(items.iter().cloned().cycle().take(items.len() * n).collect()))))
            }
            (Value::Tuple(x), Mul, n) | (n, Mul, Value::Tuple(x)) if int(n).is_some() => {
                let n = int(n).unwrap_or(0).max(0) as usize;
                if x.len().saturating_mul(n) > MAX_ITEMS {
                    return Err(self.err("MemoryError", "tuple too large for the playground"));
                }
                Ok(Value::Tuple(Rc::new(x.iter().cloned().cycle().take(x.len() * n).collect())))
            }
            (Value::Str(f), Mod, args) => self.percent_format(f, args),
            (Value::Set(x), BitOr, Value::Set(y)) => {
                // As CPython's `set_or`: a copy of `x`, `y` merged into it.
                let mut out = crate::setorder::copy_of(&x.borrow());
                let y = y.borrow().clone();
                crate::setorder::merge_into(&mut out, &y);
                Ok(Value::Set(Rc::new(RefCell::new(out))))
            }
            (Value::Set(x), BitAnd | Sub | BitXor, Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let mut out = Dict::new();
                let has = |d: &Dict, k: &Value| hash_key(k).is_some_and(|h| d.get(&h).is_some());
                for (k, _) in x.items() {
                    let keep = match op {
                        BitAnd => has(&y, k),
                        _ => !has(&y, k),
                    };
                    if keep {
                        out.insert(hash_key(k).expect("set items hash"), k.clone(), Value::None);
                    }
                }
                if op == BitXor {
                    for (k, _) in y.items() {
                        if !has(&x, k) {
                            out.insert(hash_key(k).expect("set items hash"), k.clone(), Value::None);
                        }
                    }
                }
                Ok(Value::Set(Rc::new(RefCell::new(out))))
            }
            (Value::Dict(x), BitOr, Value::Dict(y)) => {
                let mut out = x.borrow().clone();
                for (k, v) in y.borrow().items() {
                    out.insert(hash_key(k).expect("dict keys hash"), k.clone(), v.clone());
                }
                Ok(Value::Dict(Rc::new(RefCell::new(out))))
            }
            _ => crate::dictview::set_op(self, a, op, b).unwrap_or_else(|| Err(self.unsupported(a, op, b))),
        }
    }

    fn unsupported(&self, a: &Value, op: BinOp, b: &Value) -> Ctrl {
        let sym = match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        };
        if let (BinOp::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_)) = (op, a) {
            let kind = type_name(a);
            return self.type_err(format!("can only concatenate {kind} (not \"{}\") to {kind}", type_name(b)));
        }
        // A sequence times a non-integer, either way round: CPython's message names the other's type.
        let sequence = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        if op == BinOp::Mul && (sequence(a) || sequence(b)) {
            let other = if sequence(a) { b } else { a };
            return self.type_err(format!("can't multiply sequence by non-int of type '{}'", type_name(other)));
        }
        self.type_err(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b)))
    }

    fn int_op(&self, x: i128, op: BinOp, y: i128) -> Result<Value, Ctrl> {
        use BinOp::*;
        let r = match op {
            Add => x.checked_add(y),
            Sub => x.checked_sub(y),
            Mul => x.checked_mul(y),
            Div => {
                if y == 0 {
                    return Err(self.err("ZeroDivisionError", "division by zero"));
                }
                return Ok(Value::Float(crate::truediv::int_true_div(x, y)));
            }
            FloorDiv | Mod => {
                if y == 0 {
                    let msg = if op == Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                    return Err(self.err("ZeroDivisionError", msg));
                }
                let (mut q, mut m) = (x.checked_div(y), x.checked_rem(y));
                if let (Some(qq), Some(mm)) = (q, m) {
                    if mm != 0 && ((mm < 0) != (y < 0)) {
                        q = qq.checked_sub(1);
                        m = mm.checked_add(y);
                    }
                }
                if op == FloorDiv {
                    q
                } else {
                    m
                }
            }
            Pow => {
                if y < 0 && x == 0 {
                    return Err(self.err("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                }
                if y < 0 {
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
            }
            LShift | RShift if y < 0 => return Err(self.err("ValueError", "negative shift count")),
            LShift => u32::try_from(y).ok().and_then(|s| x.checked_shl(s)).filter(|r| r >> y == x),
            RShift => Some(x >> y.min(127)),
            BitAnd => Some(x & y),
            BitOr => Some(x | y),
            BitXor => Some(x ^ y),
        };
        r.map(Value::Int).ok_or_else(|| overflow(self))
    }

    fn percent_format(&self, f: &str, args: &Value) -> Result<Value, Ctrl> {
        crate::percent::percent_format(self, f, args)
    }

    /// `a op b` for a comparison operator.
    pub fn compare(&self, a: &Value, op: CmpOp, b: &Value) -> Result<bool, Ctrl> {
        Ok(match op {
            CmpOp::Is => is(a, b),
            CmpOp::IsNot => !is(a, b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            CmpOp::Eq | CmpOp::Ne => self.rich_compare(a, op, b)?,
            _ if matches!((a, b), (Value::Set(_), Value::Set(_))) => subset_compare(a, op, b),
            _ => match crate::dictview::comparable_sets(a, b) {
                Some((a, b)) => subset_compare(&a, op, &b),
                None => self.rich_compare(a, op, b)?,
            },
        })
    }
}

/// `<`, `<=`, `>`, `>=` between sets: subset and superset, proper or not.
fn subset_compare(a: &Value, op: CmpOp, b: &Value) -> bool {
    let (Value::Set(a), Value::Set(b)) = (a, b) else { return false };
    let (a, b) = (a.borrow(), b.borrow());
    let within = |x: &crate::value::Dict, y: &crate::value::Dict| {
        x.len() <= y.len() && x.items().all(|(k, _)| crate::value::hash_key(k).is_some_and(|h| y.get(&h).is_some()))
    };
    match op {
        CmpOp::Lt => a.len() < b.len() && within(&a, &b),
        CmpOp::Le => within(&a, &b),
        CmpOp::Gt => b.len() < a.len() && within(&b, &a),
        _ => within(&b, &a),
    }
}

/// `a is b`.
pub fn is(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x.len() <= 1 && x == y),
        _ => type_name(a) == type_name(b) && identity(a) == identity(b) && !matches!(a, Value::None),
    }
}

/// A value's repr for messages.
pub fn short_repr(v: &Value) -> String {
    repr(v)
}
