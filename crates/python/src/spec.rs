//! Format specs (`{x:>8.2f}`): CPython's format mini-language for numbers and strings (the
//! floats' digits are laid out by [`crate::floattext`]).

use crate::floattext::float_text;
use crate::format::type_name;
use crate::value::Value;

/// Why a format spec does not apply to a value: the exception CPython raises, with its message.
#[derive(Debug)]
pub enum SpecError {
    /// `ValueError`: the spec is not one the value's type takes.
    Value(String),
    /// `TypeError`: the value's type takes no spec at all.
    Type(String),
    /// `OverflowError`: `c` of an integer past Unicode's last code point.
    Overflow(String),
}

impl From<String> for SpecError {
    fn from(message: String) -> SpecError {
        SpecError::Value(message)
    }
}

impl SpecError {
    /// The exception, raised in `cx`.
    pub fn raise(self, cx: &crate::interp::Cx) -> crate::interp::Ctrl {
        match self {
            SpecError::Value(m) => cx.err("ValueError", m),
            SpecError::Type(m) => cx.err("TypeError", m),
            SpecError::Overflow(m) => cx.err("OverflowError", m),
        }
    }
}

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
    group_to(int_part, sep, every, 0)
}

/// Digits grouped as [`group`], and zeros before them, grouped too, until the text is at
/// least `min` long (never starting with `sep`), as CPython's zero padding of grouped digits.
fn group_to(digits: &str, sep: char, every: usize, min: usize) -> String {
    let mut rev: Vec<char> = Vec::new();
    let mut all = digits.chars().rev();
    let mut placed = 0;
    loop {
        let next = all.next();
        if next.is_none() && rev.len() >= min {
            break;
        }
        if placed > 0 && placed % every == 0 {
            rev.push(sep);
        }
        rev.push(next.unwrap_or('0'));
        placed += 1;
    }
    rev.into_iter().rev().collect()
}

/// The text of an int under an integer type (`d n x X b o c`), without its sign; `Err` as CPython's.
fn int_text(i: i128, s: &Spec, k: char) -> Result<String, SpecError> {
    if s.precision.is_some() {
        return Err(SpecError::Value("Precision not allowed in integer format specifier".into()));
    }
    if s.no_neg_0 {
        return Err(SpecError::Value("Negative zero coercion (z) not allowed in integer format specifier".into()));
    }
    let m = i.unsigned_abs();
    Ok(match k {
        'c' if s.sign.is_some() => {
            return Err(SpecError::Value("Sign not allowed with integer format specifier 'c'".into()))
        }
        'c' if s.alt => {
            return Err(SpecError::Value("Alternate form (#) not allowed with integer format specifier 'c'".into()))
        }
        'c' => match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(c) => c.to_string(),
            None => return Err(SpecError::Overflow("%c arg not in range(0x110000)".into())),
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
pub fn format_value(v: &Value, spec: &str, as_str: &str) -> Result<String, SpecError> {
    if spec.is_empty() {
        return Ok(as_str.to_string());
    }
    let s = parse_spec(spec, &type_name(v))?;
    let unknown =
        |k: char| Err(SpecError::Value(format!("Unknown format code '{k}' for object of type '{}'", type_name(v))));
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
            return Err(SpecError::Value(format!("Cannot specify '{sep}' with '{k}'.")));
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
                return Err(SpecError::Value(format!("{p} in string format specifier")));
            }
            (false, s.precision.map_or_else(|| as_str.to_string(), |p| as_str.chars().take(p).collect()))
        }
        // Other objects take no spec (`object.__format__`).
        _ => return Err(SpecError::Type(format!("unsupported format string passed to {}.__format__", type_name(v)))),
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
    if let (Some(sep), '0', '=', true) = (s.grouping, fill, align, number && !s.alt) {
        // Zeros that pad grouped digits are grouped too (`1234:010,` is `00,001,234`).
        let every = if matches!(s.kind, Some('x' | 'X' | 'b' | 'o')) { 4 } else { 3 };
        let digit = |c: char| c == sep || if every == 4 { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
        let end = text.find(|c: char| !digit(c)).unwrap_or(text.len());
        if end > 0 {
            let digits: String = text[..end].chars().filter(|&c| c != sep).collect();
            let min = s.width.saturating_sub(sign.len() + text[end..].chars().count());
            return Ok(format!("{sign}{}{}", group_to(&digits, sep, every, min), &text[end..]));
        }
    }
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
