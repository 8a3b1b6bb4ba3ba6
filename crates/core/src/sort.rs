//! One stable sort for the whole project, as CPython's `list.sort` makes its comparisons on
//! lists of fewer than 64 items (a first run, counted and reversed if strictly descending,
//! then binary insertion), and merging sorted runs beyond that. It sorts positions through a
//! comparison given as a trait object, so that it is compiled once, whatever is sorted
//! (each `slice::sort_by` is compiled again for each type and comparison, about 1.4 KB of
//! WebAssembly each time).

/// Lists shorter than this are sorted by binary insertion alone, as in CPython.
const MIN_MERGE: usize = 64;

/// The order of `n` items: `less(i, j)` says whether item `i` sorts before item `j`, or
/// `None` to stop the sort (a comparison that failed: a Python `TypeError`). The sort is
/// stable, and returns the positions of the items in sorted order; stopped, the order it
/// had reached (as CPython leaves a list whose sort failed partly sorted: the same order,
/// for lists under 64 items).
pub fn sort_order(n: usize, less: &mut dyn FnMut(usize, usize) -> Option<bool>) -> Result<Vec<usize>, Vec<usize>> {
    let mut order: Vec<usize> = (0..n).collect();
    match sort_positions(&mut order, less) {
        Some(()) => Ok(order),
        None => Err(order),
    }
}

/// Sorts `order` (positions) in place; `None` where a comparison stopped it.
fn sort_positions(order: &mut [usize], less: &mut dyn FnMut(usize, usize) -> Option<bool>) -> Option<()> {
    let n = order.len();
    if n < 2 {
        return Some(());
    }
    let run = if n < MIN_MERGE { n } else { minrun(n) };
    let mut bounds = Vec::new();
    let mut lo = 0;
    while lo < n {
        let hi = (lo + run).min(n);
        let counted = count_run(&mut order[lo..hi], less)?;
        binary_insertion(&mut order[lo..hi], counted, less)?;
        bounds.push(hi);
        lo = hi;
    }
    // Merges neighbouring runs, left to right, until one is left (stable: ties keep the left's).
    let mut scratch = Vec::with_capacity(n);
    while bounds.len() > 1 {
        let mut merged = Vec::with_capacity(bounds.len().div_ceil(2));
        let mut start = 0;
        for pair in bounds.chunks(2) {
            if let [mid, end] = *pair {
                merge(&mut order[start..end], mid - start, &mut scratch, less)?;
            }
            start = *pair.last().expect("chunks are not empty");
            merged.push(start);
        }
        bounds = merged;
    }
    Some(())
}

/// Sorts `items` in place with [`sort_order`]; `false` if a comparison stopped it (the
/// items then in the order the sort had reached).
pub fn sort_by<T>(items: &mut Vec<T>, less: &mut dyn FnMut(&T, &T) -> Option<bool>) -> bool {
    let (order, sorted) = match sort_order(items.len(), &mut |i, j| less(&items[i], &items[j])) {
        Ok(order) => (order, true),
        Err(order) => (order, false),
    };
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
    sorted
}

/// CPython's `merge_compute_minrun`: 32 to 64, so that `n / minrun` is a power of two or just under.
fn minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MIN_MERGE {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `count_run`: the length of the run at the start (at least 2 items), reversed
/// in place if it is strictly descending.
fn count_run(v: &mut [usize], less: &mut dyn FnMut(usize, usize) -> Option<bool>) -> Option<usize> {
    if v.len() < 2 {
        return Some(v.len());
    }
    let descending = less(v[1], v[0])?;
    let mut n = 2;
    while n < v.len() && less(v[n], v[n - 1])? == descending {
        n += 1;
    }
    if descending {
        v[..n].reverse();
    }
    Some(n)
}

/// CPython's `binarysort`: `v[..sorted]` is sorted; each later item goes after the last
/// item not greater than it.
fn binary_insertion(v: &mut [usize], sorted: usize, less: &mut dyn FnMut(usize, usize) -> Option<bool>) -> Option<()> {
    for start in sorted.max(1)..v.len() {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if less(pivot, v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Some(())
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`; stopped by a comparison, `v` is
/// still a permutation of what it was (the left half's rest is put back, as CPython does).
fn merge(
    v: &mut [usize],
    mid: usize,
    scratch: &mut Vec<usize>,
    less: &mut dyn FnMut(usize, usize) -> Option<bool>,
) -> Option<()> {
    scratch.clear();
    scratch.extend_from_slice(&v[..mid]);
    let (mut a, mut b, mut out) = (0, mid, 0);
    while a < scratch.len() && b < v.len() {
        let Some(right_first) = less(v[b], scratch[a]) else {
            v[out..b].copy_from_slice(&scratch[a..]);
            return None;
        };
        if right_first {
            v[out] = v[b];
            b += 1;
        } else {
            v[out] = scratch[a];
            a += 1;
        }
        out += 1;
    }
    let rest = scratch.len() - a;
    v[out..out + rest].copy_from_slice(&scratch[a..]);
    Some(())
}
