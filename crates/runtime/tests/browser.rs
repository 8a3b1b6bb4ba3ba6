//! What only a real event loop shows, in headless Chromium: timers take real time,
//! a blocking sleep really holds the loop, and the seed lessons 1-5 and 7 run on the
//! browser's loop as CPython's asyncio runs them (its traces are committed in
//! `tests/reference/seed-traces.txt`).
#![cfg(target_arch = "wasm32")]

use playground_core::aio::Rt;
use playground_core::compare::{compare, max_difference, parse_blocks, Point};
use playground_core::lifecycle::RunHandle;
use playground_core::link::from_link;
use playground_core::trace::to_lines;
use playground_core::Trace;
use playground_runtime::BrowserRuntime;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn runtime() -> Rt {
    Rc::new(BrowserRuntime::new().expect("performance.now() exists"))
}

#[wasm_bindgen_test]
async fn an_async_sleep_takes_at_least_its_time() {
    let rt = runtime();
    let before = rt.now();
    rt.sleep(60.0).await;
    let elapsed = rt.now() - before;
    assert!(elapsed >= 59.5, "slept {elapsed} ms for 60");
    assert!(elapsed < 1000.0, "slept {elapsed} ms for 60");
}

#[wasm_bindgen_test]
async fn a_blocking_sleep_holds_the_loop() {
    let rt = runtime();
    let ran_at = Rc::new(Cell::new(f64::NAN));
    let (slot, clock) = (ran_at.clone(), rt.clone());
    rt.spawn(Box::pin(async move { slot.set(clock.now()) }));
    let before = rt.now();
    rt.block(120.0);
    let unblocked = rt.now();
    assert!(unblocked - before >= 120.0);
    assert!(ran_at.get().is_nan(), "a spawned task ran during the blocking sleep");
    rt.sleep(0.0).await;
    assert!(ran_at.get() >= unblocked, "the task ran only once the loop was free");
}

#[wasm_bindgen_test]
async fn seed_lessons_run_on_the_real_loop_as_in_cpython() {
    let blocks = parse_blocks(include_str!("../../../tests/reference/seed-traces.txt")).expect("fixture");
    assert_eq!(blocks.len(), 6);
    for (query, cpython) in blocks {
        let scenario = from_link(&query).0.scenario;
        let trace = Trace::new();
        RunHandle::start(runtime(), scenario.clone(), trace.clone()).expect("runs").over().await;
        let real: Vec<Point> = trace.events().iter().map(|e| Point::of_event(e, scenario.unit)).collect();
        if let Err(diff) = compare(&cpython, &real, 0.15) {
            panic!("{query} on the browser's loop differs from CPython:\n{diff}");
        }
        console_log!("{query}: within {:.3} s of CPython", max_difference(&cpython, &real));
    }
}

#[wasm_bindgen_test]
async fn stop_ends_a_run_on_the_real_loop_at_once() {
    let rt = runtime();
    let scenario = from_link("lesson=tasks&unit=200").0.scenario;
    let trace = Trace::new();
    let handle = RunHandle::start(rt.clone(), scenario, trace.clone()).expect("runs");
    rt.sleep(50.0).await;
    let stopped_at = rt.now();
    assert!(handle.stop());
    handle.over().await;
    assert!(rt.now() - stopped_at < 20.0, "the shutdown took {} ms", rt.now() - stopped_at);
    let lines = to_lines(&trace.events(), 200);
    let names: Vec<String> = lines.lines().map(|l| l.split(' ').take(2).collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(
        names,
        ["main start", "1 start", "2 start", "main cancel", "1 cancel", "2 cancel", "main end"],
        "{lines}"
    );
    // Nothing of the stopped run is left to fire: its timers were dropped with its tasks.
    let events = trace.events().len();
    rt.sleep(500.0).await;
    assert_eq!(trace.events().len(), events);
}

#[wasm_bindgen_test]
async fn short_sleeps_keep_time_where_nested_timeouts_would_be_clamped() {
    // Each sleep starts from the previous one's wake-up. A nested setTimeout of 1 ms is
    // clamped to at least 4 ms from the fifth on, every time; the page's timer heap is not.
    // What shows it, whatever else the machine is doing (a loaded machine delays wake-ups,
    // never shortens them): no sleep ends early, and past the fifth some take under 4 ms.
    let rt = runtime();
    let mut took = Vec::new();
    for _ in 0..20 {
        let before = rt.now();
        rt.sleep(1.0).await;
        took.push(rt.now() - before);
    }
    let shortest = took.iter().copied().fold(f64::INFINITY, f64::min);
    let shortest_nested = took[5..].iter().copied().fold(f64::INFINITY, f64::min);
    assert!(shortest >= 0.99, "a sleep of 1 ms ended after {shortest} ms: {took:.2?}");
    assert!(shortest_nested < 4.0, "every nested sleep of 1 ms took 4 ms or more, as if clamped: {took:.2?}");
    console_log!("20 nested sleeps of 1 ms took {:.2} ms in all (shortest {shortest:.2})", took.iter().sum::<f64>());
}

#[wasm_bindgen_test]
async fn timers_due_together_wake_their_tasks_in_one_pass() {
    // As in CPython's _run_once: both timers are due in the same pass, so B's step runs
    // before anything A schedules after waking.
    let rt = runtime();
    // The timers' driver is made, and its timeout's code compiled (WebAssembly functions are
    // compiled on first call), on first use: not between the two sleeps below.
    rt.sleep(30.0).await;
    let order = Rc::new(std::cell::RefCell::new(Vec::new()));
    let (a, b) = (rt.sleep(30.0), rt.sleep(30.0));
    let (o, r) = (order.clone(), rt.clone());
    rt.spawn(Box::pin(async move {
        a.await;
        o.borrow_mut().push("A");
        let o2 = o.clone();
        r.spawn(Box::pin(async move { o2.borrow_mut().push("scheduled by A") }));
    }));
    let o = order.clone();
    rt.spawn(Box::pin(async move {
        b.await;
        o.borrow_mut().push("B");
    }));
    rt.sleep(80.0).await;
    assert_eq!(*order.borrow(), ["A", "B", "scheduled by A"]);
}

#[wasm_bindgen_test]
async fn the_wait_for_a_deadline_is_rounded_up_to_whole_milliseconds_as_cpythons() {
    // CPython's loop waits for its earliest deadline with epoll, in whole milliseconds rounded
    // up, from where it goes idle: `asyncio.sleep(0.0003)` takes a millisecond. So do the
    // page's sleeps (which is what lets two sleeps set microseconds apart end in one pass).
    let rt = runtime();
    rt.sleep(5.0).await;
    for _ in 0..5 {
        let before = rt.now();
        rt.sleep(0.3).await;
        let took = rt.now() - before;
        assert!(took >= 0.95, "a sleep of 0.3 ms ended after {took} ms, before the loop's wait of 1 ms");
    }
}

#[wasm_bindgen_test]
async fn simultaneous_timers_on_the_real_loop_behave_as_in_cpython() {
    // Job 1 raises when job 2's sleep ends too: CPython handles both timers in one loop
    // iteration, so job 2 returns before the TaskGroup can cancel it. So does the page.
    let scenario = from_link("mode=group&jobs=1!,1&unit=200").0.scenario;
    let ideal: Vec<Point> =
        playground_core::ideal::ideal_trace(&scenario).expect("runs").iter().map(|e| Point::of_event(e, 200)).collect();
    assert!(ideal.iter().any(|p| p.who == playground_core::Who::Job(2) && p.event == playground_core::Event::Return));
    for i in 0..5 {
        let trace = Trace::new();
        RunHandle::start(runtime(), scenario.clone(), trace.clone()).expect("runs").over().await;
        let real: Vec<Point> = trace.events().iter().map(|e| Point::of_event(e, 200)).collect();
        if let Err(diff) = compare(&ideal, &real, 0.15) {
            panic!("a tie of timers on the browser's loop differs from CPython's handling (run {i}):\n{diff}");
        }
    }
}

/// The seed's lessons written as programs (those that need no Web Worker), run by the
/// Python engine on the browser's real loop, against the same programs on the virtual loop
/// (which the engine's differential test holds to CPython): the same lines, written by the
/// same tasks, within 0.15 s.
#[wasm_bindgen_test]
async fn python_programs_run_on_the_real_loop_as_on_the_virtual_one() {
    const UNIT: f64 = 1000.0;
    let programs = [
        ("example1", include_str!("../../python/tests/programs/seed/example1.py")),
        ("example2", include_str!("../../python/tests/programs/seed/example2.py")),
        ("example3", include_str!("../../python/tests/programs/seed/example3.py")),
        ("example4", include_str!("../../python/tests/programs/seed/example4.py")),
        ("example5", include_str!("../../python/tests/programs/seed/example5.py")),
        ("example7", include_str!("../../python/tests/programs/seed/example7.py")),
        ("example8_failures", include_str!("../../python/tests/programs/seed/example8_failures.py")),
    ];
    for (name, src) in programs {
        let ideal = playground_python::run_virtual(src, UNIT, 4).expect("the seed program is accepted");
        let program = playground_python::check(src).expect("the seed program is accepted");
        let lines = Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink_lines = lines.clone();
        let sink: Rc<dyn Fn(playground_python::TraceLine)> = Rc::new(move |l| sink_lines.borrow_mut().push(l));
        playground_python::run(&program, runtime(), UNIT, sink).await;
        let real = lines.borrow();
        let show =
            |l: &playground_python::TraceLine| format!("{} [{}] {:.3} {}", l.event.as_str(), l.who, l.t / UNIT, l.text);
        assert_eq!(
            real.len(),
            ideal.len(),
            "{name}: {:#?} against {:#?}",
            real.iter().map(show).collect::<Vec<_>>(),
            ideal.iter().map(show).collect::<Vec<_>>()
        );
        for (r, i) in real.iter().zip(&ideal) {
            let same = r.event == i.event && r.who == i.who && r.text == i.text && (r.t - i.t).abs() <= 0.15 * UNIT;
            assert!(same, "{name}: on the browser's loop `{}`, on the virtual loop `{}`", show(r), show(i));
        }
        console_log!("{name}: {} lines as on the virtual loop", real.len());
    }
}
