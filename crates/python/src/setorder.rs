//! The order CPython iterates a set of integers in: its hash table's order. A set of
//! integers is filled as CPython's setobject.c fills its table (linear probes, then
//! perturbation; the table grows when 3/5 full), so `print({3, 1, 2})` shows `{1, 2, 3}`.
//! Other sets keep their insertion order (CPython's string hashes change every run). A set
//! made from another set (`set(s)`, a display of constants, which CPython folds into a
//! frozenset) is filled as `set_merge` fills it: one table sized for all, keys put in it in the
//! other's order.

use crate::value::{hash_key, Dict, Value};

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

/// The size of the table CPython's `set_merge` makes for `n` keys merged into an empty set.
pub fn merged_size(n: usize) -> usize {
    let mut size = MIN_SIZE;
    if n * 5 >= (MIN_SIZE - 1) * 3 {
        while size <= 2 * n {
            size <<= 1;
        }
    }
    size
}

/// A copy of the set `d`, as CPython's `set_merge` makes one into an empty set (`set(s)`,
/// `s.copy()`, `s | t`'s first step): a table of the same size takes `d`'s own layout; else
/// `d`'s keys are put, in its order, into a table of [`merged_size`].
pub fn copy_of(d: &Dict) -> Dict {
    let size = merged_size(d.len());
    if size == table_size(d) {
        return d.clone();
    }
    with_table(d.set_order(), size)
}

/// `d.update(other)` for a set `other`, as `set_merge` does it: one resize first if the keys
/// may not fit, then `other`'s keys in its order.
pub fn merge_into(d: &mut Dict, other: &Dict) {
    if other.is_empty() {
        return;
    }
    if d.is_empty() {
        *d = copy_of(other);
        return;
    }
    let (n, m) = (d.len(), other.len());
    let fresh: Vec<Value> =
        other.set_order().into_iter().filter(|k| hash_key(k).is_some_and(|h| d.get(&h).is_none())).collect();
    if (n + m) * 5 >= (table_size(d) - 1) * 3 {
        let mut size = MIN_SIZE;
        while size <= 2 * (n + m) {
            size <<= 1;
        }
        let mut keys = d.set_order();
        keys.extend(fresh);
        *d = with_table(keys, size);
    } else {
        for k in fresh {
            if let Some(h) = hash_key(&k) {
                d.insert(h, k, Value::None);
            }
        }
    }
}

/// A set of `keys` put at once, in this order, into a table of `size`.
fn with_table(keys: Vec<Value>, size: usize) -> Dict {
    let mut d = Dict::new();
    for k in keys {
        if let Some(h) = hash_key(&k) {
            d.insert(h, k, Value::None);
        }
    }
    d.merged_table = Some((d.len(), size));
    d
}

/// The size of the table CPython would have for the set `d`.
fn table_size(d: &Dict) -> usize {
    simulate(d.keys(), d.merged_table).1
}

/// The keys of a set in CPython's iteration order, if they are all integers (else as given);
/// `merged`: how many of its first keys were merged at once into a table, and the table's size.
pub fn ordered_from(keys: Vec<Value>, merged: Option<(usize, usize)>) -> Vec<Value> {
    simulate(keys, merged).0
}

/// The keys in the order of CPython's table, and that table's size.
fn simulate(keys: Vec<Value>, merged: Option<(usize, usize)>) -> (Vec<Value>, usize) {
    let mut hashes = Vec::with_capacity(keys.len());
    for k in &keys {
        match k {
            Value::Int(i) => hashes.push(crate::hash::int_hash(*i) as u64),
            Value::Bool(b) => hashes.push(*b as u64),
            _ => return (keys, MIN_SIZE),
        }
    }
    let (clean, size) = merged.unwrap_or((0, MIN_SIZE));
    let mut table: Vec<Option<(u64, Value)>> = vec![None; size];
    let mut used = 0usize;
    for (k, h) in keys.into_iter().zip(hashes) {
        insert_clean(&mut table, h, k);
        used += 1;
        if used <= clean {
            continue;
        }
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
    let size = table.len();
    (table.into_iter().flatten().map(|(_, v)| v).collect(), size)
}
