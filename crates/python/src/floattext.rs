//! CPython's float-to-text layout (`format_float_short` of `pystrtod.c`): what format specs'
//! float types write, and what `repr` of a float writes.

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
pub(crate) fn float_text(x: f64, kind: Option<char>, precision: Option<usize>, alt: bool) -> String {
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
