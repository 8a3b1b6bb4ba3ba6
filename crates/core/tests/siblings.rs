//! When a run from a link may start among the playgrounds of one page.

use playground_core::siblings::{wait_before_run, Heard, LOADING_CAP_MS, POLL_MS, QUIET_MS};

#[test]
fn a_run_waits_for_siblings_still_loading_then_for_a_quiet_moment() {
    let heard = |last: Option<f64>, loading: &[f64]| Heard { last, loading: loading.to_vec() };
    let table: [(&str, f64, Heard, Option<f64>); 7] = [
        ("alone on its page", 1000.0, heard(None, &[]), None),
        ("a sibling spoke long ago", 1000.0, heard(Some(100.0), &[]), None),
        ("a sibling started 100 ms ago", 1000.0, heard(Some(900.0), &[]), Some(QUIET_MS - 100.0)),
        ("exactly quiet long enough", 1000.0, heard(Some(1000.0 - QUIET_MS), &[]), None),
        ("a sibling still loading, heard long ago", 5000.0, heard(Some(100.0), &[100.0]), Some(POLL_MS)),
        ("a sibling loading for longer than the cap", 100.0 + LOADING_CAP_MS, heard(Some(100.0), &[100.0]), None),
        (
            "one sibling loading among ones given up on",
            20_000.0,
            heard(Some(19_000.0), &[1.0, 19_000.0]),
            Some(POLL_MS),
        ),
    ];
    for (case, now, heard, want) in table {
        assert_eq!(wait_before_run(now, &heard), want, "{case}");
    }
}
