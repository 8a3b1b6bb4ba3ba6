//! Stop, as Ctrl-C stops `asyncio.run`: `main`'s task is cancelled, then every task
//! still pending, workers still busy are stopped, and the run ends. Exact traces on the
//! virtual clock (times in scenario seconds).

use playground_core::aio::Rt;
use playground_core::lifecycle::RunHandle;
use playground_core::link::from_link;
use playground_core::trace::{to_lines, Trace};
use playground_core::virtual_loop::VirtualLoop;
use std::rc::Rc;

/// The trace of `query` stopped after `stop_s` scenario seconds, and whether Stop acted.
fn stopped(query: &str, stop_s: f64) -> (String, bool) {
    let (state, problems) = from_link(query);
    assert!(problems.is_empty(), "{query}: {problems:?}");
    let unit = state.scenario.unit;
    let event_loop = Rc::new(VirtualLoop::new());
    let rt: Rt = event_loop.clone();
    let trace = Trace::new();
    let handle = Rc::new(RunHandle::start(rt.clone(), state.scenario, trace.clone()).expect("starts"));
    let acted = Rc::new(std::cell::Cell::new(false));
    let (h, a, sleep) = (handle.clone(), acted.clone(), rt.sleep(stop_s * f64::from(unit)));
    rt.spawn(Box::pin(async move {
        sleep.await;
        a.set(h.stop());
    }));
    event_loop.run().expect("the run ends");
    assert!(handle.is_over(), "{query}: the run is over");
    assert!(!handle.stop(), "{query}: a run that is over cannot be stopped");
    (to_lines(&trace.events(), unit), acted.get())
}

fn check(cases: &[(&str, f64, &str)]) {
    for (query, at, expected) in cases {
        let expected: String = expected.lines().map(|l| format!("{}\n", l.trim())).collect();
        let (trace, acted) = stopped(query, *at);
        assert!(acted, "{query}: Stop at {at} s acted");
        assert_eq!(trace, expected, "trace of {query} stopped at {at} s");
    }
}

#[test]
fn stop_cancels_main_then_every_pending_task() {
    check(&[
        (
            "lesson=tasks",
            0.5,
            "main start 0.000
             1 start 0.000
             2 start 0.000
             main cancel 0.500
             1 cancel 0.500
             2 cancel 0.500
             main end 0.500",
        ),
        (
            // A coroutine awaited directly is cancelled with `main`, at its own await.
            "lesson=await",
            1.5,
            "main start 0.000
             1 start 0.000
             1 return 1.000
             main result 1.000 1
             2 start 1.000
             2 cancel 1.500
             main cancel 1.500
             main end 1.500",
        ),
        (
            // Stopped while lingering: the orphan returned already, nothing is left to cancel.
            "lesson=gather",
            3.5,
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             1 return 1.000
             2 raise 2.000
             main raise 2.000
             3 return 3.000
             main cancel 3.500
             main end 3.500",
        ),
        (
            "lesson=gather&mode=group",
            0.5,
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             main cancel 0.500
             1 cancel 0.500
             2 cancel 0.500
             3 cancel 0.500
             main end 0.500",
        ),
    ]);
}

#[test]
fn stop_stops_busy_workers_instead_of_waiting_for_them() {
    check(&[
        (
            // Two workers busy, a third job waiting for one: its wait is cancelled, the
            // busy workers are stopped at once (asyncio.run would wait for its threads).
            "lesson=offload&jobs=1,2,3&workers=2",
            0.5,
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             2 worker-start 0.000
             3 start 0.000
             main cancel 0.500
             1 cancel 0.500
             2 cancel 0.500
             3 cancel 0.500
             1 worker-free 0.500
             2 worker-free 0.500
             main end 0.500",
        ),
        (
            "lesson=offload&sleep=process&workers=1",
            1.5,
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             1 worker-free 1.000
             2 worker-start 1.000
             1 return 1.000
             main result 1.000 1
             main cancel 1.500
             2 cancel 1.500
             2 worker-free 1.500
             main end 1.500",
        ),
    ]);
}

#[test]
fn main_cancelled_before_its_first_step_never_starts() {
    // Like any task, `main` cancelled before its first step never runs its body.
    let (state, _) = from_link("lesson=tasks");
    let event_loop = Rc::new(VirtualLoop::new());
    let trace = Trace::new();
    let handle = RunHandle::start(event_loop.clone(), state.scenario, trace.clone()).expect("starts");
    assert!(handle.stop());
    event_loop.run().expect("the run ends");
    assert!(handle.is_over());
    assert_eq!(to_lines(&trace.events(), 1000), "main cancel 0.000\nmain end 0.000\n");
}

#[test]
fn stop_after_the_end_changes_nothing() {
    let (trace, acted) = stopped("lesson=tasks", 5.0);
    assert!(!acted, "Stop after the end does nothing");
    assert!(trace.ends_with("main result 2.000 2\nmain end 2.000\n"), "{trace}");
}

/// The trace counts from `main`'s first step, as CPython's reference does: what kept the
/// loop busy between the run's set-up and that step (here a 300 ms block) is not in it.
#[test]
fn the_trace_counts_from_mains_first_step() {
    let (state, _) = from_link("lesson=tasks&unit=100");
    let event_loop = Rc::new(VirtualLoop::new());
    let rt: Rt = event_loop.clone();
    let trace = Trace::new();
    let busy = rt.clone();
    // Queued before main's first step is: the loop's work that comes first.
    rt.spawn(Box::pin(async move { busy.block(300.0) }));
    let before = rt.now();
    let handle = RunHandle::start(rt.clone(), state.scenario, trace.clone()).expect("starts");
    event_loop.run().expect("the run ends");
    assert_eq!(handle.origin(), before + 300.0, "the origin is main's first step");
    let expected = "main start 0.000\n1 start 0.000\n2 start 0.000\n1 return 1.000\nmain result 1.000 1\n2 return 2.000\nmain result 2.000 2\nmain end 2.000\n";
    assert_eq!(to_lines(&trace.events(), 100), expected);
}
