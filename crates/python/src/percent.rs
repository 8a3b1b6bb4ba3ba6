//! printf-style formatting, `text % values`, as CPython's `str.__mod__` does it:
//! `%[(key)][flags][width][.precision]type`, with `*` for a width or precision taken from
//! the values, the flags `-`, `+`, space, `#` and `0`, and the types `s r a c d i u o x X e
//! E f F g G %`.

use crate::format::{format_value, str_of, type_name};
use crate::interp::{Ctrl, Cx};
use crate::value::{hash_key, Value};

/// `template % args`.
pub fn percent_format(cx: &Cx, template: &str, args: &Value) -> Result<Value, Ctrl> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        // A mapping serves `%(key)s`, and is itself the one value of a plain `%s`, as in CPython.
        other => vec![other.clone()],
    };
    let mut values = items.into_iter();
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let spec_start = i;
        let mut keyed = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ')')
                .ok_or_else(|| cx.err("ValueError", "incomplete format key"))?;
            let key: String = chars[i + 1..i + end].iter().collect();
            i += end + 1;
            let Value::Dict(d) = args else { return Err(cx.type_err("format requires a mapping")) };
            let k = Value::Str(key.as_str().into());
            let found = hash_key(&k).and_then(|h| d.borrow().get(&h).cloned());
            keyed = Some(found.ok_or_else(|| Ctrl::Exc(crate::builtins::new_exc(cx, "KeyError", vec![k.clone()])))?);
        }
        let mut flags = String::new();
        while let Some(&f) = chars.get(i).filter(|f| "-+ #0".contains(**f)) {
            flags.push(f);
            i += 1;
        }
        let mut next = || values.next().ok_or_else(|| cx.type_err("not enough arguments for format string"));
        let number = |i: &mut usize, next: &mut dyn FnMut() -> Result<Value, Ctrl>| -> Result<Option<i128>, Ctrl> {
            if chars.get(*i) == Some(&'*') {
                *i += 1;
                return match next()? {
                    Value::Int(n) => Ok(Some(n)),
                    _ => Err(cx.type_err("* wants int")),
                };
            }
            let start = *i;
            while chars.get(*i).is_some_and(char::is_ascii_digit) {
                *i += 1;
            }
            Ok(chars[start..*i].iter().collect::<String>().parse().ok())
        };
        let width = number(&mut i, &mut next)?;
        let precision = match chars.get(i) {
            Some('.') => {
                i += 1;
                Some(number(&mut i, &mut next)?.unwrap_or(0).max(0) as usize)
            }
            _ => None,
        };
        while chars.get(i).is_some_and(|c| "hlL".contains(*c)) {
            i += 1;
        }
        let kind = *chars.get(i).ok_or_else(|| cx.err("ValueError", "incomplete format"))?;
        i += 1;
        // Only `%%` writes a `%`: CPython reads `%5%` as a conversion of an unsupported type.
        if kind == '%' && i == spec_start + 1 {
            out.push('%');
            continue;
        }
        let v = match keyed {
            Some(v) => v,
            None => next()?,
        };
        let left = flags.contains('-') || width.is_some_and(|w| w < 0);
        let width = width.map_or(0, |w| w.unsigned_abs() as usize);
        out.push_str(&convert(cx, kind, &flags, left, width, precision, &v, i - 1)?);
    }
    if !matches!(args, Value::Dict(_)) && values.next().is_some() {
        return Err(cx.type_err("not all arguments converted during string formatting"));
    }
    Ok(Value::Str(out.into()))
}

/// One conversion: its text, padded to `width` (on the right when `left`).
#[allow(clippy::too_many_arguments)]
fn convert(
    cx: &Cx,
    kind: char,
    flags: &str,
    left: bool,
    width: usize,
    precision: Option<usize>,
    v: &Value,
    at: usize,
) -> Result<String, Ctrl> {
    let pad = |text: String| {
        let n = text.chars().count();
        let fill = " ".repeat(width.saturating_sub(n));
        if left {
            format!("{text}{fill}")
        } else {
            format!("{fill}{text}")
        }
    };
    let text = match kind {
        's' | 'r' | 'a' => {
            let s = match kind {
                's' => cx.to_str(v)?,
                'r' => cx.to_repr(v)?,
                _ => crate::escapes::ascii(&cx.to_repr(v)?),
            };
            return Ok(pad(match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }));
        }
        'c' => {
            let ch = match v {
                Value::Str(s) if s.chars().count() == 1 => s.chars().next(),
                Value::Int(_) | Value::Bool(_) => {
                    let n = if let Value::Int(n) = v { *n } else { i128::from(matches!(v, Value::Bool(true))) };
                    let ch = u32::try_from(n).ok().and_then(char::from_u32);
                    Some(ch.ok_or_else(|| cx.err("OverflowError", "%c arg not in range(0x110000)"))?)
                }
                _ => None,
            };
            return Ok(pad(ch.ok_or_else(|| cx.type_err("%c requires int or char"))?.to_string()));
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let integer = matches!(kind, 'd' | 'i' | 'u' | 'o' | 'x' | 'X');
            let v = match v {
                Value::Float(f) if matches!(kind, 'd' | 'i' | 'u') => Value::Int(f.trunc() as i128),
                Value::Float(_) if integer => {
                    return Err(cx.type_err(format!("%{kind} format: an integer is required, not float")));
                }
                Value::Int(_) | Value::Bool(_) | Value::Float(_) => v.clone(),
                other if !integer => return Err(cx.type_err(format!("must be real number, not {}", type_name(other)))),
                other => {
                    let what = if matches!(kind, 'd' | 'i' | 'u') { "a real number" } else { "an integer" };
                    return Err(cx.type_err(format!("%{kind} format: {what} is required, not {}", type_name(other))));
                }
            };
            if let (true, Some(p), Value::Int(n)) = (integer, precision, &v) {
                return Ok(int_with_precision(*n, kind, flags, width, p, left));
            }
            if let (true, Some(p), Value::Bool(b)) = (integer, precision, &v) {
                return Ok(int_with_precision(i128::from(*b), kind, flags, width, p, left));
            }
            let mut spec = String::from(if left { "<" } else { "" });
            spec.extend(['+', ' '].into_iter().filter(|f| flags.contains(*f)).take(1));
            if flags.contains('#') && !matches!(kind, 'd' | 'i' | 'u') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
            if width > 0 {
                spec.push_str(&width.to_string());
            }
            if let Some(p) = precision.filter(|_| !integer) {
                spec.push_str(&format!(".{p}"));
            }
            spec.push(if integer && kind != 'o' && kind != 'x' && kind != 'X' { 'd' } else { kind });
            format_value(&v, &spec, &str_of(&v)).map_err(|e| e.raise(cx))?
        }
        other => {
            return Err(cx.err(
                "ValueError",
                format!("unsupported format character '{other}' (0x{:x}) at index {at}", other as u32),
            ))
        }
    };
    Ok(text)
}

/// `%.3d` and the like: an integer's precision is its least number of digits (CPython's
/// `_PyUnicode_FormatLong`), the `0` flag then pads to the width after the sign and prefix.
fn int_with_precision(n: i128, kind: char, flags: &str, width: usize, precision: usize, left: bool) -> String {
    let m = n.unsigned_abs();
    let digits = match kind {
        'o' => format!("{m:o}"),
        'x' => format!("{m:x}"),
        'X' => format!("{m:X}"),
        _ => m.to_string(),
    };
    let sign = if n < 0 {
        "-"
    } else if flags.contains('+') {
        "+"
    } else if flags.contains(' ') {
        " "
    } else {
        ""
    };
    let alt = match kind {
        'o' if flags.contains('#') => "0o",
        'x' if flags.contains('#') => "0x",
        'X' if flags.contains('#') => "0X",
        _ => "",
    };
    let digits = format!("{}{digits}", "0".repeat(precision.saturating_sub(digits.len())));
    let len = sign.len() + alt.len() + digits.len();
    let room = width.saturating_sub(len);
    if left {
        format!("{sign}{alt}{digits}{}", " ".repeat(room))
    } else if flags.contains('0') {
        format!("{sign}{alt}{}{digits}", "0".repeat(room))
    } else {
        format!("{}{sign}{alt}{digits}", " ".repeat(room))
    }
}
