//! `str.format` and the padding methods of `str`.

use crate::format::format_value;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};

/// `template.format(*args, **kwargs)`, built as CPython's `string.Formatter` reads a template:
/// `{name.attr[key]!conv:spec}`, where the spec may itself hold replacement fields (one level).
pub fn str_format(cx: &Cx, template: &str, a: Args) -> Result<Value, Ctrl> {
    let mut auto = Auto::Unused;
    render(cx, template, &a, &mut auto, 2)
}

/// How fields are numbered: CPython refuses to mix `{}` with `{0}`.
#[derive(Clone, Copy, PartialEq)]
enum Auto {
    Unused,
    Next(usize),
    Manual,
}

fn render(cx: &Cx, template: &str, a: &Args, auto: &mut Auto, depth: u8) -> Result<Value, Ctrl> {
    if depth == 0 {
        return Err(cx.err("ValueError", "Max string recursion exceeded"));
    }
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '{' || c == '}') && chars.get(i + 1) == Some(&c) {
            out.push(c);
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(cx.err("ValueError", "Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut level = 1;
        // In the field's name, a `[key]` may hold braces.
        let (mut in_name, mut in_key) = (true, false);
        i += 1;
        while i < chars.len() && level > 0 {
            match chars[i] {
                '[' if in_name => in_key = true,
                ']' if in_key => in_key = false,
                _ if in_key => {}
                ':' | '!' => in_name = false,
                '{' => level += 1,
                '}' => level -= 1,
                _ => {}
            }
            i += 1;
        }
        if level > 0 {
            return Err(cx.err("ValueError", "expected '}' before end of string"));
        }
        let field: String = chars[start..i - 1].iter().collect();
        out.push_str(&replace(cx, &field, a, auto, depth)?);
    }
    Ok(Value::Str(out.into()))
}

/// One replacement field's text, formatted.
fn replace(cx: &Cx, field: &str, a: &Args, auto: &mut Auto, depth: u8) -> Result<String, Ctrl> {
    // The name ends at the first `!` or `:` outside brackets.
    let mut end = field.len();
    let mut in_key = false;
    for (k, ch) in field.char_indices() {
        match ch {
            '[' => in_key = true,
            ']' => in_key = false,
            '!' | ':' if !in_key => {
                end = k;
                break;
            }
            _ => {}
        }
    }
    let (name, rest) = field.split_at(end);
    let (conv, spec) = match rest.strip_prefix('!') {
        Some(r) => {
            let mut it = r.chars();
            let conv = it.next();
            let after = it.as_str();
            if !(after.is_empty() || after.starts_with(':')) {
                return Err(cx.err("ValueError", "expected ':' after conversion specifier"));
            }
            (conv, after.strip_prefix(':').unwrap_or(""))
        }
        None => (None, rest.strip_prefix(':').unwrap_or("")),
    };
    let v = lookup(cx, name, a, auto)?;
    let v = match conv {
        Some('r') => Value::Str(cx.to_repr(&v)?.into()),
        Some('a') => Value::Str(crate::escapes::ascii(&cx.to_repr(&v)?).into()),
        Some('s') => Value::Str(cx.to_str(&v)?.into()),
        Some(c) => return Err(cx.err("ValueError", format!("Unknown conversion specifier {c}"))),
        None => v,
    };
    let spec = if spec.contains('{') {
        match render(cx, spec, a, auto, depth - 1)? {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        }
    } else {
        spec.to_string()
    };
    let s = cx.to_str(&v)?;
    format_value(&v, &spec, &s).map_err(|e| e.raise(cx))
}

/// The value a field names: an argument, then `.attr` and `[key]` parts.
fn lookup(cx: &Cx, name: &str, a: &Args, auto: &mut Auto) -> Result<Value, Ctrl> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let index = |k: usize| {
        a.pos.get(k).cloned().ok_or_else(|| {
            cx.err("IndexError", format!("Replacement index {k} out of range for positional args tuple"))
        })
    };
    let mut v = if first.is_empty() {
        let k = match *auto {
            Auto::Manual => {
                return Err(
                    cx.err("ValueError", "cannot switch from manual field specification to automatic field numbering")
                )
            }
            Auto::Unused => 0,
            Auto::Next(k) => k,
        };
        *auto = Auto::Next(k + 1);
        index(k)?
    } else if let Ok(k) = first.parse::<usize>() {
        if let Auto::Next(_) = auto {
            return Err(
                cx.err("ValueError", "cannot switch from automatic field numbering to manual field specification")
            );
        }
        *auto = Auto::Manual;
        index(k)?
    } else {
        a.kw.iter()
            .find(|(k, _)| k.as_ref() == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| Ctrl::Exc(crate::builtins::new_exc(cx, "KeyError", vec![Value::Str(first.into())])))?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            if e == 0 {
                return Err(cx.err("ValueError", "Empty attribute in format string"));
            }
            v = cx.getattr(&v, &r[..e])?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(e) = r.find(']') else {
                return Err(cx.err("ValueError", "Missing ']' in format string"));
            };
            let key = &r[..e];
            let key = match key.parse::<i128>() {
                Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => Value::Int(n),
                _ => Value::Str(key.into()),
            };
            let got = crate::interp::call::run_sync(&cx.interp, cx.getitem(&v, &key));
            v = got.unwrap_or_else(|| Err(cx.type_err("a subscript in a format string cannot wait")))?;
            rest = &r[e + 1..];
            if !(rest.is_empty() || rest.starts_with(['.', '['])) {
                return Err(cx.err("ValueError", "Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(cx.err("ValueError", "Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}

/// The width a padding method is given (`center`, `zfill`...): a negative one pads nothing, and one
/// past the playground's limit on a string's size is a `MemoryError`, as CPython's would be.
pub fn width_arg(cx: &Cx, a: &Args) -> Result<usize, Ctrl> {
    match a.pos.first() {
        Some(Value::Int(w)) if *w > crate::interp::ops::MAX_ITEMS as i128 => {
            Err(cx.err("MemoryError", "string too large for the playground"))
        }
        Some(Value::Int(w)) => Ok((*w).max(0) as usize),
        Some(Value::Bool(b)) => Ok(*b as usize),
        Some(v) => {
            Err(cx.type_err(format!("'{}' object cannot be interpreted as an integer", crate::format::type_name(v))))
        }
        None => Err(cx.type_err("the method takes a width (an integer)")),
    }
}

/// `s.center(width, fill)`, `s.ljust(...)`, `s.rjust(...)`.
pub fn pad(cx: &Cx, s: &str, a: &Args, how: char) -> Result<Value, Ctrl> {
    let width = width_arg(cx, a)?;
    let fill = match a.pos.get(1) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        None => ' ',
        _ => return Err(cx.type_err("The fill character must be exactly one character long")),
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s.into()));
    }
    let total = width - n;
    let (left, right) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(Value::Str(format!("{}{s}{}", f(left), f(right)).into()))
}
