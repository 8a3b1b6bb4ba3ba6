//! Searching in a part of a sequence: `str.find`, `rfind`, `index`, `rindex`, `count`,
//! `startswith` and `endswith` with their `start` and `end` arguments, `list.index` and
//! `tuple.index` with theirs, as CPython reads them (its `ADJUST_INDICES`).

use crate::format::type_name;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};

/// The `start` and `end` arguments at `at` and `at + 1` for a sequence of `len` items, as
/// CPython's `ADJUST_INDICES` makes them: negative ones count from the end, `end` is at most
/// `len`, and neither is below 0 (`start` may be past `end`: nothing is there).
pub fn bounds(cx: &Cx, a: &Args, at: usize, len: usize) -> Result<(usize, usize), Ctrl> {
    let index = |i: usize, default: usize| -> Result<usize, Ctrl> {
        let n = match a.pos.get(i) {
            None | Some(Value::None) => return Ok(default),
            Some(Value::Int(n)) => *n,
            Some(Value::Bool(b)) => *b as i128,
            Some(_) => return Err(cx.type_err("slice indices must be integers or None or have an __index__ method")),
        };
        Ok(if n < 0 { (n + len as i128).max(0) as usize } else { n.min(i128::from(u32::MAX)) as usize })
    };
    Ok((index(at, 0)?, index(at + 1, len)?.min(len)))
}

/// The byte offset of the character at `at` (the end if there are fewer).
fn byte_at(s: &str, at: usize) -> usize {
    if s.is_ascii() {
        return at.min(s.len());
    }
    s.char_indices().nth(at).map_or(s.len(), |(b, _)| b)
}

/// The characters `start..end` of `s` (empty if `start` is past `end`).
fn window(s: &str, (start, end): (usize, usize)) -> &str {
    let from = byte_at(s, start);
    &s[from..byte_at(s, end.max(start)).max(from)]
}

fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn needle(cx: &Cx, a: &Args) -> Result<std::rc::Rc<str>, Ctrl> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(cx.type_err(format!("must be str, not {}", type_name(other)))),
        None => Err(cx.type_err("expected at least 1 argument, got 0")),
    }
}

/// Where `sub` is first (or, `last`, last) in the part of `s` the arguments select: a
/// character index, or `None`.
pub fn find(cx: &Cx, s: &str, a: &Args, last: bool) -> Result<Option<usize>, Ctrl> {
    let sub = needle(cx, a)?;
    let (start, end) = bounds(cx, a, 1, chars(s))?;
    if end < start || end - start < chars(&sub) {
        return Ok(None);
    }
    let part = window(s, (start, end));
    let found = if last { part.rfind(sub.as_ref()) } else { part.find(sub.as_ref()) };
    Ok(found.map(|b| start + chars(&part[..b])))
}

/// `str.count`: how many times `sub` is in the part the arguments select, not overlapping.
pub fn count(cx: &Cx, s: &str, a: &Args) -> Result<usize, Ctrl> {
    let sub = needle(cx, a)?;
    let (start, end) = bounds(cx, a, 1, chars(s))?;
    if end < start {
        return Ok(0);
    }
    if sub.is_empty() {
        return Ok(end - start + 1);
    }
    Ok(window(s, (start, end)).matches(sub.as_ref()).count())
}

/// `str.startswith` (`at_end` false) and `str.endswith`: a string or a tuple of strings.
pub fn affix(cx: &Cx, s: &str, a: &Args, at_end: bool) -> Result<bool, Ctrl> {
    let (start, end) = bounds(cx, a, 1, chars(s))?;
    let part = window(s, (start, end));
    let test = |p: &Value| -> Result<bool, Ctrl> {
        let Value::Str(p) = p else {
            let which = if at_end { "endswith" } else { "startswith" };
            let msg = format!("tuple for {which} must only contain str, not {}", type_name(p));
            return Err(cx.type_err(msg));
        };
        Ok(end >= start
            && end - start >= chars(p)
            && if at_end { part.ends_with(p.as_ref()) } else { part.starts_with(p.as_ref()) })
    };
    match a.pos.first() {
        Some(Value::Tuple(items)) => {
            for p in items.iter() {
                if test(p)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(p @ Value::Str(_)) => test(p),
        other => {
            let which = if at_end { "endswith" } else { "startswith" };
            let t = other.map_or("NoneType".into(), type_name);
            Err(cx.type_err(format!("{which} first arg must be str or a tuple of str, not {t}")))
        }
    }
}

/// `str.splitlines`: lines split at CPython's line boundaries, with them if `keepends`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let is_break = |c: char| {
        matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
    };
    let mut out = Vec::new();
    let mut line = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if !is_break(c) {
            line.push(c);
            continue;
        }
        let mut end = String::from(c);
        if c == '\r' && it.peek() == Some(&'\n') {
            end.push(it.next().unwrap_or('\n'));
        }
        if keepends {
            line.push_str(&end);
        }
        out.push(std::mem::take(&mut line));
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
