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
}

#[test]
fn a_failed_comparison_stops_the_sort_and_leaves_the_items() {
    let mut items = vec![3, 1, 2];
    assert!(!sort_by(&mut items, &mut |a, b| (*a != 2 && *b != 2).then_some(a < b)));
    assert_eq!(items, [3, 1, 2]);
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
    assert_eq!(order, Some(vec![1, 2, 0]));
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
    sort_order(keys.len(), &mut |i, j| {
        asked.push((keys[i], keys[j]));
        Some(keys[i] < keys[j])
    });
    assert_eq!(asked, cpython);
}
