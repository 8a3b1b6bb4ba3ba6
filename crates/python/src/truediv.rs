//! `int / int` correctly rounded, as CPython's `long_true_divide` makes it: the quotient of
//! the exact integers, rounded once to the nearest float (converting each to a float first
//! would round twice once they pass 2**53).

/// `a / b` for `b` not zero.
pub fn int_true_div(a: i128, b: i128) -> f64 {
    const EXACT: u128 = 1 << 53;
    let (m, n) = (a.unsigned_abs(), b.unsigned_abs());
    if a == 0 || (m <= EXACT && n <= EXACT) {
        return a as f64 / b as f64;
    }
    let magnitude = ratio(m, n);
    if (a < 0) != (b < 0) {
        -magnitude
    } else {
        magnitude
    }
}

/// `m / n` for positive `m` and `n`: a quotient of at least 66 bits, its last bit set if the
/// division was inexact (so that converting it rounds as the exact ratio would), then scaled.
fn ratio(m: u128, n: u128) -> f64 {
    let bits = |x: u128| 128 - x.leading_zeros() as i32;
    let shift = bits(n) - bits(m) + 66;
    if shift <= 0 {
        let q = (m / n) | u128::from(m % n != 0);
        return q as f64;
    }
    // Long division of `m * 2**shift` by `n`, a bit at a time (at most 256 steps).
    let (mut q, mut r) = (0u128, 0u128);
    let total = bits(m) + shift;
    for i in (0..total).rev() {
        let bit = if i >= shift { (m >> (i - shift)) & 1 } else { 0 };
        r = (r << 1) | bit;
        q <<= 1;
        if r >= n {
            r -= n;
            q |= 1;
        }
    }
    let q = q | u128::from(r != 0);
    q as f64 * 2f64.powi(-shift)
}

#[cfg(test)]
mod tests {
    use super::int_true_div;

    /// Quotients CPython 3.11 prints for the same divisions.
    #[test]
    fn matches_cpython() {
        let cases: [(i128, i128, f64); 11] = [
            (912488688764183449087, 549512532853, 1660542088.1424794),
            (10i128.pow(30), 3, 3.333333333333333e29),
            (-(10i128.pow(20)), 7, -1.4285714285714287e19),
            ((1 << 60) + 1, 3, 3.843071682022823e17),
            ((1 << 64) + 1, 3, 6.148914691236517e18),
            (10i128.pow(18) + 1, 3, 3.333333333333333e17),
            (2i128.pow(100), 2i128.pow(50), 1125899906842624.0),
            (1, 3, 0.3333333333333333),
            ((1 << 53) + 1, 1, 9007199254740992.0),
            ((1 << 54) + 3, 2, 9007199254740994.0),
            (i128::MAX, i128::MIN, -1.0),
        ];
        for (a, b, want) in cases {
            assert_eq!(int_true_div(a, b), want, "{a} / {b}");
        }
    }
}
