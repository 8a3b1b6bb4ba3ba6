//! The project's one stable sort against the standard library's.
#![cfg(not(target_arch = "wasm32"))]

use playground_core::sort::{sort_by, sort_order};
use proptest::prelude::*;

proptest! {
    #[test]
    fn it_sorts_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..20, 0..300)) {
        let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut theirs = ours.clone();
        prop_assert!(sort_by(&mut ours, &mut |a, b| Some(a.0 < b.0)));
        theirs.sort_by_key(|k| k.0);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn a_stopped_sort_leaves_a_permutation(keys in proptest::collection::vec(0u8..20, 0..300), stop in 0u8..20) {
        let mut items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        sort_by(&mut items, &mut |a, b| (a.0 != stop && b.0 != stop).then_some(a.0 < b.0));
        let mut seen: Vec<usize> = items.iter().map(|i| i.1).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>());
    }
}

/// `i` is CPython's string among integers: comparisons with it fail.
fn stop_at(keys: &[i32], i: usize) -> Vec<i32> {
    let mut items: Vec<(i32, bool)> = keys.iter().enumerate().map(|(j, k)| (*k, j == i)).collect();
    assert!(!sort_by(&mut items, &mut |a, b| (!a.1 && !b.1).then_some(a.0 < b.0)));
    items.into_iter().map(|(k, _)| k).collect()
}

#[test]
fn a_failed_comparison_leaves_the_items_as_cpython_leaves_them() {
    // From CPython 3.11: `l.sort()` raising TypeError on the string leaves `l` so.
    assert_eq!(stop_at(&[5, 3, 4, 1, -1, 2], 4), [1, 3, 4, 5, -1, 2]); // [5, 3, 4, 1, 'x', 2]
    assert_eq!(stop_at(&[2, 9, 1, 8, -1, 3, 0], 4), [1, 2, 8, 9, -1, 3, 0]); // [2, 9, 1, 8, 'x', 3, 0]
    assert_eq!(stop_at(&[1, 2, 3, -1, 0], 3), [1, 2, 3, -1, 0]); // [1, 2, 3, None, 0]
}

#[test]
fn short_lists_make_cpythons_comparisons() {
    // CPython's count_run then binarysort on [3, 1, 2]: (1 < 3) starts a descending run,
    // (2 < 1) ends it, the run is reversed to [1, 3], then 2 is placed: (2 < 3), (2 < 1).
    let keys = [3, 1, 2];
    let mut asked = Vec::new();
    let order = sort_order(3, &mut |i, j| {
        asked.push((keys[i], keys[j]));
        Some(keys[i] < keys[j])
    });
    assert_eq!(order, Ok(vec![1, 2, 0]));
    assert_eq!(asked, [(1, 3), (2, 1), (2, 3), (2, 1)]);
}

#[test]
fn ten_items_are_compared_in_cpythons_order() {
    // Logged from CPython 3.11: `__lt__` of `sorted()`'s items, for these keys.
    let keys = [19, 8, 11, 20, 16, 0, 14, 7, 20, 1];
    let cpython = [
        (8, 19),
        (11, 8),
        (11, 19),
        (11, 8),
        (20, 11),
        (20, 19),
        (16, 19),
        (16, 11),
        (0, 16),
        (0, 11),
        (0, 8),
        (14, 16),
        (14, 8),
        (14, 11),
        (7, 14),
        (7, 8),
        (7, 0),
        (20, 14),
        (20, 19),
        (20, 20),
        (1, 14),
        (1, 8),
        (1, 7),
        (1, 0),
    ];
    let mut asked = Vec::new();
    let _ = sort_order(keys.len(), &mut |i, j| {
        asked.push((keys[i], keys[j]));
        Some(keys[i] < keys[j])
    });
    assert_eq!(asked, cpython);
}
