//! `str.format` and the padding methods of `str`.

use crate::format::format_value;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};

/// `template.format(*args, **kwargs)`.
pub fn str_format(cx: &Cx, template: &str, a: Args) -> Result<Value, Ctrl> {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut depth = 1;
        i += 1;
        while i < chars.len() && depth > 0 {
            match chars[i] {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return Err(cx.err("ValueError", "expected '}' before end of string"));
        }
        let field: String = chars[start..i - 1].iter().collect();
        let (head, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field.clone(), String::new()),
        };
        let (name, conv) = match head.find('!') {
            Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
            None => (head, None),
        };
        let mut parts = name.split('.');
        let first = parts.next().unwrap_or("");
        let mut v = if first.is_empty() {
            let v = a.pos.get(auto).cloned().ok_or_else(|| {
                cx.err("IndexError", format!("Replacement index {auto} out of range for positional args tuple"))
            })?;
            auto += 1;
            v
        } else if let Ok(k) = first.parse::<usize>() {
            a.pos.get(k).cloned().ok_or_else(|| {
                cx.err("IndexError", format!("Replacement index {k} out of range for positional args tuple"))
            })?
        } else {
            a.kw.iter()
                .find(|(k, _)| k.as_ref() == first)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Ctrl::Exc(crate::builtins::new_exc(cx, "KeyError", vec![Value::Str(first.into())])))?
        };
        for attr in parts {
            v = cx.getattr(&v, attr)?;
        }
        let v = match conv {
            Some('r') | Some('a') => Value::Str(cx.to_repr(&v).into()),
            Some(_) => Value::Str(cx.to_str(&v).into()),
            None => v,
        };
        let s = cx.to_str(&v);
        out.push_str(&format_value(&v, &spec, &s).map_err(|e| e.raise(cx))?);
    }
    Ok(Value::Str(out.into()))
}

/// `s.center(width, fill)`, `s.ljust(...)`, `s.rjust(...)`.
pub fn pad(cx: &Cx, s: &str, a: &Args, how: char) -> Result<Value, Ctrl> {
    let width = match a.pos.first() {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => return Err(cx.type_err("the width must be an integer")),
    };
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
