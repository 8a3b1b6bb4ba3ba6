//! The Rust that actually runs, for the code panel: pieces cut from the very source
//! files compiled into the playground (`include_str!`), never a hand-kept copy.

use crate::scenario::{Mode, Scenario, SleepKind};
use crate::trace::{Event, Who};
use std::fmt::Write as _;

/// The scenario program's source file.
pub const PROGRAM: &str = include_str!("program.rs");
/// `asyncio.gather`'s source file.
pub const GATHER: &str = include_str!("aio/gather.rs");
/// `asyncio.TaskGroup`'s source file.
pub const GROUP: &str = include_str!("aio/group.rs");

/// The item of `source` whose first line starts with `signature`, with its doc
/// comments, up to its closing brace at column 0.
pub fn item(source: &str, signature: &str) -> Option<String> {
    let lines: Vec<&str> = source.lines().collect();
    let start = lines.iter().position(|l| l.starts_with(signature))?;
    let mut first = start;
    while first > 0 && lines[first - 1].starts_with("///") {
        first -= 1;
    }
    let end = start + lines[start..].iter().position(|l| *l == "}")?;
    Some(lines[first..=end].join("\n"))
}

/// The signatures of the items that run for `mode`, in reading order.
pub fn signatures(mode: Mode) -> Vec<(&'static str, &'static str)> {
    let main = match mode {
        Mode::Sync => "fn main_sync(",
        Mode::Await => "async fn main_await(",
        Mode::Tasks => "async fn main_tasks(",
        Mode::Gather | Mode::GatherRx => "async fn main_gather(",
        Mode::Group => "async fn main_group(",
    };
    let job = if mode == Mode::Sync { "fn fetch_data_sync(" } else { "async fn fetch_data(" };
    let mut items = vec![(PROGRAM, job), (PROGRAM, "fn finish_job("), (PROGRAM, main)];
    if mode != Mode::Sync {
        items.push((PROGRAM, "impl Drop for Unfinished"));
    }
    if mode.uses_tasks() {
        items.push((PROGRAM, "fn on_cancel("));
    }
    match mode {
        Mode::Gather | Mode::GatherRx => items.push((GATHER, "pub fn gather<")),
        Mode::Group => items.push((GROUP, "fn on_task_done<")),
        _ => {}
    }
    items.extend([(PROGRAM, "async fn main("), (PROGRAM, "pub fn main_task("), (PROGRAM, "pub async fn run(")]);
    items
}

/// The Rust panel for `s`: the scenario value it runs with, then the source that runs.
pub fn rust_program(s: &Scenario) -> String {
    let mut out = String::new();
    let jobs: Vec<String> =
        s.jobs.iter().map(|j| format!("{} s{}", j.seconds(), if j.fails { " (raises)" } else { "" })).collect();
    let _ = writeln!(
        out,
        "// Runs with: mode {}, jobs [{}], order {:?}, sleep {}, linger {} s, {} ms per second",
        s.mode,
        jobs.join(", "),
        s.order,
        s.effective_sleep(),
        f64::from(s.linger_tenths) / 10.0,
        s.unit
    );
    let runtime = match s.effective_sleep() {
        SleepKind::Blocking => {
            "// rt.block(ms) is a real busy wait on performance.now(): the page's only thread is held."
        }
        _ => "// rt.sleep(ms) is a gloo-timers timeout; tasks are spawn_local'd onto the browser's event loop.",
    };
    let _ = writeln!(out, "{runtime}\n");
    for (source, signature) in signatures(s.mode) {
        if let Some(text) = item(source, signature) {
            out.push_str(&text);
            out.push_str("\n\n");
        }
    }
    out
}

/// The line (0-based) of the Rust panel for `s` that records `event` of `who`.
pub fn rust_line(s: &Scenario, who: Who, event: Event) -> Option<usize> {
    let marker = match (who, event) {
        (Who::Main, Event::Start) => "\"main() started\"",
        (Who::Main, Event::Result) => "run.received(",
        (Who::Main, Event::Raise) => "main() caught",
        (Who::Main, Event::End) => "the run is over",
        (Who::Main, Event::Cancel) => "Stop is Ctrl-C",
        (Who::Job(_), Event::Start) => "fetch_data({k}) started",
        (Who::Job(_), Event::Return) => "returned \\\"Result of",
        (Who::Job(_), Event::Raise) => "raised {error}",
        (Who::Job(_), Event::Cancel) => "fetch_data({k}) was cancelled\")",
        (Who::Job(_), Event::WorkerStart | Event::WorkerFree) => "pool.submit(",
        _ => return None,
    };
    rust_program(s).lines().position(|l| l.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_shows_real_items_of_the_source() {
        for &mode in Mode::ALL {
            for (source, signature) in signatures(mode) {
                let text = item(source, signature).unwrap_or_else(|| panic!("{signature} is in the source"));
                assert!(source.contains(&text), "shown verbatim");
                assert!(text.ends_with('}'), "{signature} is shown whole");
            }
        }
    }

    #[test]
    fn every_event_points_at_the_line_that_records_it() {
        for query in [
            "lesson=sync",
            "lesson=await",
            "lesson=tasks",
            "lesson=gather",
            "mode=group&jobs=1,2!,3&sleep=thread&workers=2",
        ] {
            let s = crate::link::from_link(query).0.scenario;
            let panel = rust_program(&s);
            let python = crate::python::python_program(&s);
            for e in crate::ideal::ideal_trace(&s).expect("runs") {
                let line = rust_line(&s, e.who, e.event).unwrap_or_else(|| panic!("{query}: {e:?} has a Rust line"));
                assert!(panel.lines().nth(line).is_some());
                let py = crate::python::python_line(&s, e.who, e.event, e.of);
                assert!(py.is_some_and(|l| python.lines().nth(l).is_some()), "{query}: {e:?} has a Python line");
            }
        }
    }

    #[test]
    fn the_sources_are_the_compiled_files() {
        let files = [(PROGRAM, "program.rs"), (GATHER, "aio/gather.rs"), (GROUP, "aio/group.rs")];
        for (text, file) in files {
            let on_disk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/").to_string() + file);
            assert_eq!(on_disk.expect("readable"), text, "{file}");
        }
    }
}
