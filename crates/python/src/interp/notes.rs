//! Exception notes (`BaseException.add_note`, PEP 678): kept in `__notes__`, written after the
//! exception's line in a traceback, as CPython 3.11 writes them.

use super::{Ctrl, Cx, Interp};
use crate::format::{repr_with, type_name};
use crate::value::{Args, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `exc.add_note(note)`: appends `note` (a `str`) to the exception's `__notes__` list.
pub fn add_note(cx: &Cx, this: &Value, a: Args) -> Result<Value, Ctrl> {
    let note = a.pos.first().cloned().unwrap_or(Value::None);
    if !matches!(note, Value::Str(_)) {
        return Err(cx.type_err(format!("note must be a str, not '{}'", type_name(&note))));
    }
    let Value::Instance(i) = this else { return Ok(Value::None) };
    let notes = i.attrs.borrow().get("__notes__").cloned();
    match notes {
        Some(Value::List(list)) => list.borrow_mut().push(note),
        Some(_) => return Err(cx.type_err("Cannot add note: __notes__ is not a list")),
        None => {
            let list = Value::List(Rc::new(RefCell::new(vec![note].into())));
            i.attrs.borrow_mut().insert("__notes__".into(), list);
        }
    }
    Ok(Value::None)
}

/// The lines a traceback writes after the exception's line: each note's lines (a note that is
/// not a `str` by its `repr`).
pub fn note_lines(interp: &Rc<Interp>, exc: &Value) -> Vec<String> {
    let Value::Instance(i) = exc else { return Vec::new() };
    let notes = i.attrs.borrow().get("__notes__").cloned();
    let items = match notes {
        None => return Vec::new(),
        Some(Value::List(l)) => l.borrow().to_vec(),
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(other) => vec![other],
    };
    let mut out = Vec::new();
    for note in items {
        let text = match &note {
            Value::Str(s) => s.to_string(),
            other => repr_with(other, &mut |v, r| super::call::user_str(interp, v, r)),
        };
        out.extend(text.split('\n').map(str::to_string));
    }
    out
}
