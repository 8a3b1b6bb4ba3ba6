//! The differential test: the engine's virtual-clock trace against CPython's asyncio
//! running the same program for real (`tests/reference/asyncio_trace.py`), on the
//! seed lessons and on 200 configurations drawn at random from a fixed seed, with every
//! sleep kind: async, blocking, and offloaded to thread and process pools, whose
//! `worker-start` and `worker-free` events are compared too.

use playground_core::compare::{compare, parse_blocks, Point};
use playground_core::ideal::ideal_trace;
use playground_core::link::{from_link, full_query};
use playground_core::scenario::{Job, Lesson, Mode, Scenario, SleepKind};
use playground_core::trace::{Event, Who};
use std::io::Write;
use std::process::{Command, Stdio};

/// Real milliseconds per scenario second for the CPython runs.
const UNIT: u16 = 200;
/// The same for thread and process pools. Each offloaded call hands over to another thread
/// (and for a process, through pipes and the pool's manager thread) and back: a few real
/// milliseconds each way on a busy machine (2 to 12 here), which add up along a chain of
/// calls (`await` mode, or jobs waiting for a worker) and at the pool's shutdown. At 200 ms
/// per second six process calls in a row drift by over 0.1 s, so pools run slower, where
/// those milliseconds weigh 2.5 times less.
const POOL_UNIT: u16 = 500;
/// The spec's tolerance, in scenario seconds.
const TOLERANCE: f64 = 0.15;
const RANDOM_CONFIGS: usize = 200;

/// xorshift64*: a fixed, dependency-free stream of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Draws a configuration: every mode, 1–6 jobs, durations, failures, orders, linger,
/// and every sleep kind (a quarter each, though `sync` mode always blocks), with a pool
/// size for `thread` and `process`.
///
/// Pools are drawn only where CPython itself runs deterministically (see the README's
/// "Lesson 6"): a cancellation issued at the very instant a worker comes free races
/// CPython's worker threads (or its process pool's manager thread) against the event
/// loop. So:
/// - a pool smaller than the job count only when no cancellation is ever issued: no job
///   fails (nothing raises, so no TaskGroup cancels and `asyncio.run` finds no task
///   pending), or the mode is `await` (no tasks at all: one call at a time);
/// - otherwise a worker per job or more (no call ever waits for a worker), and durations
///   are redrawn while a worker comes free at an instant a cancellation is issued
///   ([`cancellation_meets_a_worker`]).
fn random_scenario(rng: &mut Rng) -> Scenario {
    let mode = Mode::ALL[rng.below(Mode::ALL.len() as u64) as usize];
    let sleep = SleepKind::ALL[rng.below(SleepKind::ALL.len() as u64) as usize];
    loop {
        let n = 1 + rng.below(6) as usize;
        let jobs: Vec<Job> =
            (0..n).map(|_| Job { tenths: 1 + rng.below(40) as u16, fails: rng.below(4) == 0 }).collect();
        let mut order = Scenario::identity_order(n);
        for i in (1..n).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let linger_tenths = if rng.below(2) == 0 { 0 } else { 1 + rng.below(30) as u16 };
        let cancels = mode != Mode::Await && jobs.iter().any(|j| j.fails);
        let workers = sleep.uses_workers().then(|| {
            let size = if cancels { n + rng.below(3) as usize } else { 1 + rng.below(n as u64 + 1) as usize };
            size as u8
        });
        let unit = if mode != Mode::Sync && sleep.uses_workers() { POOL_UNIT } else { UNIT };
        let scenario = Scenario { mode, jobs, order, sleep, workers, linger_tenths, unit };
        if !(scenario.effective_sleep().uses_workers() && cancellation_meets_a_worker(&scenario)) {
            return scenario;
        }
    }
}

/// Whether, in the engine's trace, a worker comes free at an instant (within half a
/// tenth of a second) at which a cancellation is issued, other than the worker whose
/// call's end caused it. Those ties are races inside CPython (does the job return first,
/// or is it cancelled first?), not the engine's to decide.
///
/// Cancellations are issued by a TaskGroup when a job raises, and by `asyncio.run`'s
/// shutdown when `main` returns (after its linger). The first are caused by the raising
/// job's call ending, and so is the second when `main` does not linger (`main` returns
/// right after the job it awaited last ended); after a linger, `main`'s timer causes it.
fn cancellation_meets_a_worker(scenario: &Scenario) -> bool {
    let events: Vec<Point> =
        ideal_trace(scenario).expect("runs").iter().map(|e| Point::of_event(e, scenario.unit)).collect();
    let linger = f64::from(scenario.linger_tenths) / 10.0;
    // (instant, how many workers may come free then: the cause's own).
    let mut instants = Vec::new();
    if scenario.mode == Mode::Group {
        instants.extend(events.iter().filter(|p| p.who != Who::Main && p.event == Event::Raise).map(|p| (p.s, 1)));
    }
    let main_done = events
        .iter()
        .filter(|p| p.who == Who::Main && matches!(p.event, Event::Result | Event::Raise))
        .map(|p| p.s)
        .fold(0.0, f64::max);
    instants.push((main_done + linger, if scenario.linger_tenths == 0 { 1 } else { 0 }));
    let near = |a: f64, b: f64| (a - b).abs() < 0.05;
    instants.into_iter().any(|(at, allowed)| {
        let freed = events
            .iter()
            .filter(|p| p.event == Event::WorkerFree && near(p.s, at))
            // A job cancelled earlier is no longer pending: its worker coming free races nothing.
            .filter(|p| !events.iter().any(|c| c.who == p.who && c.event == Event::Cancel && c.s < at - 0.05))
            .count();
        freed > allowed
    })
}

fn configurations() -> Vec<(String, Scenario)> {
    let mut configs = Vec::new();
    for lesson in [Lesson::Sync, Lesson::Await, Lesson::Tasks, Lesson::Order, Lesson::Blocking, Lesson::Gather] {
        configs.push((format!("lesson {lesson}"), Scenario { unit: UNIT, ..lesson.defaults() }));
    }
    let mut rng = Rng(0x5eed_a5c1_0000_0001);
    for i in 0..RANDOM_CONFIGS {
        configs.push((format!("random #{i}"), random_scenario(&mut rng)));
    }
    configs
}

/// CPython's trace of each scenario, each run at its own `unit`.
fn cpython_traces(scenarios: &[&Scenario]) -> Vec<Vec<Point>> {
    let mut traces = vec![Vec::new(); scenarios.len()];
    let mut units: Vec<u16> = scenarios.iter().map(|s| s.unit).collect();
    units.sort_unstable();
    units.dedup();
    for unit in units {
        let (at, same): (Vec<usize>, Vec<&Scenario>) =
            scenarios.iter().enumerate().filter(|(_, s)| s.unit == unit).map(|(i, s)| (i, *s)).unzip();
        for (i, trace) in at.into_iter().zip(cpython_traces_at(&same, unit)) {
            traces[i] = trace;
        }
    }
    traces
}

fn cpython_traces_at(scenarios: &[&Scenario], unit: u16) -> Vec<Vec<Point>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/reference/asyncio_trace.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg("--unit")
        .arg(unit.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs (the README's test command installs it)");
    let input: String = scenarios.iter().map(|s| full_query(s) + "\n").collect();
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write to python3");
    let output = child.wait_with_output().expect("python3 finishes");
    assert!(output.status.success(), "the CPython reference script failed");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let blocks: Vec<Vec<Point>> =
        parse_blocks(&text).expect("the reference's output").into_iter().map(|(_, points)| points).collect();
    assert_eq!(blocks.len(), scenarios.len(), "one trace per scenario");
    blocks
}

fn show_trace(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| {
            let of = p.of.map(|o| format!(" {o}")).unwrap_or_default();
            format!("    {} {} {:.3}{of}\n", p.who.name(), p.event.name(), p.s)
        })
        .collect()
}

/// How many more times CPython runs a configuration whose only difference was timing.
const RETRIES: usize = 2;

#[test]
fn engine_matches_cpython() {
    let configs = configurations();
    let engines: Vec<Vec<Point>> = configs
        .iter()
        .map(|(_, s)| ideal_trace(s).expect("runs").iter().map(|e| Point::of_event(e, s.unit)).collect())
        .collect();
    let mut reference = cpython_traces(&configs.iter().map(|(_, s)| s).collect::<Vec<_>>());
    // The machine is shared: a busy moment can delay CPython's clock by more than the
    // tolerance. A configuration whose events all match but for their times (same events,
    // each actor's in the same order) is run again, alone with the others that missed, up to
    // RETRIES times. One whose events differ is never run again: that is no timing miss.
    let timing_miss = |i: usize, trace: &[Point]| {
        compare(trace, &engines[i], TOLERANCE).is_err() && compare(trace, &engines[i], f64::INFINITY).is_ok()
    };
    let mut rerun = std::collections::BTreeSet::new();
    for _ in 0..RETRIES {
        let missed: Vec<usize> = (0..configs.len()).filter(|&i| timing_miss(i, &reference[i])).collect();
        if missed.is_empty() {
            break;
        }
        rerun.extend(missed.iter().copied());
        let again = cpython_traces(&missed.iter().map(|&i| &configs[i].1).collect::<Vec<_>>());
        for (i, trace) in missed.into_iter().zip(again) {
            reference[i] = trace;
        }
    }
    let mut failures = Vec::new();
    let (mut matched_random, mut matched_seed) = (0, 0);
    // Random configurations per sleep kind that really applies (`sync` mode always blocks).
    let mut kinds = [0usize; 4];
    for (((name, scenario), cpython), engine) in configs.iter().zip(&reference).zip(&engines) {
        if name.starts_with("random") {
            let kind = scenario.effective_sleep();
            kinds[SleepKind::ALL.iter().position(|k| *k == kind).expect("a kind")] += 1;
        }
        match compare(cpython, engine, TOLERANCE) {
            Ok(()) if name.starts_with("random") => matched_random += 1,
            Ok(()) => matched_seed += 1,
            Err(diff) => failures.push(format!(
                "{name} ({}):\n{diff}  CPython's trace:\n{}  the engine's:\n{}",
                full_query(scenario),
                show_trace(cpython),
                show_trace(engine)
            )),
        }
    }
    let per_kind: Vec<String> = SleepKind::ALL.iter().zip(kinds).map(|(k, n)| format!("{k} {n}")).collect();
    let reruns = match rerun.len() {
        0 => String::new(),
        n => format!(" (CPython ran {n} of them again after a timing miss)"),
    };
    println!(
        "differential: {matched_seed} of 6 seed lessons and {matched_random} of {RANDOM_CONFIGS} random \
         configurations ({}) match CPython's asyncio within {TOLERANCE} s{reruns}",
        per_kind.join(", ")
    );
    assert!(failures.is_empty(), "{} configurations differ from CPython:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn links_of_the_reference_round_trip() {
    let mut rng = Rng(7);
    for _ in 0..50 {
        let scenario = random_scenario(&mut rng);
        let (state, problems) = from_link(&full_query(&scenario));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(state.scenario, scenario);
    }
}

/// The CPython traces committed for the browser tests (`tests/reference/seed-traces.txt`)
/// still describe what the engine does: regenerate them if this fails (see the README).
#[test]
fn committed_seed_traces_match_the_engine() {
    let fixtures = [
        (250, include_str!("../../../tests/reference/seed-traces.txt")),
        (50, include_str!("../../../tests/reference/seed-traces-50.txt")),
        (100, include_str!("../../../tests/reference/seed-traces-100.txt")),
    ];
    for (unit, text) in fixtures {
        let blocks = parse_blocks(text).expect("the committed fixture");
        assert_eq!(blocks.len(), 6, "lessons 1-5 and 7 at unit={unit}");
        for (query, cpython) in blocks {
            let scenario = from_link(&query).0.scenario;
            assert_eq!(scenario.unit, unit, "{query}");
            let engine: Vec<Point> =
                ideal_trace(&scenario).expect("runs").iter().map(|e| Point::of_event(e, scenario.unit)).collect();
            if let Err(diff) = compare(&cpython, &engine, TOLERANCE) {
                panic!("{query}:\n{diff}");
            }
        }
    }
}
