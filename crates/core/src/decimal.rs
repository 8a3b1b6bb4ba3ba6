//! Decimal text to `f64`, correctly rounded (to nearest, ties to even), as `str::parse` does,
//! in a few hundred bytes of WebAssembly: the standard library's parser carries a 10 KB
//! table of powers of five. A first guess from the leading digits is moved up, one float at
//! a time, until the exact value (compared in integers) is below the midpoint to the next.

use std::cmp::Ordering;

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of the point),
/// or `inf`, `infinity`, `nan` in any case, as `str::parse::<f64>` does.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if ["inf", "infinity"].iter().any(|w| body.eq_ignore_ascii_case(w)) {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        finite(body)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An unsigned decimal number's nearest float.
fn finite(body: &str) -> Option<f64> {
    let (number, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], exponent_of(&body[at + 1..])?),
        None => (body, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The value is `digits * 10^exponent`, without leading or trailing zeros.
    let all = format!("{whole}{fraction}");
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    if digits.is_empty() {
        return Some(0.0);
    }
    let trailing = all.len() - all.trim_end_matches('0').len();
    let exponent = exponent.saturating_add(trailing as i64).saturating_sub(fraction.len() as i64);
    let magnitude = digits.len() as i64 + exponent; // the value is below 10^magnitude
    if magnitude > 310 {
        return Some(f64::INFINITY);
    }
    if magnitude < -330 {
        return Some(0.0);
    }
    Some(nearest(digits, exponent as i32))
}

/// An exponent's digits (signed), saturating far beyond any float's range.
fn exponent_of(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0i64, |v, b| (v * 10 + i64::from(b - b'0')).min(1 << 40));
    Some(if negative { -value } else { value })
}

/// The float nearest to `digits * 10^exponent` (digits without leading zeros).
fn nearest(digits: &str, exponent: i32) -> f64 {
    let lead: u64 = digits.bytes().take(19).fold(0, |v, b| v * 10 + u64::from(b - b'0'));
    let rest = digits.len().saturating_sub(19) as i32;
    let mut z = scaled(lead as f64, exponent + rest).min(f64::MAX);
    // value = digits * 10^exponent, against the midpoints around z, compared as integers.
    let mut value = Big::from_digits(digits);
    let mut tens = Big::from(1);
    if exponent >= 0 {
        value.mul_pow10(exponent as u32);
    } else {
        tens.mul_pow10(exponent.unsigned_abs());
    }
    let even = |a: f64, b: f64| if a.to_bits() & 1 == 0 { a } else { b };
    loop {
        let above = compare(&value, &tens, z);
        if above == Ordering::Greater {
            if z == f64::MAX {
                return f64::INFINITY;
            }
            z = up(z);
            continue;
        }
        let below = if z > 0.0 { compare(&value, &tens, down(z)) } else { Ordering::Greater };
        match (below, above) {
            (Ordering::Less, _) => z = down(z),
            (_, Ordering::Equal) if z == f64::MAX => return f64::INFINITY,
            (_, Ordering::Equal) => return even(z, up(z)),
            (Ordering::Equal, _) => return even(z, down(z)),
            _ => return z,
        }
    }
}

/// The next float above `z` (finite, not negative).
fn up(z: f64) -> f64 {
    f64::from_bits(z.to_bits() + 1)
}

/// The next float below `z` (above zero).
fn down(z: f64) -> f64 {
    f64::from_bits(z.to_bits() - 1)
}

/// `value` against `tens * midpoint`, where the midpoint lies between `z` and the next float
/// up (the gap above `z` is `2^e` for `z = m * 2^e`, also where the next float starts a binade).
fn compare(value: &Big, tens: &Big, z: f64) -> Ordering {
    let bits = z.to_bits();
    let (stored, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if stored == 0 { (fraction, -1074) } else { (fraction | (1 << 52), stored - 1075) };
    let mut left = value.clone();
    let mut right = tens.clone();
    right.mul_small(2 * m + 1);
    if e > 0 {
        right.shl((e - 1) as u32);
    } else {
        left.shl((1 - e) as u32);
    }
    left.compare(&right)
}

/// `x * 10^k`, near enough for a first guess (within a few dozen units in the last place).
fn scaled(x: f64, k: i32) -> f64 {
    let mut x = x;
    let mut k = k;
    while k > 300 {
        x *= 1e300;
        k -= 300;
    }
    while k < -300 {
        x *= 1e-300;
        k += 300;
    }
    let p = 10f64.powi(k.abs());
    if k >= 0 {
        x * p
    } else {
        x / p
    }
}

/// An unsigned integer, as 32-bit limbs from the least significant.
#[derive(Clone)]
struct Big(Vec<u32>);

impl From<u32> for Big {
    fn from(v: u32) -> Big {
        Big(vec![v])
    }
}

impl Big {
    fn from_digits(digits: &str) -> Big {
        let mut b = Big::from(0);
        for chunk in digits.as_bytes().chunks(9) {
            let v = chunk.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
            b.mul_small(10u64.pow(chunk.len() as u32));
            b.add_small(v);
        }
        b
    }

    fn mul_small(&mut self, by: u64) {
        let mut carry: u128 = 0;
        for limb in &mut self.0 {
            let v = u128::from(*limb) * u128::from(by) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        while carry > 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
    }

    fn add_small(&mut self, v: u64) {
        let mut carry = v;
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let s = u64::from(*limb) + carry;
            *limb = s as u32;
            carry = s >> 32;
        }
        while carry > 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(19);
            self.mul_small(10u64.pow(step));
            k -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (u64::from(*limb) << bits) | carry;
                *limb = v as u32;
                carry = v >> 32;
            }
            if carry > 0 {
                self.0.push(carry as u32);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn len(&self) -> usize {
        self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1)
    }

    fn compare(&self, other: &Big) -> Ordering {
        let (a, b) = (self.len(), other.len());
        a.cmp(&b).then_with(|| self.0[..a].iter().rev().cmp(other.0[..b].iter().rev()))
    }
}
