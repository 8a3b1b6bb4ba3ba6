//! `hash()`, as CPython's Python/pyhash.c and Objects/tupleobject.c compute it: numbers modulo
//! the Mersenne prime 2**61 - 1 (so equal numbers hash equal whatever their type), tuples
//! with xxHash's rounds over their items' hashes. A string's hash is SipHash over its text
//! (CPython's is too, with a key drawn at random for each run, so its values differ anyway).

use crate::value::HashKey;
use std::hash::{Hash, Hasher};

const MODULUS: u64 = (1 << 61) - 1;

/// A hash is never -1 (CPython's error value).
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// An integer's hash: `n` itself for small ones (but -2 for -1), else its sign times
/// `|n| mod (2**61 - 1)`.
pub fn int_hash(n: i128) -> i64 {
    let h = (n.unsigned_abs() % MODULUS as u128) as i64;
    not_minus_one(if n < 0 { -h } else { h })
}

/// A float's hash: the value `m * 2**e` modulo 2**61 - 1 (equal to its integer's if integral).
fn float_hash(f: f64) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { 314_159 } else { -314_159 };
    }
    if f.is_nan() {
        return 0;
    }
    let bits = f.to_bits();
    let (frac, exp) = (bits & ((1 << 52) - 1), ((bits >> 52) & 0x7ff) as i64);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp - 1075) };
    // 2**61 is 1 modulo 2**61 - 1: multiplying by 2**r is a rotation of 61 bits.
    let r = e.rem_euclid(61) as u32;
    let x = if r == 0 { m } else { ((m << r) & MODULUS) | (m >> (61 - r)) };
    let x = if x >= MODULUS { x - MODULUS } else { x } as i64;
    not_minus_one(if f < 0.0 { -x } else { x })
}

/// The hash of a hashable value, given its key.
pub fn hash(key: &HashKey) -> i64 {
    match key {
        HashKey::None => 0x0fca_86f0,
        HashKey::Int(n) => int_hash(*n),
        HashKey::Float(bits) => float_hash(f64::from_bits(*bits)),
        HashKey::Str(s) => {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            not_minus_one(h.finish() as i64)
        }
        HashKey::Tuple(items) => {
            const PRIME_1: u64 = 11_400_714_785_074_694_791;
            const PRIME_2: u64 = 14_029_467_366_897_019_727;
            const PRIME_5: u64 = 2_870_177_450_012_600_261;
            let mut acc = PRIME_5;
            for item in items {
                acc = acc.wrapping_add((hash(item) as u64).wrapping_mul(PRIME_2));
                acc = acc.rotate_left(31).wrapping_mul(PRIME_1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
            if acc == u64::MAX {
                1_546_275_796
            } else {
                acc as i64
            }
        }
        HashKey::Id(id) => not_minus_one((*id as u64).rotate_right(4) as i64),
    }
}
