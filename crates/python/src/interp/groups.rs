//! Splitting exception groups, as `except*` does and as `BaseExceptionGroup.split()` and
//! `subgroup()` do (CPython's `Objects/exceptions.c`): the group itself is tested first, then
//! each of its exceptions, nested groups split the same way; a part is a new group of the
//! same class and message (`derive`), with the original's traceback.

use super::exc::{exc_class, exc_matches, group_items, make_group};
use super::{call_sync, Ctrl, Cx};
use crate::value::{Args, Value};

type Parts = (Option<Value>, Option<Value>);

/// Splits `g` by an `except*` type (a class or a tuple of them): the matching part and the rest.
pub fn split_group(g: &Value, typ: &Value) -> Parts {
    split_by(g, &mut |e| Ok(exc_matches(e, typ))).unwrap_or((None, Some(g.clone())))
}

/// CPython's `exception_group_projection`: the part of `orig` whose leaf exceptions are among
/// those of `keep` (the groups an `except*` re-raised, and the part no clause matched), with
/// `orig`'s nesting.
pub fn project(orig: &Value, keep: &[Value]) -> Option<Value> {
    fn leaves(v: &Value, out: &mut Vec<usize>) {
        match group_items(v) {
            Some(items) => items.iter().for_each(|i| leaves(i, out)),
            None => out.push(crate::value::identity(v)),
        }
    }
    let mut ids = Vec::new();
    keep.iter().for_each(|k| leaves(k, &mut ids));
    let kept = |e: &Value| Ok(group_items(e).is_none() && ids.contains(&crate::value::identity(e)));
    split_by(orig, &mut { kept }).ok()?.0
}

fn split_by(g: &Value, test: &mut dyn FnMut(&Value) -> Result<bool, Ctrl>) -> Result<Parts, Ctrl> {
    if test(g)? {
        return Ok((Some(g.clone()), None));
    }
    let Some(items) = group_items(g) else { return Ok((None, Some(g.clone()))) };
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for item in items {
        let (m, r) = split_by(&item, test)?;
        yes.extend(m);
        no.extend(r);
    }
    Ok((derive(g, yes), derive(g, no)))
}

/// A group like `g` (its class, message and traceback) of `items`; none if there are none.
fn derive(g: &Value, items: Vec<Value>) -> Option<Value> {
    if items.is_empty() {
        return None;
    }
    let class = exc_class(g)?;
    let msg = match g {
        Value::Instance(i) => i.attrs.borrow().get("message").map(crate::format::str_of).unwrap_or_default(),
        _ => String::new(),
    };
    let ng = make_group(&class, &msg, items);
    if let (Value::Instance(old), Value::Instance(new)) = (g, &ng) {
        *new.traceback.borrow_mut() = old.traceback.borrow().clone();
    }
    Some(ng)
}

/// `split(condition)` and `subgroup(condition)` of an exception group: `condition` is an
/// exception type, a tuple of them, or a function of an exception.
pub fn method(name: &str) -> Option<crate::value::NativeFn> {
    Some(match name {
        "split" => |cx, this, a| {
            let (m, r) = split_on(cx, this, a)?;
            Ok(Value::Tuple(std::rc::Rc::new(vec![m.unwrap_or(Value::None), r.unwrap_or(Value::None)])))
        },
        "subgroup" => |cx, this, a| Ok(split_on(cx, this, a)?.0.unwrap_or(Value::None)),
        _ => return None,
    })
}

fn split_on(cx: &Cx, g: &Value, a: Args) -> Result<Parts, Ctrl> {
    let condition = a.pos.first().cloned().unwrap_or(Value::None);
    let is_type = |v: &Value| matches!(v, Value::Class(c) if c.is_exception);
    match &condition {
        c if is_type(c) => Ok(split_group(g, c)),
        Value::Tuple(items) if items.iter().all(is_type) => Ok(split_group(g, &condition)),
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) => {
            split_by(g, &mut |e| cx.is_true(&call_sync(cx, condition.clone(), Args::of(vec![e.clone()]))?))
        }
        _ => Err(cx.type_err("expected a function, exception type or tuple of exception types")),
    }
}
