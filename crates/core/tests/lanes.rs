//! The timeline's lane model: events to bars, for every mode and sleep kind.

use playground_core::ideal::ideal_trace;
use playground_core::lanes::{timeline, Ending, Lane};
use playground_core::link::from_link;
use playground_core::TraceEvent;
/// A bar as the tests write it: lane, kind, from and to in seconds.
type Row = (Lane, &'static str, f64, f64);

fn bars(query: &str) -> Vec<Row> {
    let scenario = from_link(query).0.scenario;
    let events = ideal_trace(&scenario).expect("runs");
    let t = timeline(&scenario, &events, f64::INFINITY);
    t.bars.iter().map(|b| (b.lane, b.kind.name(), b.from / 1000.0, b.to / 1000.0)).collect()
}

#[test]
fn lanes_for_every_mode_and_sleep_kind() {
    use Lane::*;
    let cases: &[(&str, &[Row])] = &[
        (
            "lesson=tasks",
            &[
                (Job(1), "waiting", 0.0, 1.0),
                (Job(2), "waiting", 0.0, 2.0),
                (Main, "waiting", 0.0, 2.0),
                (Loop, "idle", 0.0, 2.0),
            ],
        ),
        (
            "lesson=blocking",
            &[
                (Job(1), "blocking", 0.0, 1.0),
                (Job(2), "blocking", 1.0, 3.0),
                (Main, "waiting", 0.0, 3.0),
                (Loop, "blocked", 0.0, 3.0),
            ],
        ),
        (
            "lesson=sync",
            &[
                (Job(1), "blocking", 0.0, 1.0),
                (Job(2), "blocking", 1.0, 3.0),
                (Main, "running", 0.0, 3.0),
                (Loop, "no-loop", 0.0, 3.0),
            ],
        ),
        (
            "lesson=await",
            &[
                (Job(1), "waiting", 0.0, 1.0),
                (Job(2), "waiting", 1.0, 3.0),
                (Main, "waiting", 0.0, 3.0),
                (Loop, "idle", 0.0, 3.0),
            ],
        ),
        (
            "lesson=gather",
            &[
                (Job(1), "waiting", 0.0, 1.0),
                (Job(2), "waiting", 0.0, 2.0),
                (Job(3), "waiting", 0.0, 3.0),
                (Main, "waiting", 0.0, 2.0),
                (Main, "lingering", 2.0, 4.0),
                (Loop, "idle", 0.0, 4.0),
            ],
        ),
        (
            "mode=group&jobs=1,2!,3&sleep=thread&workers=2",
            &[
                (Job(1), "in-worker", 0.0, 1.0),
                (Job(2), "in-worker", 0.0, 2.0),
                (Job(3), "waiting-worker", 0.0, 1.0),
                (Job(3), "in-worker", 1.0, 2.0),
                (Job(3), "in-worker", 2.0, 4.0),
                (Main, "waiting", 0.0, 2.0),
                (Loop, "idle", 0.0, 4.0),
            ],
        ),
        (
            "mode=group&jobs=1!,2&sleep=process&workers=1",
            &[
                (Job(1), "in-worker", 0.0, 1.0),
                (Job(2), "waiting-worker", 0.0, 1.0),
                (Job(2), "in-worker", 1.0, 3.0),
                (Main, "waiting", 0.0, 1.0),
                (Loop, "idle", 0.0, 3.0),
            ],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(bars(query), expected.to_vec(), "{query}");
    }
}

#[test]
fn endings_and_live_growth() {
    let scenario = from_link("mode=group&jobs=1,2!,3").0.scenario;
    let events = ideal_trace(&scenario).expect("runs");
    let t = timeline(&scenario, &events, f64::INFINITY);
    let endings: Vec<(Lane, Ending)> = t.marks.iter().map(|m| (m.lane, m.ending)).collect();
    assert_eq!(
        endings,
        [
            (Lane::Job(1), Ending::Returned),
            (Lane::Job(2), Ending::Raised),
            (Lane::Job(3), Ending::Cancelled),
            (Lane::Main, Ending::Raised),
            (Lane::Main, Ending::End)
        ]
    );
    // Mid-run (only the events before 1.5 s), open bars reach `now`.
    let so_far: Vec<TraceEvent> = events.iter().filter(|e| e.t <= 1500.0).cloned().collect();
    let live = timeline(&scenario, &so_far, 1500.0);
    assert!(live.bars.iter().any(|b| b.lane == Lane::Job(3) && b.to == 1500.0));
    assert!(live.marks.iter().all(|m| m.at <= 1500.0));
}
