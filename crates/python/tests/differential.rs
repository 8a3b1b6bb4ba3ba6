//! The differential test: every program of the corpus runs under CPython for real (through
//! `tests/reference/harness.py`, which records each line's task and time) and under this
//! interpreter on the core's virtual loop; the lines printed, their order, their task and
//! their times (within 0.15 s), and standard error's key lines must match.
//!
//! Corpus: `tests/programs/seed/*.py` (the seed's lessons), `tests/programs/docs/*.py`
//! (programs in the style of the Python documentation and of courses),
//! `tests/programs/examples/*.py` (the examples the page offers), and programs generated
//! from a fixed seed (`generator`). CPython's traces are cached by the hash of
//! the program and of the harness (in the target directory), so a second run is fast.

mod generator;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::process::{Child, Command};

/// Real ms per program second in both runs (CPython runs in real time).
const UNIT: f64 = 1000.0;
/// The contract's tolerance, in ms at this unit.
const TOLERANCE_MS: f64 = 150.0;
/// CPython runs at once (they mostly sleep).
const PARALLEL: usize = 8;
/// A program whose trace differs is run again under CPython this many times, fewer at once:
/// on a loaded machine a real run can come late by more than the tolerance.
const RETRIES: usize = 3;
/// Programs generated.
const GENERATED: usize = 200;

#[derive(Debug, Clone)]
struct Line {
    event: String,
    text: String,
    t: f64,
    who: String,
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_set(set: &str) -> Vec<(String, String)> {
    let dir = manifest().join("tests/programs").join(set);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("a file name").to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).expect("a readable program"))
        })
        .collect()
}

fn hash_of(parts: &[&str]) -> u64 {
    let mut h = DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

fn cache_dir() -> PathBuf {
    // The workspace's target directory (never a folder of the source tree that git would see).
    let target =
        std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| manifest().join("../../target"));
    let dir = target.join("python-reference-cache");
    std::fs::create_dir_all(&dir).expect("a cache directory");
    dir
}

fn parse_trace(text: &str) -> Vec<Line> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let field = |k: &str| -> String {
                let key = format!("\"{k}\": ");
                let start = l.find(&key).expect("a trace field") + key.len();
                let rest = &l[start..];
                if let Some(stripped) = rest.strip_prefix('"') {
                    let mut out = String::new();
                    let mut chars = stripped.chars();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => out.push('\n'),
                                Some('t') => out.push('\t'),
                                Some('u') => {
                                    let hex: String = chars.by_ref().take(4).collect();
                                    let mut code = u32::from_str_radix(&hex, 16).unwrap_or(63);
                                    // JSON writes a character beyond the BMP as a surrogate pair.
                                    if (0xd800..0xdc00).contains(&code) && chars.as_str().starts_with("\\u") {
                                        let low: String = chars.by_ref().skip(2).take(4).collect();
                                        let low = u32::from_str_radix(&low, 16).unwrap_or(0);
                                        code = 0x10000 + ((code - 0xd800) << 10) + (low.wrapping_sub(0xdc00) & 0x3ff);
                                    }
                                    out.push(char::from_u32(code).unwrap_or('?'));
                                }
                                Some(o) => out.push(o),
                                None => {}
                            },
                            c => out.push(c),
                        }
                    }
                    out
                } else {
                    rest.split([',', '}']).next().unwrap_or("").trim().to_string()
                }
            };
            Line { event: field("e"), text: field("x"), t: field("t").parse().unwrap_or(-1.0), who: field("w") }
        })
        .collect()
}

/// CPython's traces of `programs`, run `parallel` at a time (cached by hash unless `fresh`).
fn cpython_traces(programs: &[String], parallel: usize, fresh: bool) -> Vec<Vec<Line>> {
    let harness_path = manifest().join("tests/reference/harness.py");
    let harness = std::fs::read_to_string(&harness_path).expect("the harness");
    let cache = cache_dir();
    let work = std::env::temp_dir().join(format!("python-differential-{}", std::process::id()));
    let mut results: Vec<Option<Vec<Line>>> = vec![None; programs.len()];
    let mut pending: Vec<(usize, PathBuf, PathBuf)> = Vec::new();
    for (i, src) in programs.iter().enumerate() {
        let key = cache.join(format!("{:016x}.jsonl", hash_of(&[src, &harness])));
        if let (false, Ok(text)) = (fresh, std::fs::read_to_string(&key)) {
            results[i] = Some(parse_trace(&text));
            continue;
        }
        let dir = work.join(i.to_string());
        std::fs::create_dir_all(&dir).expect("a work directory");
        std::fs::write(dir.join("main.py"), src).expect("write the program");
        let _ = std::fs::remove_file(dir.join("trace.jsonl"));
        pending.push((i, dir, key));
    }
    let mut running: Vec<(Child, usize, PathBuf, PathBuf)> = Vec::new();
    let mut queue = pending.into_iter();
    loop {
        while running.len() < parallel {
            let Some((i, dir, key)) = queue.next() else { break };
            let child = Command::new("python3")
                .arg(&harness_path)
                .arg(&dir)
                .spawn()
                .expect("python3 runs (it is the reference)");
            running.push((child, i, dir, key));
        }
        if running.is_empty() {
            break;
        }
        let (mut child, i, dir, key) = running.remove(0);
        child.wait().expect("python3 finishes");
        let text = std::fs::read_to_string(dir.join("trace.jsonl")).unwrap_or_default();
        std::fs::write(&key, &text).expect("write the cache");
        results[i] = Some(parse_trace(&text));
    }
    let _ = std::fs::remove_dir_all(&work);
    results.into_iter().map(|r| r.expect("every program ran")).collect()
}

fn ours(src: &str) -> Vec<Line> {
    // A debug build takes much more native stack per Python call than a release build.
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || ours_here(&src))
        .expect("a thread")
        .join()
        .expect("the interpreter does not panic")
}

fn ours_here(src: &str) -> Vec<Line> {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(4);
    // The thread's stack, not the browser's, bounds recursion here (CPython's 1000 calls).
    let limits = playground_python::Limits { max_stack: 192 << 20, ..Default::default() };
    match playground_python::run_virtual_limited(src, UNIT, cores, limits) {
        Ok(lines) => lines
            .into_iter()
            .map(|l| Line { event: l.event.as_str().into(), text: l.text, t: l.t, who: l.who })
            .collect(),
        Err(e) => vec![Line { event: "refused".into(), text: e.to_string(), t: 0.0, who: "main".into() }],
    }
}

/// The lines of standard error that must match: exception lines, asyncio's messages, warnings.
fn key_stderr(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines.iter().filter(|l| l.event == "stderr") {
        let t = l.text.trim_start_matches([' ', '|', '+', '-']).trim_end();
        if let Some(p) = t.find("RuntimeWarning: coroutine") {
            out.push(t[p..].to_string());
        } else if t.contains(": SyntaxWarning: ")
            || t.starts_with("Task exception was never retrieved")
            || t.starts_with("Future exception was never retrieved")
            || t.starts_with("unhandled exception during asyncio.run() shutdown")
        {
            out.push(t.to_string());
        } else if t.starts_with("Exception in callback") {
            out.push("Exception in callback".into());
        } else if t.starts_with("Exception ignored in: ") {
            out.push(t.split(" at 0x").next().unwrap_or(t).to_string());
        } else if is_exception_line(t) && !l.text.starts_with(' ') {
            out.push(t.to_string());
        }
    }
    out
}

fn is_exception_line(t: &str) -> bool {
    let name = t.split(':').next().unwrap_or("");
    !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && (name.ends_with("Error")
            || name.ends_with("Exception")
            || name.ends_with("Group")
            || name.ends_with("Interrupt"))
}

/// Lines that pool workers (threads, processes) write within this many ms of each other
/// race in CPython itself (two threads, or two processes, printing at once): their order
/// may be either.
const RACE_MS: f64 = 10.0;

/// The index ranges of CPython's print lines that race: runs of lines written by pool
/// workers within [`RACE_MS`] of the run's first.
fn races(pp: &[&Line]) -> Vec<std::ops::Range<usize>> {
    let worker = |l: &Line| l.who == "thread" || l.who == "process";
    let mut out = Vec::new();
    let mut i = 0;
    while i < pp.len() {
        let mut j = i + 1;
        while worker(pp[i]) && j < pp.len() && worker(pp[j]) && pp[j].t - pp[i].t <= RACE_MS {
            j += 1;
        }
        if j - i > 1 {
            out.push(i..j);
        }
        i = j;
    }
    out
}

fn compare(py: &[Line], rs: &[Line]) -> Result<(), String> {
    let mut pp: Vec<&Line> = py.iter().filter(|l| l.event == "print").collect();
    let mut rp: Vec<&Line> = rs.iter().filter(|l| l.event == "print").collect();
    // Within a race, both sides are put in one order (by task, then text) before comparing.
    for r in races(&pp) {
        let key = |l: &&Line| (l.who.clone(), l.text.clone());
        pp[r.clone()].sort_by_key(key);
        if r.end <= rp.len() {
            rp[r].sort_by_key(key);
        }
    }
    for (k, (a, b)) in pp.iter().zip(rp.iter()).enumerate() {
        if a.text != b.text || a.who != b.who || (a.t - b.t).abs() > TOLERANCE_MS {
            return Err(format!(
                "print line {k}: CPython {:?} by {} at {:.0} ms, ours {:?} by {} at {:.0} ms",
                a.text, a.who, a.t, b.text, b.who, b.t
            ));
        }
    }
    if pp.len() != rp.len() {
        return Err(format!("CPython printed {} lines, ours {}", pp.len(), rp.len()));
    }
    let (ks, ko) = (key_stderr(py), key_stderr(rs));
    if ks != ko {
        return Err(format!("stderr key lines differ:\n  CPython {ks:?}\n  ours    {ko:?}"));
    }
    let last = |v: &[Line]| v.iter().rev().find(|l| l.event == "stderr").map(|l| l.text.trim().to_string());
    if last(py) != last(rs) {
        return Err(format!("last stderr line: CPython {:?}, ours {:?}", last(py), last(rs)));
    }
    if rs.iter().any(|l| l.event == "refused") {
        return Err(format!("refused: {}", rs[0].text));
    }
    Ok(())
}

fn show(lines: &[Line]) -> String {
    lines.iter().map(|l| format!("    {:>7.0} {:<8} {:<6} {}\n", l.t, l.who, l.event, l.text)).collect()
}

#[test]
fn programs_match_cpython() {
    // The page's examples (the engine includes them) are a set of their own.
    let mut sets: Vec<(&str, Vec<(String, String)>)> =
        vec![("seed", read_set("seed")), ("docs", read_set("docs")), ("examples", read_set("examples"))];
    sets.push(("generated", (0..GENERATED).map(|i| (format!("#{i}"), generator::program(i as u64))).collect()));
    let all: Vec<String> = sets.iter().flat_map(|(_, p)| p.iter().map(|(_, s)| s.clone())).collect();
    if let Ok(dir) = std::env::var("DIFFERENTIAL_DUMP") {
        let generated = sets.iter().find(|(name, _)| *name == "generated").map_or(&[][..], |(_, p)| &p[..]);
        for (i, src) in generated.iter().map(|(_, s)| s).enumerate() {
            std::fs::write(PathBuf::from(&dir).join(format!("gen{i}.py")), src).expect("dump a generated program");
        }
    }
    let mut reference = cpython_traces(&all, PARALLEL, false);
    let traces: Vec<Vec<Line>> = all.iter().map(|src| ours(src)).collect();
    for attempt in 0..RETRIES {
        let differing: Vec<usize> = (0..all.len()).filter(|&k| compare(&reference[k], &traces[k]).is_err()).collect();
        if differing.is_empty() {
            break;
        }
        let again: Vec<String> = differing.iter().map(|&k| all[k].clone()).collect();
        let fresh = cpython_traces(&again, (4 >> attempt).max(1), true);
        for (k, trace) in differing.into_iter().zip(fresh) {
            reference[k] = trace;
        }
    }
    let mut k = 0;
    let mut summary = Vec::new();
    let mut failures = Vec::new();
    for (set, programs) in &sets {
        let mut ok = 0;
        for (name, _) in programs {
            match compare(&reference[k], &traces[k]) {
                Ok(()) => ok += 1,
                Err(why) => failures.push(format!(
                    "{set}/{name}: {why}\n  CPython:\n{}  ours:\n{}",
                    show(&reference[k]),
                    show(&traces[k])
                )),
            }
            k += 1;
        }
        summary.push(format!("{set} {ok} of {}", programs.len()));
    }
    let line = format!("python differential: {} programs match CPython", summary.join(", "));
    println!("{line}");
    // Also straight to the process's standard error, which the test harness does not capture.
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{line}");
    let dump = cache_dir().join("failures.txt");
    let _ = std::fs::remove_file(&dump);
    if !failures.is_empty() {
        let _ = std::fs::write(&dump, failures.join("\n"));
    }
    assert!(failures.is_empty(), "{} programs differ from CPython:\n{}", failures.len(), failures.join("\n"));
}
