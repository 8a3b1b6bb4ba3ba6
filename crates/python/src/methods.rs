//! Methods of the built-in types: `str`, `list`, `tuple`, `dict`, `set`, `int`, `float`.

use crate::dictview::{DictView, ViewKind};
use crate::interp::{Ctrl, Cx};
use crate::value::{hash_key, Args, Dict, Items, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn list_of(v: &Value) -> Rc<RefCell<Items>> {
    match v {
        Value::List(l) => l.clone(),
        _ => Rc::new(RefCell::new(vec![].into())),
    }
}

fn dict_of(v: &Value) -> Rc<RefCell<Dict>> {
    match v {
        Value::Dict(d) | Value::Set(d) => d.clone(),
        _ => Rc::new(RefCell::new(Dict::new())),
    }
}

fn new_list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

fn key(cx: &Cx, v: &Value) -> Result<crate::value::HashKey, Ctrl> {
    hash_key(v).ok_or_else(|| cx.unhashable(v))
}

/// The method `name` of a built-in value, if it has one.
pub fn lookup(v: &Value, name: &str) -> Option<NativeFn> {
    match v {
        Value::Str(_) => crate::strmethods::str_method(name),
        Value::List(_) => list_method(name),
        Value::Dict(_) => dict_method(name),
        Value::Set(_) => set_method(name),
        Value::Tuple(_) => tuple_method(name),
        Value::Int(_) | Value::Bool(_) => int_method(name),
        Value::Float(_) => float_method(name),
        _ => None,
    }
}

fn items_of(v: &Value) -> Rc<Vec<Value>> {
    match v {
        Value::Tuple(t) => t.clone(),
        _ => Rc::new(vec![]),
    }
}

fn tuple_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "index" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let items = items_of(t);
            let (start, end) = crate::strsearch::bounds(cx, &a, 1, items.len())?;
            let pos = cx.position(items.get(start..end.max(start)).unwrap_or_default(), &v)?.map(|p| p + start);
            pos.map(|p| Value::Int(p as i128)).ok_or_else(|| cx.err("ValueError", "tuple.index(x): x not in tuple"))
        },
        "count" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            Ok(Value::Int(cx.count_equal(&items_of(t), &v)? as i128))
        },
        _ => return None,
    })
}

fn float_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "is_integer" => |_, t, _| Ok(Value::Bool(matches!(t, Value::Float(f) if f.is_finite() && f.fract() == 0.0))),
        _ => return None,
    })
}

fn int_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "bit_length" => |_, t, _| {
            let i = match t {
                Value::Int(i) => *i,
                Value::Bool(b) => i128::from(*b),
                _ => 0,
            };
            Ok(Value::Int(i128::from(128 - i.unsigned_abs().leading_zeros())))
        },
        _ => return None,
    })
}

fn list_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "append" => |_, t, a| {
            list_of(t).borrow_mut().push(a.pos.into_iter().next().unwrap_or(Value::None));
            Ok(Value::None)
        },
        "extend" => |cx, t, a| {
            let items = cx.iterate(a.pos.first().unwrap_or(&Value::None))?;
            list_of(t).borrow_mut().extend(items);
            Ok(Value::None)
        },
        "insert" => |cx, t, a| {
            let l = list_of(t);
            let n = l.borrow().len() as i128;
            let i = match a.pos.first() {
                Some(Value::Int(i)) => *i,
                _ => return Err(cx.type_err("insert() takes an index")),
            };
            let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            l.borrow_mut().insert(i, a.pos.get(1).cloned().unwrap_or(Value::None));
            Ok(Value::None)
        },
        "pop" => |cx, t, a| {
            let l = list_of(t);
            let n = l.borrow().len() as i128;
            if n == 0 {
                return Err(cx.err("IndexError", "pop from empty list"));
            }
            let i = match a.pos.first() {
                Some(Value::Int(i)) => *i,
                _ => -1,
            };
            let k = if i < 0 { i + n } else { i };
            if k < 0 || k >= n {
                return Err(cx.err("IndexError", "pop index out of range"));
            }
            let v = l.borrow_mut().remove(k as usize);
            Ok(v)
        },
        "remove" => |cx, t, a| {
            let l = list_of(t);
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let items = l.borrow().clone();
            let pos = cx.position(&items, &v)?;
            match pos {
                Some(p) => {
                    let old = l.borrow_mut().remove(p);
                    drop(old);
                    Ok(Value::None)
                }
                None => Err(cx.err("ValueError", "list.remove(x): x not in list")),
            }
        },
        "index" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let list = list_of(t);
            let (start, end) = crate::strsearch::bounds(cx, &a, 1, list.borrow().len())?;
            let items = list.borrow().clone();
            let pos = cx.position(items.get(start..end.max(start)).unwrap_or_default(), &v)?.map(|p| p + start);
            match pos {
                Some(p) => Ok(Value::Int(p as i128)),
                None => Err(cx.err("ValueError", format!("{} is not in list", cx.to_repr(&v)?))),
            }
        },
        "count" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let items = list_of(t).borrow().clone();
            Ok(Value::Int(cx.count_equal(&items, &v)? as i128))
        },
        "reverse" => |_, t, _| {
            list_of(t).borrow_mut().reverse();
            Ok(Value::None)
        },
        "sort" => |cx, t, a| crate::builtins::sort_list(cx, &list_of(t), a),
        "copy" => |_, t, _| Ok(new_list(list_of(t).borrow().to_vec())),
        "clear" => |_, t, _| {
            let old = std::mem::take(&mut *list_of(t).borrow_mut());
            drop(old);
            Ok(Value::None)
        },
        _ => return None,
    })
}

/// A view of dict `t`.
fn view(t: &Value, kind: ViewKind) -> Value {
    Value::Native(Rc::new(crate::aio::native::Native::DictView(DictView { kind, dict: dict_of(t) })))
}

fn dict_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "get" => |cx, t, a| {
            let k = a.pos.first().cloned().unwrap_or(Value::None);
            let found = dict_of(t).borrow().get(&key(cx, &k)?).cloned();
            Ok(found.unwrap_or_else(|| a.pos.get(1).cloned().unwrap_or(Value::None)))
        },
        "keys" => |_, t, _| Ok(view(t, ViewKind::Keys)),
        "values" => |_, t, _| Ok(view(t, ViewKind::Values)),
        "items" => |_, t, _| Ok(view(t, ViewKind::Items)),
        "pop" => |cx, t, a| {
            let k = a.pos.first().cloned().unwrap_or(Value::None);
            let removed = dict_of(t).borrow_mut().remove(&key(cx, &k)?);
            match (removed, a.pos.get(1)) {
                (Some(v), _) => Ok(v),
                (None, Some(d)) => Ok(d.clone()),
                (None, None) => Err(Ctrl::Exc(crate::builtins::new_exc(cx, "KeyError", vec![k]))),
            }
        },
        "setdefault" => |cx, t, a| {
            let k = a.pos.first().cloned().unwrap_or(Value::None);
            let h = key(cx, &k)?;
            let d = dict_of(t);
            let found = d.borrow().get(&h).cloned();
            Ok(match found {
                Some(v) => v,
                None => {
                    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(h, k, v.clone());
                    v
                }
            })
        },
        "update" => |cx, t, a| {
            let other = crate::convert::dict(cx, &Value::None, a)?;
            let d = dict_of(t);
            for (k, v) in dict_of(&other).borrow().items() {
                d.borrow_mut().insert(key(cx, k)?, k.clone(), v.clone());
            }
            Ok(Value::None)
        },
        "copy" => |_, t, _| Ok(Value::Dict(Rc::new(RefCell::new(dict_of(t).borrow().clone())))),
        "fromkeys" => |cx, _, a| {
            // `d.fromkeys(keys, value)`, or `dict.fromkeys(keys, value)` (called with a dict of its own).
            let value = a.pos.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::new();
            let mut keys = cx.cursor(a.pos.first().unwrap_or(&Value::None))?;
            while let Some(k) = keys.pull()? {
                d.insert(key(cx, &k)?, k, value.clone());
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        },
        "popitem" => |cx, t, _| {
            let e = dict_of(t).borrow_mut().pop_entry(true);
            e.map(|(k, v)| Value::Tuple(Rc::new(vec![k, v])))
                .ok_or_else(|| cx.err("KeyError", "popitem(): dictionary is empty"))
        },
        "clear" => |_, t, _| {
            dict_of(t).borrow_mut().clear();
            Ok(Value::None)
        },
        _ => return None,
    })
}

fn set_from(cx: &Cx, v: Option<&Value>) -> Result<Value, Ctrl> {
    let mut d = Dict::new();
    let mut items = cx.cursor(v.unwrap_or(&Value::None))?;
    while let Some(item) = items.pull()? {
        d.insert(key(cx, &item)?, item, Value::None);
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

fn set_op(cx: &Cx, t: &Value, a: Args, op: crate::ast::BinOp) -> Result<Value, Ctrl> {
    let mut acc = Value::Set(Rc::new(RefCell::new(dict_of(t).borrow().clone())));
    for other in &a.pos {
        let o = set_from(cx, Some(other))?;
        acc = cx.binop(&acc, op, &o)?;
    }
    Ok(acc)
}

fn set_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "add" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            dict_of(t).borrow_mut().insert(key(cx, &v)?, v, Value::None);
            Ok(Value::None)
        },
        "discard" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let old = dict_of(t).borrow_mut().remove(&key(cx, &v)?);
            drop(old);
            Ok(Value::None)
        },
        "remove" => |cx, t, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let old = dict_of(t).borrow_mut().remove(&key(cx, &v)?);
            match old {
                Some(_) => Ok(Value::None),
                None => Err(Ctrl::Exc(crate::builtins::new_exc(cx, "KeyError", vec![v]))),
            }
        },
        "pop" => |cx, t, _| {
            let first = dict_of(t).borrow().set_order().into_iter().next();
            let Some(k) = first else {
                return Err(cx.err("KeyError", "pop from an empty set"));
            };
            let old = dict_of(t).borrow_mut().remove(&key(cx, &k)?);
            drop(old);
            Ok(k)
        },
        "update" => |cx, t, a| {
            for other in &a.pos {
                if let Value::Set(o) = other {
                    let o = o.borrow().clone();
                    crate::setorder::merge_into(&mut dict_of(t).borrow_mut(), &o);
                    continue;
                }
                let mut items = cx.cursor(other)?;
                while let Some(v) = items.pull()? {
                    dict_of(t).borrow_mut().insert(key(cx, &v)?, v, Value::None);
                }
            }
            Ok(Value::None)
        },
        "copy" => |_, t, _| Ok(Value::Set(Rc::new(RefCell::new(crate::setorder::copy_of(&dict_of(t).borrow()))))),
        "union" => |cx, t, a| set_op(cx, t, a, crate::ast::BinOp::BitOr),
        "intersection" => |cx, t, a| set_op(cx, t, a, crate::ast::BinOp::BitAnd),
        "difference" => |cx, t, a| set_op(cx, t, a, crate::ast::BinOp::Sub),
        "symmetric_difference" => |cx, t, a| set_op(cx, t, a, crate::ast::BinOp::BitXor),
        "issubset" => |cx, t, a| {
            let other = set_from(cx, a.pos.first())?;
            Ok(Value::Bool(
                dict_of(t)
                    .borrow()
                    .keys()
                    .iter()
                    .all(|k| hash_key(k).is_some_and(|h| dict_of(&other).borrow().get(&h).is_some())),
            ))
        },
        "issuperset" => |cx, t, a| {
            let other = set_from(cx, a.pos.first())?;
            Ok(Value::Bool(
                dict_of(&other)
                    .borrow()
                    .keys()
                    .iter()
                    .all(|k| hash_key(k).is_some_and(|h| dict_of(t).borrow().get(&h).is_some())),
            ))
        },
        "isdisjoint" => |cx, t, a| {
            let other = set_from(cx, a.pos.first())?;
            Ok(Value::Bool(
                !dict_of(t)
                    .borrow()
                    .keys()
                    .iter()
                    .any(|k| hash_key(k).is_some_and(|h| dict_of(&other).borrow().get(&h).is_some())),
            ))
        },
        "clear" => |_, t, _| {
            dict_of(t).borrow_mut().clear();
            Ok(Value::None)
        },
        _ => return None,
    })
}
