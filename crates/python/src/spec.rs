//! Format specs (`{x:>8.2f}`): CPython's format mini-language for numbers and strings, and
//! CPython's float-to-text layout (`format_float_short` of `pystrtod.c`) that `repr` shares.

use crate::format::type_name;
use crate::value::Value;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    /// `z`: a negative zero (after rounding) is written without its sign.
    no_neg_0: bool,
    alt: bool,
    zero: bool,
    width: usize,
    /// The thousands separator: `,` or `_`.
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let invalid = || format!("Invalid format specifier '{spec}' for object of type '{type_name}'");
    if c.len() >= 2 && "<>^=".contains(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && "<>^=".contains(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    let flag = |i: &mut usize, f: char| {
        let found = c.get(*i) == Some(&f);
        *i += usize::from(found);
        found
    };
    if let Some(sign) = ['+', '-', ' '].into_iter().find(|&f| flag(&mut i, f)) {
        s.sign = Some(sign);
    }
    s.no_neg_0 = flag(&mut i, 'z');
    s.alt = flag(&mut i, '#');
    // `0` fills with zeros, unless a fill is given (then it starts the width).
    s.zero = s.fill.is_none() && flag(&mut i, '0');
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i].iter().collect::<String>().parse().map_err(|_| invalid())?;
    }
    if let Some(sep) = [',', '_'].into_iter().find(|&f| flag(&mut i, f)) {
        s.grouping = Some(sep);
        if c.get(i) == Some(if sep == ',' { &'_' } else { &',' }) {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if flag(&mut i, '.') {
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(c[start..i].iter().collect::<String>().parse().map_err(|_| invalid())?);
    }
    if i < c.len() {
        s.kind = Some(c[i]);
        i += 1;
    }
    if i == c.len() {
        Ok(s)
    } else {
        Err(invalid())
    }
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

/// The significant digits of finite `x >= 0` and the place of its decimal point (`1.5` is `("15", 1)`):
/// `Some(p)` digits rounded to even, or with `None` the fewest that read back as `x`. Zero is `0…`, 1.
fn digits(x: f64, p: Option<usize>) -> (Vec<u8>, i32) {
    let split = |s: &str| {
        let (m, e) = s.split_once('e').unwrap_or((s, "0"));
        (m.bytes().filter(u8::is_ascii_digit).collect::<Vec<u8>>(), e.parse::<i32>().unwrap_or(0) + 1)
    };
    let Some(p) = p else {
        // Of the shortest texts that read back as `x`, CPython's is the nearest (to even on a tie), which
        // Rust's need not be (`…349.25` as `…349.3`).
        let shortest = split(&format!("{x:e}"));
        let near = format!("{x:.*e}", shortest.0.len() - 1);
        return if playground_core::decimal::parse_f64(&near) == Some(x) { split(&near) } else { shortest };
    };
    split(&format!("{x:.*e}", p.saturating_sub(1)))
}

/// CPython's layout of `digits` with the decimal point after `decpt` of them, as an exponent if `use_exp`,
/// zero-padded to `end` digits (and to one past the point with `dot_0`); `alt` keeps a bare point.
fn layout(digits: &[u8], decpt: i32, use_exp: bool, end: usize, alt: bool, dot_0: bool) -> String {
    let (point, exp) = if use_exp { (1, decpt - 1) } else { (decpt, 0) };
    let end = (end as i32).max(point + i32::from(!use_exp && dot_0));
    let digit = |i: i32| usize::try_from(i).ok().and_then(|i| digits.get(i)).map_or('0', |&d| d as char);
    let mut out: String = if point <= 0 { "0".into() } else { (0..point).map(digit).collect() };
    if end > point || alt {
        out.push('.');
        out.extend((point..end).map(digit));
    }
    if use_exp {
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

/// `g` (and, with `dot_0`, a precision without a type): `p` significant digits, trailing zeros dropped
/// unless `alt`, an exponent below 1e-4 or from 1e`p` (1e`p-1` with `dot_0`).
fn general(x: f64, p: usize, alt: bool, dot_0: bool) -> String {
    let p = p.max(1);
    let (mut d, decpt) = digits(x, Some(p));
    while !alt && d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    let use_exp = decpt <= -4 || decpt > p as i32 - i32::from(dot_0);
    layout(&d, decpt, use_exp, if alt { p } else { d.len() }, alt, dot_0)
}

/// `|x|` as the float type `kind` writes it (no sign, padding or grouping): `None` with no precision is `repr`.
fn float_text(x: f64, kind: Option<char>, precision: Option<usize>, alt: bool) -> String {
    let x = x.abs();
    let p = precision.unwrap_or(6);
    let fixed = |x: f64| format!("{x:.p$}{}", if alt && p == 0 { "." } else { "" });
    let text = if !x.is_finite() {
        let t = if x.is_nan() { "nan" } else { "inf" };
        if kind == Some('%') {
            format!("{t}%")
        } else {
            t.to_string()
        }
    } else {
        match kind {
            Some('f' | 'F') => fixed(x),
            Some('%') => format!("{}%", fixed(x * 100.0)),
            Some('e' | 'E') => {
                let (d, decpt) = digits(x, Some(p + 1));
                layout(&d, decpt, true, p + 1, alt, false)
            }
            Some('g' | 'G' | 'n') => general(x, p, alt, false),
            _ => match precision {
                Some(p) => general(x, p, alt, true),
                None => {
                    let (d, decpt) = digits(x, None);
                    layout(&d, decpt, !(-3..=16).contains(&decpt), d.len(), alt, true)
                }
            },
        }
    };
    // The upper-case types write their exponent, `inf` and `nan` in capitals.
    if matches!(kind, Some('E' | 'G' | 'F')) {
        text.to_uppercase()
    } else {
        text
    }
}

/// A float's repr: the shortest text that reads back the same, in CPython's notation.
pub fn float_repr(x: f64) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() { "-" } else { "" };
    format!("{sign}{}", float_text(x, None, None, false))
}

/// The text of an int under an integer type (`d n x X b o c`), without its sign; `Err` as CPython's.
fn int_text(i: i128, s: &Spec, k: char) -> Result<String, String> {
    if s.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if s.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let m = i.unsigned_abs();
    Ok(match k {
        'c' if s.sign.is_some() => return Err("Sign not allowed with integer format specifier 'c'".into()),
        'c' if s.alt => return Err("Alternate form (#) not allowed with integer format specifier 'c'".into()),
        'c' => match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(c) => c.to_string(),
            None => return Err("%c arg not in range(0x110000)".into()),
        },
        'x' | 'X' | 'b' | 'o' => {
            let digits = match k {
                'x' => format!("{m:x}"),
                'X' => format!("{m:X}"),
                'b' => format!("{m:b}"),
                _ => format!("{m:o}"),
            };
            let digits = s.grouping.map_or_else(|| digits.clone(), |sep| group(&digits, sep, 4));
            // `#`: the base's prefix, after the sign (`-0xff`).
            if s.alt {
                format!("0{k}{digits}")
            } else {
                digits
            }
        }
        _ => s.grouping.map_or_else(|| m.to_string(), |sep| group(&m.to_string(), sep, 3)),
    })
}

/// Applies a format spec to a number or string; `Err` with CPython's message if it does not apply.
pub fn format_value(v: &Value, spec: &str, as_str: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(as_str.to_string());
    }
    let s = parse_spec(spec, &type_name(v))?;
    let unknown = |k: char| Err(format!("Unknown format code '{k}' for object of type '{}'", type_name(v)));
    let default_kind = match v {
        Value::Str(_) => Some('s'),
        Value::Int(_) | Value::Bool(_) => Some('d'),
        _ => None,
    };
    if let (Some(sep), Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::Float(_)) = (s.grouping, v) {
        let kind = s.kind.or(default_kind);
        let allowed = matches!(kind, None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F'))
            || (sep == '_' && matches!(kind, Some('b' | 'o' | 'x' | 'X')));
        if let (false, Some(k)) = (allowed, kind) {
            return Err(format!("Cannot specify '{sep}' with '{k}'."));
        }
    }
    let int = match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i128::from(*b)),
        _ => None,
    };
    let float = if let Value::Float(f) = v { Some(*f) } else { int.map(|i| i as f64) };
    let number = float.is_some();
    let (negative, text) = match (int, float) {
        (Some(i), _) if matches!(s.kind, None | Some('d' | 'n' | 'x' | 'X' | 'b' | 'o' | 'c')) => {
            (i < 0, int_text(i, &s, s.kind.unwrap_or('d'))?)
        }
        (_, Some(x)) if matches!(s.kind, None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            let text = float_text(x, s.kind, s.precision, s.alt);
            let text = match s.grouping {
                Some(sep) => {
                    let (int, frac) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
                    format!("{}{}", group(int, sep, 3), frac)
                }
                None => text,
            };
            // `z`: no sign for a zero after rounding (`-0.0001:z.2f` is `0.00`).
            let mantissa = text.split('e').next().unwrap_or("");
            let zero = x.is_finite() && mantissa.bytes().all(|b| !b.is_ascii_digit() || b == b'0');
            (x.is_sign_negative() && !x.is_nan() && !(s.no_neg_0 && zero), text)
        }
        (_, Some(_)) => return unknown(s.kind.unwrap_or(' ')),
        _ if matches!(v, Value::Str(_)) => {
            match s.kind {
                None | Some('s') => {}
                Some(k) => return unknown(k),
            }
            let problem = match (s.sign, s.no_neg_0, s.alt, s.align) {
                (Some(' '), ..) => Some("Space not allowed"),
                (Some(_), ..) => Some("Sign not allowed"),
                (_, true, ..) => Some("Negative zero coercion (z) not allowed"),
                (_, _, true, _) => Some("Alternate form (#) not allowed"),
                (.., Some('=')) => Some("'=' alignment not allowed"),
                _ => None,
            };
            if let Some(p) = problem {
                return Err(format!("{p} in string format specifier"));
            }
            (false, s.precision.map_or_else(|| as_str.to_string(), |p| as_str.chars().take(p).collect()))
        }
        _ => match s.kind {
            None => (false, as_str.to_string()),
            Some(k) => return unknown(k),
        },
    };
    let sign = match s.sign {
        _ if negative => "-",
        Some('+') if number => "+",
        Some(' ') if number => " ",
        _ => "",
    };
    let body = format!("{sign}{text}");
    let len = body.chars().count();
    if len >= s.width {
        return Ok(body);
    }
    let pad = s.width - len;
    // `0` is a fill of zeros, after the sign for a number whose alignment is not given.
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let align = s.align.unwrap_or(match (number, s.zero) {
        (true, true) => '=',
        (true, false) => '>',
        _ => '<',
    });
    let fills = |n: usize| fill.to_string().repeat(n);
    Ok(match align {
        '<' => format!("{body}{}", fills(pad)),
        '^' => format!("{}{body}{}", fills(pad / 2), fills(pad - pad / 2)),
        '=' => {
            // The sign, and the base's prefix of `#`, stay before the padding (`0x00ff`).
            let prefixed = s.alt && matches!(s.kind, Some('x' | 'X' | 'b' | 'o'));
            let (sign, rest) = body.split_at(sign.len() + if prefixed { 2 } else { 0 });
            format!("{sign}{}{rest}", fills(pad))
        }
        _ => format!("{}{body}", fills(pad)),
    })
}
