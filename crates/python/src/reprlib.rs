//! CPython's `reprlib.repr`, with its default limits: what asyncio shows of a future's result
//! and of a callback's arguments (`<Task finishe...y:7> result=1>`).

use crate::format::{repr_with, Hook};
use crate::interp::ops::order;
use crate::value::Value;

/// Levels of nesting shown (`maxlevel`).
const MAX_LEVEL: usize = 6;
/// Items of a list, tuple or set shown (`maxlist`, `maxtuple`, `maxset`).
const MAX_ITEMS: usize = 6;
/// Items of a dict shown (`maxdict`).
const MAX_DICT: usize = 4;
/// Characters of a string (`maxstring`), digits of an int (`maxlong`), characters of anything else (`maxother`).
const MAX_STRING: usize = 30;
const MAX_LONG: usize = 40;
const MAX_OTHER: usize = 30;

/// `reprlib.repr(v)`.
pub fn short_repr(v: &Value, hook: Hook) -> String {
    repr1(v, MAX_LEVEL, hook)
}

/// The middle of `s` cut to `max` characters with `...`, as reprlib cuts it.
fn cut(s: &str, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_string();
    }
    let i = (max - 3) / 2;
    let j = max - 3 - i;
    let head: String = chars[..i].iter().collect();
    let tail: String = chars[chars.len() - j..].iter().collect();
    format!("{head}...{tail}")
}

/// The order of `items` sorted, when they can be sorted (reprlib's `_possibly_sorted`), else as they are.
fn possibly_sorted(items: &[Value]) -> Vec<usize> {
    let mut at: Vec<usize> = (0..items.len()).collect();
    if !playground_core::sort::sort_by(&mut at, &mut |&a, &b| order(&items[a], &items[b]).map(|o| o.is_lt())) {
        at = (0..items.len()).collect();
    }
    at
}

fn iterable(items: &[Value], level: usize, left: &str, right: &str, trail: bool, hook: Hook) -> String {
    let inner = if level == 0 {
        "...".to_string()
    } else {
        let mut pieces: Vec<String> = items.iter().take(MAX_ITEMS).map(|x| repr1(x, level - 1, hook)).collect();
        if items.len() > MAX_ITEMS {
            pieces.push("...".into());
        }
        pieces.join(", ")
    };
    let trail = if trail && items.len() == 1 { "," } else { "" };
    format!("{left}{inner}{trail}{right}")
}

fn repr1(v: &Value, level: usize, hook: Hook) -> String {
    match v {
        Value::Str(s) => {
            let text = repr_with(&Value::Str(s.chars().take(MAX_STRING).collect::<String>().into()), hook);
            if text.chars().count() <= MAX_STRING {
                return text;
            }
            let chars: Vec<char> = s.chars().collect();
            let i = (MAX_STRING - 3) / 2;
            let j = MAX_STRING - 3 - i;
            let kept: String = chars[..i].iter().chain(&chars[chars.len().saturating_sub(j)..]).collect();
            let text: Vec<char> = repr_with(&Value::Str(kept.into()), hook).chars().collect();
            let head: String = text[..i].iter().collect();
            let tail: String = text[text.len() - j..].iter().collect();
            format!("{head}...{tail}")
        }
        Value::Int(_) => cut(&repr_with(v, hook), MAX_LONG),
        Value::List(l) => {
            let items = l.borrow().clone();
            iterable(&items, level, "[", "]", false, hook)
        }
        Value::Tuple(t) => iterable(t, level, "(", ")", true, hook),
        Value::Set(d) => {
            let items: Vec<Value> = d.borrow().items().map(|(k, _)| k.clone()).collect();
            match items.is_empty() {
                true => "set()".into(),
                false => {
                    let sorted: Vec<Value> = possibly_sorted(&items).into_iter().map(|i| items[i].clone()).collect();
                    iterable(&sorted, level, "{", "}", false, hook)
                }
            }
        }
        Value::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
            if pairs.is_empty() {
                return "{}".into();
            }
            if level == 0 {
                return "{...}".into();
            }
            let keys: Vec<Value> = pairs.iter().map(|(k, _)| k.clone()).collect();
            let mut pieces = Vec::new();
            for i in possibly_sorted(&keys).into_iter().take(MAX_DICT) {
                let (k, v) = &pairs[i];
                pieces.push(format!("{}: {}", repr1(k, level - 1, hook), repr1(v, level - 1, hook)));
            }
            if pairs.len() > MAX_DICT {
                pieces.push("...".into());
            }
            format!("{{{}}}", pieces.join(", "))
        }
        _ => cut(&repr_with(v, hook), MAX_OTHER),
    }
}
