//! How many arguments the methods of the built-in types (`str`, `list`, `tuple`, `dict`, `set`,
//! `int`, `float`) take, and the message CPython 3.11 gives a call with another number or
//! with keyword arguments they do not take: `list.append() takes exactly one argument (0
//! given)`, `str.upper() takes no arguments (1 given)`, `get expected at least 1 argument,
//! got 0`, `find() takes at least 1 argument (0 given)`, `split() takes at most 2 arguments
//! (3 given)`, `dict.get() takes no keyword arguments`.

use crate::arity::{plural, refusal, Rule, MANY};
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Builtin, Value};

/// How a method's arguments are parsed in CPython.
enum Takes {
    /// Positional arguments only, counted by this rule (a keyword argument is refused first, as
    /// the method descriptor does: `str.strip() takes no keyword arguments`).
    NoKeywords(Rule),
    /// Argument Clinic's `_PyArg_UnpackKeywords`: these parameters, none required, the first
    /// `maxpos` of them positional too.
    Keywords(&'static [&'static str], usize),
    /// Positional arguments counted by this rule, and any keywords (`dict.update`).
    AnyKeywords(Rule),
}

/// The parsing of method `name` of type `of_type` (`None`: anything goes, as `str.format`).
fn takes(of_type: &str, name: &str) -> Option<Takes> {
    use Rule::{NoArgs, One, Tuple};
    use Takes::{AnyKeywords, Keywords, NoKeywords};
    Some(match (of_type, name) {
        (
            "str",
            "upper" | "lower" | "title" | "capitalize" | "swapcase" | "casefold" | "isalnum" | "isalpha" | "isascii"
            | "isdigit" | "islower" | "isupper" | "isspace" | "isprintable",
        )
        | ("list", "reverse" | "copy" | "clear")
        | ("dict", "keys" | "values" | "items" | "copy" | "popitem" | "clear")
        | ("set", "pop" | "copy" | "clear")
        | ("int", "bit_length")
        | ("float", "is_integer") => NoKeywords(NoArgs),
        ("str", "join" | "partition" | "rpartition" | "removeprefix" | "removesuffix" | "zfill")
        | ("list", "append" | "extend" | "remove" | "count")
        | ("tuple", "count")
        | ("set", "add" | "discard" | "remove" | "symmetric_difference" | "issubset" | "issuperset" | "isdisjoint") => {
            NoKeywords(One)
        }
        ("str", "strip" | "lstrip" | "rstrip") | ("list", "pop") => NoKeywords(Rule::Positional("", 0, 1)),
        ("str", "center" | "ljust" | "rjust") | ("dict", "get" | "pop" | "setdefault" | "fromkeys") => {
            NoKeywords(Rule::Positional("", 1, 2))
        }
        ("str", "replace") => NoKeywords(Rule::Positional("", 2, 3)),
        ("list" | "tuple", "index") => NoKeywords(Rule::Positional("", 1, 3)),
        ("list", "insert") => NoKeywords(Rule::Positional("", 2, 2)),
        ("str", "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith") => NoKeywords(Tuple(1, 3)),
        ("set", "update" | "union" | "intersection" | "difference") => NoKeywords(Tuple(0, MANY)),
        ("str", "split" | "rsplit") => Keywords(&["sep", "maxsplit"], 2),
        ("str", "splitlines") => Keywords(&["keepends"], 1),
        ("list", "sort") => Keywords(&["key", "reverse"], 0),
        ("dict", "update") => AnyKeywords(Rule::Positional("", 0, 1)),
        _ => return None,
    })
}

/// The type whose methods `v` has, as CPython names it in a method's qualified name.
fn type_of(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::Int(_) | Value::Bool(_) => "int",
        Value::Float(_) => "float",
        _ => return None,
    })
}

/// `_PyArg_UnpackKeywords`' message for `args` given to `fname`, whose parameters are
/// `params` (the first `maxpos` positional too, none required), if it refuses them.
fn unpack_keywords(fname: &str, params: &[&str], maxpos: usize, args: &Args) -> Option<String> {
    let (nargs, given) = (args.pos.len(), args.pos.len() + args.kw.len());
    let max = params.len();
    if given > max {
        let kind = if nargs == 0 { "keyword " } else { "" };
        return Some(format!("{fname}() takes at most {max} {kind}argument{} ({given} given)", plural(max)));
    }
    if nargs > maxpos {
        return Some(match maxpos {
            0 => format!("{fname}() takes no positional arguments"),
            _ => format!("{fname}() takes at most {maxpos} positional argument{} ({nargs} given)", plural(maxpos)),
        });
    }
    let by_both = params.iter().take(nargs).position(|p| args.kw.iter().any(|(k, _)| &**k == *p));
    by_both.map(|i| format!("argument for {fname}() given by name ('{}') and position ({})", params[i], i + 1))
}

/// Refuses, as CPython does, a call of the method `name` of the built-in value `this` with
/// arguments it does not take: a number of positional arguments, or keyword arguments.
pub fn check(cx: &Cx, this: &Value, name: &str, args: &Args) -> Result<(), Ctrl> {
    let Some(of_type) = type_of(this) else { return Ok(()) };
    let Some(takes) = takes(of_type, name) else { return Ok(()) };
    let qualified = || format!("{of_type}.{name}");
    let message = match takes {
        Takes::NoKeywords(_) if !args.kw.is_empty() => Some(format!("{}() takes no keyword arguments", qualified())),
        Takes::NoKeywords(rule) | Takes::AnyKeywords(rule) => match rule {
            Rule::One | Rule::NoArgs => refusal(rule, &qualified(), args.pos.len(), false),
            rule => refusal(rule, name, args.pos.len(), false),
        },
        Takes::Keywords(params, maxpos) => match unpack_keywords(name, params, maxpos, args) {
            Some(message) => Some(message),
            None => return crate::arity::invalid_keywords(cx, args, name, params),
        },
    };
    message.map_or(Ok(()), |m| Err(cx.type_err(m)))
}

/// `check` for a call of `b` if it is a method of a built-in type bound to its object (the
/// very function `methods::lookup` gives for it, not `str.upper` unbound, whose object is its
/// name).
pub fn check_bound(cx: &Cx, b: &Builtin, args: &Args) -> Result<(), Ctrl> {
    if let Some(checked) = crate::aio::arity::check_method(cx, &b.this, &b.name, args) {
        return checked;
    }
    match crate::methods::lookup(&b.this, &b.name) {
        Some(f) if f as usize == b.f as usize => check(cx, &b.this, &b.name, args),
        _ => Ok(()),
    }
}
