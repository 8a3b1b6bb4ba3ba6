//! The differential test: the engine's virtual-clock trace against CPython's asyncio
//! running the same program for real (`tests/reference/asyncio_trace.py`), on the
//! seed lessons and on 200 configurations drawn at random from a fixed seed.

use playground_core::compare::{compare, parse_blocks, Point};
use playground_core::ideal::ideal_trace;
use playground_core::link::{from_link, full_query};
use playground_core::scenario::{Job, Lesson, Mode, Scenario, SleepKind};
use std::io::Write;
use std::process::{Command, Stdio};

/// Real milliseconds per scenario second for the CPython runs.
const UNIT: u16 = 200;
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

fn random_scenario(rng: &mut Rng) -> Scenario {
    let n = 1 + rng.below(6) as usize;
    let jobs = (0..n).map(|_| Job { tenths: 1 + rng.below(40) as u16, fails: rng.below(4) == 0 }).collect();
    let mut order = Scenario::identity_order(n);
    for i in (1..n).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    Scenario {
        mode: Mode::ALL[rng.below(Mode::ALL.len() as u64) as usize],
        jobs,
        order,
        sleep: if rng.below(2) == 0 { SleepKind::Async } else { SleepKind::Blocking },
        workers: None,
        linger_tenths: if rng.below(2) == 0 { 0 } else { 1 + rng.below(30) as u16 },
        unit: UNIT,
    }
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

fn cpython_traces(scenarios: &[&Scenario]) -> Vec<Vec<Point>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/reference/asyncio_trace.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg("--unit")
        .arg(UNIT.to_string())
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

#[test]
fn engine_matches_cpython() {
    let configs = configurations();
    let scenarios: Vec<&Scenario> = configs.iter().map(|(_, s)| s).collect();
    let reference = cpython_traces(&scenarios);
    let mut failures = Vec::new();
    let (mut matched_random, mut matched_seed) = (0, 0);
    for ((name, scenario), cpython) in configs.iter().zip(&reference) {
        let engine: Vec<Point> =
            ideal_trace(scenario).expect("runs").iter().map(|e| Point::of_event(e, scenario.unit)).collect();
        match compare(cpython, &engine, TOLERANCE) {
            Ok(()) if name.starts_with("random") => matched_random += 1,
            Ok(()) => matched_seed += 1,
            Err(diff) => failures.push(format!("{name} ({}):\n{diff}", full_query(scenario))),
        }
    }
    println!(
        "differential: {matched_seed} of 6 seed lessons and {matched_random} of {RANDOM_CONFIGS} random \
         configurations match CPython's asyncio within {TOLERANCE} s"
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
    let text = include_str!("../../../tests/reference/seed-traces.txt");
    let blocks = parse_blocks(text).expect("the committed fixture");
    assert_eq!(blocks.len(), 6, "lessons 1-5 and 7");
    for (query, cpython) in blocks {
        let scenario = from_link(&query).0.scenario;
        let engine: Vec<Point> =
            ideal_trace(&scenario).expect("runs").iter().map(|e| Point::of_event(e, scenario.unit)).collect();
        if let Err(diff) = compare(&cpython, &engine, TOLERANCE) {
            panic!("{query}:\n{diff}");
        }
    }
}
