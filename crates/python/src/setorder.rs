//! The order CPython iterates a set of integers in: its hash table's order. A set of
//! integers is filled as CPython's setobject.c fills its table (linear probes, then
//! perturbation; the table grows when 3/5 full), so `print({3, 1, 2})` shows `{1, 2, 3}`.
//! Other sets keep their insertion order (CPython's string hashes change every run).

use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

fn insert_clean(table: &mut [Option<(u64, Value)>], hash: u64, v: Value) {
    let mask = table.len() as u64 - 1;
    let mut perturb = hash;
    let mut i = hash & mask;
    loop {
        let at = i as usize;
        if table[at].is_none() {
            table[at] = Some((hash, v));
            return;
        }
        if i + LINEAR_PROBES as u64 <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[at + j].is_none() {
                    table[at + j] = Some((hash, v));
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// The keys of a set in CPython's iteration order, if they are all integers (else as given).
pub fn ordered(keys: Vec<Value>) -> Vec<Value> {
    let mut hashes = Vec::with_capacity(keys.len());
    for k in &keys {
        match k {
            Value::Int(i) => hashes.push(crate::hash::int_hash(*i) as u64),
            Value::Bool(b) => hashes.push(*b as u64),
            _ => return keys,
        }
    }
    let mut table: Vec<Option<(u64, Value)>> = vec![None; MIN_SIZE];
    let mut used = 0usize;
    for (k, h) in keys.into_iter().zip(hashes) {
        insert_clean(&mut table, h, k);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = MIN_SIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (h, v) in old.into_iter().flatten() {
                insert_clean(&mut table, h, v);
            }
        }
    }
    table.into_iter().flatten().map(|(_, v)| v).collect()
}
