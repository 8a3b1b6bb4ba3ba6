//! What only a real event loop shows, in headless Chromium: timers take real time,
//! a blocking sleep really holds the loop, and the seed lessons 1-5 and 7 run on the
//! browser's loop as CPython's asyncio runs them (its traces are committed in
//! `tests/reference/seed-traces.txt`).
#![cfg(target_arch = "wasm32")]

use playground_core::aio::Rt;
use playground_core::compare::{compare, max_difference, parse_blocks, Point};
use playground_core::link::from_link;
use playground_core::{program, Trace};
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
        program::run(runtime(), scenario.clone(), trace.clone()).await.expect("runs");
        let real: Vec<Point> = trace.events().iter().map(|e| Point::of_event(e, scenario.unit)).collect();
        if let Err(diff) = compare(&cpython, &real, 0.15) {
            panic!("{query} on the browser's loop differs from CPython:\n{diff}");
        }
        console_log!("{query}: within {:.3} s of CPython", max_difference(&cpython, &real));
    }
}
