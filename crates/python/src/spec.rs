//! Format specs (`{x:>8.2f}`): CPython's format mini-language for numbers and strings.

use crate::format::{float_repr, type_name};
use crate::value::Value;

/// A parsed format spec: `[[fill]align][sign][#][0][width][,][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    /// The thousands separator: `,` or `_`.
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    if c.len() >= 2 && "<>^=".contains(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && "<>^=".contains(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && "+- ".contains(c[i]) {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(c[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < c.len() {
        s.kind = Some(c[i]);
        i += 1;
    }
    (i == c.len()).then_some(s)
}

/// Digits with `sep` between each group of `every`, from the right.
fn group(int_part: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    for (k, ch) in int_part.chars().enumerate() {
        if k > 0 && (int_part.len() - k) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn sci(x: f64, p: usize) -> String {
    let s = format!("{x:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn general(x: f64, p: usize) -> String {
    let p = p.max(1);
    if x == 0.0 {
        return "0".into();
    }
    let exp = x.abs().log10().floor() as i32;
    let s = if exp < -4 || exp >= p as i32 {
        sci(x, p - 1)
    } else {
        format!("{x:.*}", (p as i32 - 1 - exp).max(0) as usize)
    };
    if let Some((m, e)) = s.split_once('e') {
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        return format!("{m}e{e}");
    }
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Applies a format spec to a number or string; `Err` with CPython's message if it does not apply.
pub fn format_value(v: &Value, spec: &str, as_str: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(as_str.to_string());
    }
    let s = parse_spec(spec).ok_or_else(|| "Invalid format specifier".to_string())?;
    let number = matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_));
    let body = match (v, s.kind) {
        (Value::Int(_) | Value::Bool(_), None | Some('d')) if s.precision.is_none() || s.kind.is_none() => {
            let i = match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i128,
                _ => 0,
            };
            if s.precision.is_some() {
                return Err("Precision not allowed in integer format specifier".into());
            }
            let digits = i.unsigned_abs().to_string();
            let digits = match s.grouping {
                Some(sep) => group(&digits, sep, 3),
                None => digits,
            };
            if i < 0 {
                format!("-{digits}")
            } else {
                digits
            }
        }
        (Value::Int(i), Some(k @ ('x' | 'X' | 'b' | 'o'))) => {
            let m = i.unsigned_abs();
            let digits = match k {
                'x' => format!("{m:x}"),
                'X' => format!("{m:X}"),
                'b' => format!("{m:b}"),
                _ => format!("{m:o}"),
            };
            let digits = match s.grouping {
                Some('_') => group(&digits, '_', 4),
                Some(sep) => return Err(format!("Cannot specify '{sep}' with '{k}'.")),
                None => digits,
            };
            // `#`: the base's prefix, after the sign (`-0xff`).
            let prefix = if s.alt { format!("0{k}") } else { String::new() };
            if *i < 0 {
                format!("-{prefix}{digits}")
            } else {
                format!("{prefix}{digits}")
            }
        }
        (Value::Int(_) | Value::Float(_) | Value::Bool(_), Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%'))
        | (Value::Float(_), None) => {
            let k = s.kind;
            let x = match v {
                Value::Int(i) => *i as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::Float(f) => *f,
                _ => 0.0,
            };
            let p = s.precision.unwrap_or(6);
            let text = match k {
                Some('f') | Some('F') => format!("{:.*}", p, x.abs()),
                Some('%') => format!("{:.*}%", p, (x * 100.0).abs()),
                Some('e') | Some('E') => sci(x.abs(), p),
                Some('g') | Some('G') => general(x.abs(), p),
                _ => match s.precision {
                    Some(p) => general(x.abs(), p),
                    None => float_repr(x.abs()),
                },
            };
            // The upper-case types write their exponent, `inf` and `nan` in capitals.
            let text = if matches!(k, Some('E' | 'G' | 'F')) { text.to_uppercase() } else { text };
            let text = match s.grouping {
                Some(sep) => {
                    let (int, frac) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
                    format!("{}{}", group(int, sep, 3), frac)
                }
                None => text,
            };
            if x.is_sign_negative() && x != 0.0 {
                format!("-{text}")
            } else {
                text
            }
        }
        (Value::Str(_), None | Some('s')) => match s.precision {
            Some(p) => as_str.chars().take(p).collect(),
            None => as_str.to_string(),
        },
        (_, None) => as_str.to_string(),
        (_, Some(k)) => {
            return Err(format!("Unknown format code '{k}' for object of type '{}'", type_name(v)));
        }
    };
    let body = match s.sign {
        Some('+') if number && !body.starts_with('-') => format!("+{body}"),
        Some(' ') if number && !body.starts_with('-') => format!(" {body}"),
        _ => body,
    };
    let len = body.chars().count();
    if len >= s.width {
        return Ok(body);
    }
    let pad = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(if number { '>' } else { '<' }))
    };
    let fills = |n: usize| fill.to_string().repeat(n);
    Ok(match align {
        '<' => format!("{body}{}", fills(pad)),
        '^' => format!("{}{body}{}", fills(pad / 2), fills(pad - pad / 2)),
        '=' => {
            let signed = usize::from(body.starts_with(['-', '+', ' ']));
            // The sign, and the base's prefix of `#`, stay before the padding (`0x00ff`).
            let prefixed = s.alt && body[signed..].starts_with(['0']) && matches!(s.kind, Some('x' | 'X' | 'b' | 'o'));
            let (sign, rest) = body.split_at(signed + if prefixed { 2 } else { 0 });
            format!("{sign}{}{rest}", fills(pad))
        }
        _ => format!("{}{body}", fills(pad)),
    })
}
