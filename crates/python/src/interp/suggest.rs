//! "Did you mean: 'print'?": the suggestion CPython 3.11 adds to an uncaught `NameError` or
//! `AttributeError` (`Python/suggestions.c`: the closest name by its Levenshtein distance).

use super::Cx;
use crate::value::Value;

/// Where an exception keeps its suggestion (an attribute no program can name).
pub const ATTR: &str = "\0suggestion";

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

/// The public names `dir()` gives for a built-in type's values (CPython 3.11's).
const TYPE_NAMES: [(&str, &[&str]); 7] = [
    (
        "str",
        &[
            "capitalize",
            "casefold",
            "center",
            "count",
            "encode",
            "endswith",
            "expandtabs",
            "find",
            "format",
            "format_map",
            "index",
            "isalnum",
            "isalpha",
            "isascii",
            "isdecimal",
            "isdigit",
            "isidentifier",
            "islower",
            "isnumeric",
            "isprintable",
            "isspace",
            "istitle",
            "isupper",
            "join",
            "ljust",
            "lower",
            "lstrip",
            "maketrans",
            "partition",
            "removeprefix",
            "removesuffix",
            "replace",
            "rfind",
            "rindex",
            "rjust",
            "rpartition",
            "rsplit",
            "rstrip",
            "split",
            "splitlines",
            "startswith",
            "strip",
            "swapcase",
            "title",
            "translate",
            "upper",
            "zfill",
        ],
    ),
    ("list", &["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]),
    (
        "dict",
        &["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"],
    ),
    (
        "set",
        &[
            "add",
            "clear",
            "copy",
            "difference",
            "difference_update",
            "discard",
            "intersection",
            "intersection_update",
            "isdisjoint",
            "issubset",
            "issuperset",
            "pop",
            "remove",
            "symmetric_difference",
            "symmetric_difference_update",
            "union",
            "update",
        ],
    ),
    ("tuple", &["count", "index"]),
    (
        "int",
        &[
            "as_integer_ratio",
            "bit_count",
            "bit_length",
            "conjugate",
            "denominator",
            "from_bytes",
            "imag",
            "numerator",
            "real",
            "to_bytes",
        ],
    ),
    ("float", &["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"]),
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        MOVE_COST
    } else if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (on UTF-8 bytes, common affixes trimmed first), or
/// `max_cost + 1` once it is beyond `max_cost`.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        (a, b) = (&a[1..], &b[1..]);
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        (a, b) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        (a, b) = (b, a);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, &ch) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(code, ch);
            dist = row[ai];
            result = (result.min(dist) + MOVE_COST).min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (the first of the closest), as `calculate_suggestions`.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates.iter().filter(|c| c.as_str() != name) {
        let max = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best.map_or(usize::MAX, |b| b.1) - 1);
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d <= max && best.is_none_or(|b| d < b.1) {
            best = Some((item, d));
        }
    }
    best.map(|b| b.0.clone())
}

fn sorted(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = names.collect();
    v.sort();
    v.dedup();
    v
}

/// Keeps on `exc` the suggestion for the name `name` not found here (locals, then globals,
/// then built-ins).
pub fn name_error(cx: &Cx, exc: &Value, name: &str) {
    let local = matches!(cx.scope.kind, super::ScopeKind::Function(_));
    let locals = if local { sorted(cx.scope.vars.borrow().keys().map(|k| k.to_string())) } else { Vec::new() };
    let globals = sorted(cx.interp.globals.vars.borrow().keys().map(|k| k.to_string()));
    // CPython's `builtins` module also has the constants, and the names the playground refuses.
    let constants = ["False", "None", "True"].into_iter().chain(crate::tables::REFUSED_BUILTINS);
    let builtins = cx.interp.builtins.borrow().keys().map(|k| k.to_string()).collect::<Vec<_>>();
    let builtins = sorted(builtins.into_iter().chain(constants.map(String::from)));
    let found = [locals, globals, builtins].iter().find_map(|names| closest(name, names));
    keep(exc, found);
}

/// Keeps on `exc` the suggestion for the attribute `name` that `obj` lacks (from its `dir()`).
pub fn attribute_error(exc: &Value, obj: &Value, name: &str) {
    let names =
        match obj {
            Value::Instance(i) => {
                let own =
                    i.attrs.borrow().keys().filter(|k| !k.starts_with('\0')).map(|k| k.to_string()).collect::<Vec<_>>();
                let classes = i.class.mro();
                sorted(own.into_iter().chain(
                    classes.iter().flat_map(|c| c.attrs.borrow().keys().map(|k| k.to_string()).collect::<Vec<_>>()),
                ))
            }
            Value::Class(c) => {
                sorted(c.mro().iter().flat_map(|c| c.attrs.borrow().keys().map(|k| k.to_string()).collect::<Vec<_>>()))
            }
            other => {
                let kind = crate::format::type_name(other);
                let names = TYPE_NAMES.iter().find(|(t, _)| *t == kind).map_or(&[][..], |(_, n)| *n);
                names.iter().map(|n| n.to_string()).collect()
            }
        };
    keep(exc, closest(name, &names));
}

fn keep(exc: &Value, found: Option<String>) {
    if let (Value::Instance(i), Some(s)) = (exc, found) {
        i.attrs.borrow_mut().insert(ATTR.into(), Value::Str(s.as_str().into()));
    }
}

/// What an uncaught exception's line ends with: `. Did you mean: 'name'?`, if it has one.
pub fn suffix(exc: &Value) -> String {
    match exc {
        Value::Instance(i) => match i.attrs.borrow().get(ATTR) {
            Some(Value::Str(s)) => format!(". Did you mean: '{s}'?"),
            _ => String::new(),
        },
        _ => String::new(),
    }
}
