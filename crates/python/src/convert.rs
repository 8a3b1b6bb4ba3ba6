//! Built-in conversions (`int`, `float`, `str`, `dict`, `range`) and the small built-in functions.

use crate::format::type_name;
use crate::interp::ops::range_len;
use crate::interp::{call_sync, Ctrl, Cx};
use crate::value::{hash_key, identity, Args, Dict, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `int(x)`.
pub fn int(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let base = a.take_kw("base").or_else(|| a.pos.get(1).cloned());
    if base.is_some() && !matches!(a.pos.first(), Some(Value::Str(_))) {
        return Err(cx.type_err(match a.pos.first() {
            None => "int() missing string argument",
            Some(_) => "int() can't convert non-string with explicit base",
        }));
    }
    Ok(Value::Int(match a.pos.first() {
        None => 0,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i128,
        Some(Value::Float(f)) => float_to_int(cx, *f)?,
        Some(Value::Str(s)) => {
            let base = match &base {
                Some(Value::Int(b)) if *b == 0 || (2..=36).contains(b) => *b as u32,
                Some(Value::Int(_)) => return Err(cx.err("ValueError", "int() base must be >= 2 and <= 36, or 0")),
                _ => 10,
            };
            int_of_str(s, base).ok_or_else(|| {
                cx.err(
                    "ValueError",
                    format!("invalid literal for int() with base {base}: {}", crate::format::str_repr(s)),
                )
            })?
        }
        Some(other) => {
            return Err(cx.type_err(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(other)
            )))
        }
    }))
}

/// The integer `text` writes in `base` (2 to 36, or 0: the base its prefix says, else
/// decimal without leading zeros), as `int(text, base)` reads it: surrounding whitespace, a
/// sign, the prefix `0x`/`0o`/`0b` where the base is its own or 0, underscores between digits.
fn int_of_str(text: &str, base: u32) -> Option<i128> {
    let (text, auto) = (text.trim(), base == 0);
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let prefixed = match body.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (base, digits, lead) = match prefixed {
        Some(own) if base == 0 || base == own => (own, &body[2..], true),
        _ => (if base == 0 { 10 } else { base }, body, false),
    };
    let digits = crate::underscores::without_underscores(digits, base, lead).ok()?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    if auto && base == 10 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
        return None; // `int("010", 0)`: a decimal with leading zeros, as in a literal
    }
    let value = i128::from_str_radix(&digits, base).ok()?;
    Some(if negative { -value } else { value })
}

/// `float(x)`.
pub fn float(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    Ok(Value::Float(match a.pos.first() {
        None => 0.0,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(Value::Float(f)) => *f,
        // Signs, `inf`, `infinity` and `nan` in any case are the parser's, as CPython's.
        Some(Value::Str(s)) => {
            let t = crate::underscores::without_underscores(s.trim(), 10, false).ok();
            t.and_then(|t| playground_core::decimal::parse_f64(&t)).ok_or_else(|| {
                cx.err("ValueError", format!("could not convert string to float: {}", crate::format::str_repr(s)))
            })?
        }
        Some(other) => {
            return Err(
                cx.type_err(format!("float() argument must be a string or a real number, not '{}'", type_name(other)))
            )
        }
    }))
}

/// `str(x)`.
pub fn str_(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    Ok(Value::Str(a.pos.first().map(|v| cx.to_str(v)).transpose()?.unwrap_or_default().into()))
}

/// `dict(...)`.
pub fn dict(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let mut d = Dict::new();
    if let Some(src) = a.pos.first() {
        match src {
            Value::Dict(other) => d = other.borrow().clone(),
            other => {
                let mut pairs = cx.cursor(other)?;
                let mut at = 0;
                while let Some(pair) = pairs.pull()? {
                    let kv = cx.iterate(&pair).map_err(|_| {
                        let msg = format!("cannot convert dictionary update sequence element #{at} to a sequence");
                        cx.type_err(msg)
                    })?;
                    if kv.len() != 2 {
                        let msg =
                            format!("dictionary update sequence element #{at} has length {}; 2 is required", kv.len());
                        return Err(cx.err("ValueError", msg));
                    }
                    at += 1;
                    d.insert(hash_key(&kv[0]).ok_or_else(|| cx.unhashable(&kv[0]))?, kv[0].clone(), kv[1].clone());
                }
            }
        }
    }
    for (k, v) in a.kw {
        d.insert(crate::value::HashKey::Str(k.clone()), Value::Str(k), v);
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

/// An integer argument (`bool` included).
pub fn int_of(cx: &Cx, v: &Value) -> Result<i128, Ctrl> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i128),
        other => Err(cx.type_err(format!("'{}' object cannot be interpreted as an integer", type_name(other)))),
    }
}

/// `range(...)`.
pub fn range(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let n: Vec<i64> = a
        .pos
        .iter()
        .map(|v| {
            int_of(cx, v)
                .and_then(|i| i64::try_from(i).map_err(|_| cx.err("OverflowError", "range() argument too large")))
        })
        .collect::<Result<_, _>>()?;
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => return Err(cx.type_err(format!("range expected at most 3 arguments, got {}", n.len()))),
    };
    if step == 0 {
        return Err(cx.err("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(Value::Range(start, stop, step))
}

fn len(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let v = a.pos.first().cloned().unwrap_or(Value::None);
    if let Some(view) = crate::dictview::view_of(&v) {
        return Ok(Value::Int(view.len() as i128));
    }
    Ok(Value::Int(match &v {
        Value::Str(s) => s.chars().count() as i128,
        Value::List(l) => l.borrow().len() as i128,
        Value::Tuple(t) => t.len() as i128,
        Value::Dict(d) | Value::Set(d) => d.borrow().len() as i128,
        Value::Range(a, b, c) => range_len(*a, *b, *c) as i128,
        Value::Instance(i) if i.class.lookup("__len__").is_some() => {
            let m = cx.getattr(&v, "__len__")?;
            return call_sync(cx, m, Args::default());
        }
        other => return Err(cx.type_err(format!("object of type '{}' has no len()", type_name(other)))),
    }))
}

fn num(cx: &Cx, v: &Value) -> Result<f64, Ctrl> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(cx.type_err(format!("must be real number, not {}", type_name(other)))),
    }
}

fn round(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let v = a.pos.first().cloned().unwrap_or(Value::None);
    let digits = a.pos.get(1).filter(|d| !matches!(d, Value::None));
    if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_)) {
        return Err(cx.type_err(format!("type {} doesn't define __round__ method", type_name(&v))));
    }
    match (&v, digits) {
        (Value::Int(_) | Value::Bool(_), None) => Ok(Value::Int(int_of(cx, &v)?)),
        (Value::Int(i), Some(d)) => {
            let d = int_of(cx, d)?;
            if d >= 0 {
                return Ok(Value::Int(*i));
            }
            // To a multiple of 10**-d, ties to even, as CPython's int.__round__.
            let Some(p) = u32::try_from(-d).ok().and_then(|e| 10i128.checked_pow(e)) else { return Ok(Value::Int(0)) };
            let (q, r) = (i.div_euclid(p), i.rem_euclid(p));
            let up = 2 * r > p || (2 * r == p && q % 2 != 0);
            Ok(Value::Int((q + i128::from(up)) * p))
        }
        (_, None) => {
            let x = num(cx, &v)?;
            let r = x.round();
            let r = if (x - x.trunc()).abs() == 0.5 { 2.0 * (x / 2.0).round() } else { r };
            Ok(Value::Int(float_to_int(cx, r)?))
        }
        (_, Some(d)) => {
            let x = num(cx, &v)?;
            let d = int_of(cx, d)?.min(400);
            if !x.is_finite() {
                return Ok(Value::Float(x));
            }
            if d < 0 {
                let r = round_to_tens(x, (-d).min(400) as usize);
                if r.is_infinite() {
                    return Err(cx.err("OverflowError", "rounded value too large to represent"));
                }
                return Ok(Value::Float(r));
            }
            let s = format!("{:.*}", d as usize, x);
            Ok(Value::Float(playground_core::decimal::parse_f64(&s).unwrap_or(x)))
        }
    }
}

/// `x` rounded to a multiple of `10**k`, ties to even, from its exact value (as CPython's
/// `double_round`, which rounds the exact decimal expansion).
fn round_to_tens(x: f64, k: usize) -> f64 {
    let digits = format!("{:.0}", x.abs().trunc());
    let fraction = x.fract() != 0.0;
    let digits = format!("{}{digits}", "0".repeat((k + 1).saturating_sub(digits.len())));
    let (kept, dropped) = digits.split_at(digits.len() - k);
    let half = format!("5{}", "0".repeat(k - 1));
    let up = match dropped.cmp(half.as_str()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => fraction || kept.as_bytes().last().is_some_and(|d| (d - b'0') % 2 == 1),
        std::cmp::Ordering::Less => false,
    };
    let mut kept: Vec<u8> = kept.bytes().collect();
    if up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let text = format!("{}e{k}", String::from_utf8_lossy(&kept));
    let r = playground_core::decimal::parse_f64(&text).unwrap_or(0.0);
    if x.is_sign_negative() {
        -r
    } else {
        r
    }
}

/// An integral float as an integer: CPython's errors for infinities and NaN, the
/// playground's `OverflowError` beyond 128 bits.
pub fn float_to_int(cx: &Cx, f: f64) -> Result<i128, Ctrl> {
    if f.is_nan() {
        return Err(cx.err("ValueError", "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(cx.err("OverflowError", "cannot convert float infinity to integer"));
    }
    if f.abs() >= 1.0e38 {
        return Err(cx.err("OverflowError", "integer too large for the playground"));
    }
    Ok(f.trunc() as i128)
}

/// `pow(x, y, m)`: `x ** y % m` for integers, by squaring (CPython's errors for the rest).
fn pow_mod(cx: &Cx, x: &Value, y: &Value, m: &Value) -> Result<Value, Ctrl> {
    let (Ok(x), Ok(y), Ok(m)) = (int_of(cx, x), int_of(cx, y), int_of(cx, m)) else {
        return Err(cx.type_err("pow() 3rd argument not allowed unless all arguments are integers"));
    };
    if m == 0 {
        return Err(cx.err("ValueError", "pow() 3rd argument cannot be 0"));
    }
    if y < 0 {
        return Err(cx.err("ValueError", "base is not invertible for the given modulus"));
    }
    let (mut base, mut exp, mut out) = (x.rem_euclid(m), y, 1i128.rem_euclid(m));
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul_mod(out, base, m);
        }
        base = mul_mod(base, base, m);
        exp >>= 1;
    }
    // Python's remainder takes the modulus's sign.
    Ok(Value::Int(if m < 0 && out > 0 { out + m } else { out }))
}

/// `a * b mod m` for `0 <= a, b < |m|`, without overflowing 128 bits (by doubling).
fn mul_mod(a: i128, b: i128, m: i128) -> i128 {
    let m = m.abs();
    match a.checked_mul(b) {
        Some(p) => p.rem_euclid(m),
        None => {
            let (mut a, mut b, mut out) = (a % m, b, 0i128);
            while b > 0 {
                if b & 1 == 1 {
                    out = (out + a) % m;
                }
                a = (a * 2) % m;
                b >>= 1;
            }
            out
        }
    }
}

fn getattr_(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    let name = a.pos.get(1).map(|n| cx.to_str(n)).transpose()?.unwrap_or_default();
    match (cx.getattr(&obj, &name), a.pos.get(2)) {
        (Err(Ctrl::Exc(_)), Some(d)) => Ok(d.clone()),
        (r, _) => r,
    }
}

fn radix(cx: &Cx, a: &Args, prefix: &str) -> Result<Value, Ctrl> {
    let i = int_of(cx, a.pos.first().unwrap_or(&Value::None))?;
    let digits = match prefix {
        "0x" => format!("{:x}", i.unsigned_abs()),
        "0o" => format!("{:o}", i.unsigned_abs()),
        _ => format!("{:b}", i.unsigned_abs()),
    };
    Ok(Value::Str(format!("{}{prefix}{digits}", if i < 0 { "-" } else { "" }).into()))
}

/// The small built-in functions.
pub const FUNCTIONS: [(&str, NativeFn); 19] = [
    ("hex", |cx, _, a| radix(cx, &a, "0x")),
    ("oct", |cx, _, a| radix(cx, &a, "0o")),
    ("bin", |cx, _, a| radix(cx, &a, "0b")),
    ("id", |_, _, a| {
        Ok(Value::Int((identity(a.pos.first().unwrap_or(&Value::None)) as u64 & 0x7fff_ffff_ffff) as i128))
    }),
    ("issubclass", |cx, _, a| match (a.pos.first(), a.pos.get(1)) {
        (Some(Value::Class(c)), Some(Value::Class(k))) => Ok(Value::Bool(c.is_subclass(k))),
        (Some(Value::Class(c)), Some(Value::Tuple(ks))) => {
            Ok(Value::Bool(ks.iter().any(|k| matches!(k, Value::Class(k) if c.is_subclass(k)))))
        }
        _ => Err(cx.type_err("issubclass() arg 1 must be a class")),
    }),
    ("len", len),
    ("repr", |cx, _, a| Ok(Value::Str(cx.to_repr(a.pos.first().unwrap_or(&Value::None))?.into()))),
    ("ascii", |cx, _, a| {
        Ok(Value::Str(crate::escapes::ascii(&cx.to_repr(a.pos.first().unwrap_or(&Value::None))?).into()))
    }),
    ("abs", |cx, _, a| match a.pos.first() {
        Some(Value::Int(i)) => {
            i.checked_abs().map(Value::Int).ok_or_else(|| cx.err("OverflowError", "integer overflow"))
        }
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i128)),
        Some(Value::Float(f)) => Ok(Value::Float(f.abs())),
        Some(other) => Err(cx.type_err(format!("bad operand type for abs(): '{}'", type_name(other)))),
        None => Err(cx.type_err("abs() takes exactly one argument (0 given)")),
    }),
    ("round", round),
    ("getattr", getattr_),
    ("hasattr", |cx, _, a| {
        let obj = a.pos.first().cloned().unwrap_or(Value::None);
        let name = a.pos.get(1).map(|n| cx.to_str(n)).transpose()?.unwrap_or_default();
        Ok(Value::Bool(cx.getattr(&obj, &name).is_ok()))
    }),
    ("setattr", |cx, _, a| {
        let obj = a.pos.first().cloned().unwrap_or(Value::None);
        let name = a.pos.get(1).map(|n| cx.to_str(n)).transpose()?.unwrap_or_default();
        cx.setattr(&obj, &name, a.pos.get(2).cloned().unwrap_or(Value::None))?;
        Ok(Value::None)
    }),
    ("callable", |_, _, a| {
        Ok(Value::Bool(match a.pos.first() {
            Some(Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)) => true,
            Some(Value::Instance(i)) => i.class.lookup("__call__").is_some(),
            _ => false,
        }))
    }),
    ("ord", |cx, _, a| match a.pos.first() {
        Some(Value::Str(s)) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().map_or(0, |c| c as i128))),
        Some(Value::Str(s)) => {
            let n = s.chars().count();
            Err(cx.type_err(format!("ord() expected a character, but string of length {n} found")))
        }
        other => {
            let t = other.map_or("NoneType".into(), type_name);
            Err(cx.type_err(format!("ord() expected string of length 1, but {t} found")))
        }
    }),
    ("chr", |cx, _, a| {
        let i = int_of(cx, a.pos.first().unwrap_or(&Value::None))?;
        let c = char::from_u32(i as u32).ok_or_else(|| cx.err("ValueError", "chr() arg not in range(0x110000)"))?;
        Ok(Value::Str(c.to_string().into()))
    }),
    ("divmod", |cx, _, a| {
        let (x, y) = (a.pos.first().cloned().unwrap_or(Value::None), a.pos.get(1).cloned().unwrap_or(Value::None));
        let q = cx.binop(&x, crate::ast::BinOp::FloorDiv, &y)?;
        let r = cx.binop(&x, crate::ast::BinOp::Mod, &y)?;
        Ok(Value::Tuple(Rc::new(vec![q, r])))
    }),
    ("pow", |cx, _, a| {
        let (x, y) = (a.pos.first().cloned().unwrap_or(Value::None), a.pos.get(1).cloned().unwrap_or(Value::None));
        match a.pos.get(2).filter(|m| !matches!(m, Value::None)) {
            None => cx.binop(&x, crate::ast::BinOp::Pow, &y),
            Some(m) => pow_mod(cx, &x, &y, m),
        }
    }),
    ("hash", |cx, _, a| {
        let v = a.pos.first().cloned().unwrap_or(Value::None);
        let key = hash_key(&v).ok_or_else(|| cx.unhashable(&v))?;
        Ok(Value::Int(crate::hash::hash(&key) as i128))
    }),
];
