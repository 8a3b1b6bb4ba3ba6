//! How many positional arguments the built-in functions and types take, and the message
//! CPython's argument parsing gives a call with another number: `len() takes exactly one
//! argument (2 given)`, `isinstance expected 2 arguments, got 1`, `round() missing required
//! argument 'number' (pos 1)`.

/// How a built-in's arguments are parsed in CPython, which decides its message.
pub(crate) enum Rule {
    /// `METH_O`: exactly one.
    One,
    /// `_PyArg_CheckPositional(name, n, min, max)`.
    Positional(&'static str, usize, usize),
    /// Argument Clinic with these parameters, the first `min` required (keywords allowed).
    Clinic(&'static [&'static str], usize),
    /// Argument Clinic, positional-only first parameters: at least `min`, at most `max`.
    PosOnly(usize, usize),
    /// A message of its own when the count is not one of these.
    Own(&'static [usize], usize, &'static str),
    /// `METH_NOARGS`: none.
    NoArgs,
    /// `PyArg_ParseTuple` (`METH_VARARGS`): at least `min`, at most `max`.
    Tuple(usize, usize),
}

/// No upper bound.
pub(crate) const MANY: usize = usize::MAX;

fn rule(name: &str) -> Option<Rule> {
    use Rule::*;
    Some(match name {
        "len" | "abs" | "repr" | "hash" | "id" | "chr" | "ord" | "callable" | "any" | "all" | "ascii" | "bin"
        | "hex" | "oct" | "aiter" => One,
        "isinstance" | "issubclass" | "divmod" | "hasattr" | "filter" => Positional("", 2, 2),
        "setattr" => Positional("", 3, 3),
        "getattr" => Positional("", 2, 3),
        "iter" | "next" | "anext" => Positional("", 1, 2),
        "min" | "max" => Positional("", 1, MANY),
        "sorted" | "reversed" | "staticmethod" | "classmethod" => Positional("", 1, 1),
        "list" | "tuple" | "dict" | "set" | "bool" | "float" => Positional("", 0, 1),
        "range" => Positional("", 1, 3),
        "format" => Positional("", 1, 2),
        "super" => Positional("super()", 0, 2),
        "round" => Clinic(&["number", "ndigits"], 1),
        "pow" => Clinic(&["base", "exp", "mod"], 2),
        "int" => Clinic(&["x", "base"], 0),
        "str" => Clinic(&["object", "encoding", "errors"], 0),
        "enumerate" => Clinic(&["iterable", "start"], 1),
        "sum" => PosOnly(1, 2),
        "map" => Own(&[], 2, "map() must have at least two arguments."),
        "type" => Own(&[1, 3], 0, "type() takes 1 or 3 arguments"),
        "object" => Own(&[0], 0, "object() takes no arguments"),
        _ => return None,
    })
}

/// `"s"` after a count of `n` but 1.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The `TypeError` message of a call of the built-in `name`, parsed by `rule`, with `n`
/// positional arguments (and keyword arguments if `keywords`), if CPython refuses that many.
pub(crate) fn refusal(rule: Rule, name: &str, n: usize, keywords: bool) -> Option<String> {
    match rule {
        Rule::One if keywords => Some(format!("{name}() takes no keyword arguments")),
        Rule::One => (n != 1).then(|| format!("{name}() takes exactly one argument ({n} given)")),
        Rule::Positional(shown, min, max) => {
            let shown = if shown.is_empty() { name } else { shown };
            if min == max && n != min {
                Some(format!("{shown} expected {min} argument{}, got {n}", plural(min)))
            } else if n < min {
                Some(format!("{shown} expected at least {min} argument{}, got {n}", plural(min)))
            } else if n > max {
                Some(format!("{shown} expected at most {max} argument{}, got {n}", plural(max)))
            } else {
                None
            }
        }
        Rule::Clinic(params, min) => {
            if n > params.len() {
                Some(format!("{name}() takes at most {} argument{} ({n} given)", params.len(), plural(params.len())))
            } else if n < min {
                Some(match name {
                    "enumerate" => format!("{name}() missing required argument '{}'", params[n]),
                    _ => format!("{name}() missing required argument '{}' (pos {})", params[n], n + 1),
                })
            } else {
                None
            }
        }
        Rule::PosOnly(min, max) => {
            if n < min {
                Some(format!("{name}() takes at least {min} positional argument{} ({n} given)", plural(min)))
            } else if n > max {
                Some(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max)))
            } else {
                None
            }
        }
        Rule::Own(counts, min, message) => {
            let refused = if counts.is_empty() { n < min } else { !counts.contains(&n) };
            refused.then(|| message.to_string())
        }
        Rule::NoArgs if keywords => Some(format!("{name}() takes no keyword arguments")),
        Rule::NoArgs => (n != 0).then(|| format!("{name}() takes no arguments ({n} given)")),
        Rule::Tuple(min, max) if n < min || n > max => {
            let (how, k) = match (min == max, n < min) {
                (true, _) => ("exactly", min),
                (false, true) => ("at least", min),
                (false, false) => ("at most", max),
            };
            Some(format!("{name}() takes {how} {k} argument{} ({n} given)", plural(k)))
        }
        Rule::Tuple(..) => None,
    }
}

/// Refuses, as CPython does, a call of a built-in function or type (the very one of the
/// builtins, not a function or class of the same name) with a number of positional
/// arguments it does not take. Keywords naming the parameters of `round`, `pow` and
/// `enumerate` are made the positional arguments they stand for, as Argument Clinic does.
/// A method of a built-in type bound to its object is checked by `methodarity`.
pub fn check(
    cx: &crate::interp::Cx,
    f: &crate::value::Value,
    args: &mut crate::value::Args,
) -> Result<(), crate::interp::Ctrl> {
    use crate::value::Value;
    let name = match f {
        Value::Builtin(b) if matches!(b.this, Value::None) => &*b.name,
        Value::Builtin(b) => return crate::methodarity::check_bound(cx, b, args),
        Value::Class(c) if c.module == "builtins" => &*c.name,
        Value::Class(c) if crate::aio::classes::is_native_class(c) => {
            return crate::aio::arity::check_class(cx, &c.name, args)
        }
        _ => return Ok(()),
    };
    let (rule, keywords) = (rule(name), keywords(name));
    if rule.is_none() && keywords.is_none() {
        return match f {
            Value::Builtin(b) => crate::aio::arity::check_function(cx, b, args),
            _ => Ok(()),
        };
    }
    let same = match (cx.interp.builtins.borrow().get(name), f) {
        (Some(Value::Builtin(x)), Value::Builtin(y)) => std::rc::Rc::ptr_eq(x, y),
        (Some(Value::Class(x)), Value::Class(y)) => std::rc::Rc::ptr_eq(x, y),
        _ => false,
    };
    if !same {
        return Ok(());
    }
    if let (Some(Rule::Clinic(params, _)), "round" | "pow" | "enumerate") = (&rule, name) {
        for p in params.iter().skip(args.pos.len()) {
            match args.take_kw(p) {
                Some(v) => args.pos.push(v),
                None => break,
            }
        }
    }
    if let Some(message) = rule.and_then(|rule| refusal(rule, name, args.pos.len(), !args.kw.is_empty())) {
        return Err(cx.type_err(message));
    }
    match keywords {
        Some((shown, params)) => invalid_keywords(cx, args, shown, params),
        None => Ok(()),
    }
}

/// CPython's `TypeError` message for required parameters a call left out (`format_missing` in
/// `ceval.c`): `f() missing 1 required positional argument: 'a'`, `... arguments: 'a' and
/// 'b'`, `... 'a', 'b', and 'c'`; `kind` is `positional` or `keyword-only`.
pub fn missing(func: &str, kind: &str, names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let n = names.len();
    format!("{func}() missing {n} required {kind} argument{}: {list}", plural(n))
}

/// The first keyword argument of `args` that is not one of `params`.
fn unknown_keyword<'a>(args: &'a crate::value::Args, params: &[&str]) -> Option<&'a str> {
    args.kw.iter().map(|(k, _)| k.as_ref()).find(|k| !params.contains(k))
}

/// The keyword arguments the built-in `name` takes, and the name its message gives it, for
/// those that take some.
fn keywords(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    Some(match name {
        "sorted" => ("sort", &["key", "reverse"]),
        "print" => ("print", &["sep", "end", "file", "flush"]),
        "min" => ("min", &["key", "default"]),
        "max" => ("max", &["key", "default"]),
        "enumerate" => ("enumerate", &["iterable", "start"]),
        "round" => ("round", &["number", "ndigits"]),
        "pow" => ("pow", &["base", "exp", "mod"]),
        "int" => ("int", &["base"]),
        "str" => ("str", &["object", "encoding", "errors"]),
        "sum" => ("sum", &["start"]),
        "zip" => ("zip", &["strict"]),
        _ => return None,
    })
}

/// CPython's `TypeError` for a keyword argument a built-in does not take, as its argument
/// parsing says it (`'reversed' is an invalid keyword argument for sort()`).
pub fn invalid_keywords(
    cx: &crate::interp::Cx,
    args: &crate::value::Args,
    func: &str,
    params: &[&str],
) -> Result<(), crate::interp::Ctrl> {
    match unknown_keyword(args, params) {
        Some(k) => Err(cx.type_err(format!("'{k}' is an invalid keyword argument for {func}()"))),
        None => Ok(()),
    }
}
