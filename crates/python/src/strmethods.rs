//! Methods of `str`.

use crate::interp::{Ctrl, Cx};
use crate::strsearch;
use crate::value::{Args, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn s(v: &Value) -> Rc<str> {
    match v {
        Value::Str(s) => s.clone(),
        _ => "".into(),
    }
}

fn text(v: impl Into<String>) -> Value {
    Value::Str(v.into().into())
}

fn new_list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

/// `find`'s answer: the index, or -1.
fn found(at: Option<usize>) -> Value {
    Value::Int(at.map_or(-1, |i| i as i128))
}

/// `index`'s answer: the index, or `ValueError`.
fn found_or_raise(cx: &Cx, at: Option<usize>) -> Result<Value, Ctrl> {
    at.map(|i| Value::Int(i as i128)).ok_or_else(|| cx.err("ValueError", "substring not found"))
}

fn arg_str(cx: &Cx, a: &Args, i: usize) -> Result<Option<String>, Ctrl> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.to_string())),
        Some(other) => Err(cx.type_err(format!("must be str or None, not {}", crate::format::type_name(other)))),
    }
}

/// The method `name` of `str`, if it has one.
pub fn str_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "upper" => |_, t, _| Ok(text(s(t).to_uppercase())),
        "lower" => |_, t, _| Ok(text(s(t).to_lowercase())),
        "title" => |_, t, _| {
            let mut out = String::new();
            let mut prev = false;
            for c in s(t).chars() {
                out.extend(if prev { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() });
                prev = c.is_alphabetic();
            }
            Ok(text(out))
        },
        "capitalize" => |_, t, _| {
            let st = s(t);
            let mut c = st.chars();
            Ok(text(match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }))
        },
        "strip" => |cx, t, a| {
            Ok(text(match arg_str(cx, &a, 0)? {
                Some(chars) => s(t).trim_matches(|c| chars.contains(c)).to_string(),
                None => s(t).trim_matches(is_space).to_string(),
            }))
        },
        "lstrip" => |cx, t, a| {
            Ok(text(match arg_str(cx, &a, 0)? {
                Some(chars) => s(t).trim_start_matches(|c| chars.contains(c)).to_string(),
                None => s(t).trim_start_matches(is_space).to_string(),
            }))
        },
        "rstrip" => |cx, t, a| {
            Ok(text(match arg_str(cx, &a, 0)? {
                Some(chars) => s(t).trim_end_matches(|c| chars.contains(c)).to_string(),
                None => s(t).trim_end_matches(is_space).to_string(),
            }))
        },
        "split" => |cx, t, a| split(cx, t, a, false),
        "rsplit" => |cx, t, a| split(cx, t, a, true),
        "splitlines" => |cx, t, mut a| {
            let keep = match a.get(0, "keepends") {
                Some(v) => cx.is_true(&v)?,
                None => false,
            };
            Ok(new_list(strsearch::splitlines(&s(t), keep).into_iter().map(text).collect()))
        },
        "partition" => |cx, t, a| partition(cx, t, &a, false),
        "rpartition" => |cx, t, a| partition(cx, t, &a, true),
        "removeprefix" => |cx, t, a| {
            let p = arg_str(cx, &a, 0)?.unwrap_or_default();
            Ok(text(s(t).strip_prefix(p.as_str()).unwrap_or(&s(t)).to_string()))
        },
        "removesuffix" => |cx, t, a| {
            let p = arg_str(cx, &a, 0)?.unwrap_or_default();
            Ok(text(s(t).strip_suffix(p.as_str()).unwrap_or(&s(t)).to_string()))
        },
        "find" => |cx, t, a| Ok(found(strsearch::find(cx, &s(t), &a, false)?)),
        "rfind" => |cx, t, a| Ok(found(strsearch::find(cx, &s(t), &a, true)?)),
        "index" => |cx, t, a| found_or_raise(cx, strsearch::find(cx, &s(t), &a, false)?),
        "rindex" => |cx, t, a| found_or_raise(cx, strsearch::find(cx, &s(t), &a, true)?),
        "isalnum" => |_, t, _| Ok(Value::Bool(!s(t).is_empty() && s(t).chars().all(char::is_alphanumeric))),
        "isspace" => |_, t, _| Ok(Value::Bool(!s(t).is_empty() && s(t).chars().all(is_space))),
        "islower" => |_, t, _| {
            let st = s(t);
            Ok(Value::Bool(st.chars().any(char::is_lowercase) && !st.chars().any(char::is_uppercase)))
        },
        "isupper" => |_, t, _| {
            let st = s(t);
            Ok(Value::Bool(st.chars().any(char::is_uppercase) && !st.chars().any(char::is_lowercase)))
        },
        "swapcase" => |_, t, _| {
            Ok(text(
                s(t).chars()
                    .flat_map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<Vec<_>>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect::<String>(),
            ))
        },
        "casefold" => |_, t, _| Ok(text(s(t).to_lowercase())),
        "join" => |cx, t, a| {
            let items = cx.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut parts = Vec::new();
            for (k, i) in items.iter().enumerate() {
                match i {
                    Value::Str(x) => parts.push(x.to_string()),
                    other => {
                        return Err(cx.type_err(format!(
                            "sequence item {k}: expected str instance, {} found",
                            crate::format::type_name(other)
                        )))
                    }
                }
            }
            Ok(text(parts.join(&s(t))))
        },
        "replace" => |cx, t, a| {
            let (Some(old), Some(new)) = (arg_str(cx, &a, 0)?, arg_str(cx, &a, 1)?) else {
                return Err(cx.type_err("replace expected 2 arguments"));
            };
            Ok(text(match a.pos.get(2) {
                Some(Value::Int(n)) if *n >= 0 => s(t).replacen(&old, &new, *n as usize),
                _ => s(t).replace(&old, &new),
            }))
        },
        "startswith" => |cx, t, a| Ok(Value::Bool(strsearch::affix(cx, &s(t), &a, false)?)),
        "endswith" => |cx, t, a| Ok(Value::Bool(strsearch::affix(cx, &s(t), &a, true)?)),
        "count" => |cx, t, a| Ok(Value::Int(strsearch::count(cx, &s(t), &a)? as i128)),
        "isprintable" => |_, t, _| Ok(Value::Bool(s(t).chars().all(crate::escapes::printable))),
        "isascii" => |_, t, _| Ok(Value::Bool(s(t).is_ascii())),
        "isdigit" => |_, t, _| Ok(Value::Bool(!s(t).is_empty() && s(t).chars().all(|c| c.is_ascii_digit()))),
        "isalpha" => |_, t, _| Ok(Value::Bool(!s(t).is_empty() && s(t).chars().all(char::is_alphabetic))),
        "center" => |cx, t, a| crate::strformat::pad(cx, &s(t), &a, '^'),
        "ljust" => |cx, t, a| crate::strformat::pad(cx, &s(t), &a, '<'),
        "rjust" => |cx, t, a| crate::strformat::pad(cx, &s(t), &a, '>'),
        "zfill" => |cx, t, a| {
            let w = crate::strformat::width_arg(cx, &a)?;
            let st = s(t);
            let n = st.chars().count();
            if n >= w {
                return Ok(t.clone());
            }
            let (sign, rest) = if st.starts_with(['-', '+']) { st.split_at(1) } else { ("", st.as_ref()) };
            Ok(text(format!("{sign}{}{rest}", "0".repeat(w - n))))
        },
        "format" => |cx, t, a| crate::strformat::str_format(cx, &s(t), a),
        _ => return None,
    })
}

/// Whether Python's `str.isspace` holds for `c` (Rust's `White_Space`, and the separators
/// `\x1c` to `\x1f`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `split()` / `rsplit()` without a separator, as CPython's `split_whitespace`: at most `max`
/// splits, the rest kept as it is (but for the whitespace before it).
fn split_whitespace(st: &str, max: usize, from_right: bool) -> Vec<String> {
    let mut chars: Vec<char> = st.chars().collect();
    if from_right {
        chars.reverse();
    }
    let (mut out, mut i, mut left) = (Vec::new(), 0, max);
    let word = |a: usize, b: usize| -> String {
        let mut w: Vec<char> = chars[a..b].to_vec();
        if from_right {
            w.reverse();
        }
        w.into_iter().collect()
    };
    while left > 0 {
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let j = i;
        while i < chars.len() && !is_space(chars[i]) {
            i += 1;
        }
        out.push(word(j, i));
        left -= 1;
    }
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    if i < chars.len() {
        out.push(word(i, chars.len()));
    }
    if from_right {
        out.reverse();
    }
    out
}

/// `str.partition(sep)`, or `str.rpartition(sep)` (`from_right`): before, sep, after.
fn partition(cx: &Cx, t: &Value, a: &Args, from_right: bool) -> Result<Value, Ctrl> {
    let sep = arg_str(cx, a, 0)?.unwrap_or_default();
    if sep.is_empty() {
        return Err(cx.err("ValueError", "empty separator"));
    }
    let st = s(t);
    let found = if from_right { st.rsplit_once(sep.as_str()) } else { st.split_once(sep.as_str()) };
    let parts = match (found, from_right) {
        (Some((x, y)), _) => [x, sep.as_str(), y],
        (None, false) => [st.as_ref(), "", ""],
        (None, true) => ["", "", st.as_ref()],
    };
    Ok(Value::Tuple(Rc::new(parts.into_iter().map(text).collect())))
}

fn split(cx: &Cx, t: &Value, mut a: Args, from_right: bool) -> Result<Value, Ctrl> {
    let sep = match a.get(0, "sep") {
        Some(Value::Str(x)) => Some(x),
        _ => None,
    };
    let max = match a.get(1, "maxsplit") {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    let st = s(t);
    let parts: Vec<String> = match (sep, max) {
        (Some(sep), _) if sep.is_empty() => return Err(cx.err("ValueError", "empty separator")),
        (Some(sep), None) => st.split(sep.as_ref()).map(String::from).collect(),
        (Some(sep), Some(n)) if from_right => {
            let mut v: Vec<String> = st.rsplitn(n + 1, sep.as_ref()).map(String::from).collect();
            v.reverse();
            v
        }
        (Some(sep), Some(n)) => st.splitn(n + 1, sep.as_ref()).map(String::from).collect(),
        (None, max) => split_whitespace(&st, max.unwrap_or(usize::MAX), from_right),
    };
    Ok(new_list(parts.into_iter().map(text).collect()))
}
