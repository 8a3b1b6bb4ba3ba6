//! Comparing two traces the way the spec's reference clause reads: the same events,
//! at times within a tolerance (in scenario seconds).
//!
//! Events of different actors at (nearly) the same instant may be listed in either
//! order: which goes first is up to the scheduler (CPython's shutdown even cancels
//! tasks in a set's order). So each actor's own events must come in the same order,
//! and the k-th event of an actor must match in kind, `of` and time. A job's worker
//! events (`worker-start`, `worker-free`) happen on another thread: they are a stream
//! of their own, ordered apart from the job's coroutine.

use crate::scenario::JobId;
use crate::trace::{Event, TraceEvent, Who};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One event in scenario seconds, the form both engines and CPython print.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Who.
    pub who: Who,
    /// What.
    pub event: Event,
    /// When, in scenario seconds.
    pub s: f64,
    /// Whose result, on `main`'s `result` events.
    pub of: Option<JobId>,
}

impl Point {
    /// The point of a trace event at `unit` ms per scenario second.
    pub fn of_event(e: &TraceEvent, unit: u16) -> Point {
        Point { who: e.who, event: e.event, s: e.seconds(unit), of: e.of }
    }

    /// Parses a line `who event seconds [of]` (the CPython reference's output).
    pub fn parse_line(line: &str) -> Result<Point, String> {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let bad = || format!("unreadable trace line: {line:?}");
        if parts.len() < 3 || parts.len() > 4 {
            return Err(bad());
        }
        let who = match parts[0] {
            "main" => Who::Main,
            k => Who::Job(k.parse().map_err(|_| bad())?),
        };
        let event = Event::from_name(parts[1]).ok_or_else(bad)?;
        let s = parts[2].parse().map_err(|_| bad())?;
        let of = match parts.get(3) {
            Some(of) => Some(of.parse().map_err(|_| bad())?),
            None => None,
        };
        Ok(Point { who, event, s, of })
    }
}

/// Whose stream of events an event belongs to: a job's coroutine, or the worker that
/// runs its blocking call (a thread of its own, ordered apart from the loop's).
type Stream = (Who, bool);

fn stream(who: Who, event: Event) -> Stream {
    (who, event.on_worker())
}

fn by_actor(points: &[Point]) -> BTreeMap<Stream, Vec<&Point>> {
    let mut map: BTreeMap<Stream, Vec<&Point>> = BTreeMap::new();
    for p in points {
        map.entry(stream(p.who, p.event)).or_default().push(p);
    }
    map
}

fn show(p: Option<&&Point>) -> String {
    match p {
        Some(p) => {
            let of = p.of.map(|o| format!(" of {o}")).unwrap_or_default();
            format!("{} {}{of} at {:.3}", p.who.name(), p.event.name(), p.s)
        }
        None => "nothing".into(),
    }
}

/// `Ok` if `actual` matches `expected` within `tolerance` seconds; else every difference.
pub fn compare(expected: &[Point], actual: &[Point], tolerance: f64) -> Result<(), String> {
    let (want, got) = (by_actor(expected), by_actor(actual));
    let mut problems = String::new();
    let actors: std::collections::BTreeSet<Stream> = want.keys().chain(got.keys()).copied().collect();
    for who in actors {
        let (w, g) = (want.get(&who).cloned().unwrap_or_default(), got.get(&who).cloned().unwrap_or_default());
        for i in 0..w.len().max(g.len()) {
            let (a, b) = (w.get(i), g.get(i));
            let same = match (a, b) {
                (Some(a), Some(b)) => a.event == b.event && a.of == b.of && (a.s - b.s).abs() <= tolerance,
                _ => false,
            };
            if !same {
                let _ = writeln!(problems, "  expected {}, got {}", show(a), show(b));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The largest time difference between matching events (after [`compare`] passed).
pub fn max_difference(expected: &[Point], actual: &[Point]) -> f64 {
    let (want, got) = (by_actor(expected), by_actor(actual));
    let mut worst: f64 = 0.0;
    for (who, w) in &want {
        if let Some(g) = got.get(who) {
            for (a, b) in w.iter().zip(g) {
                worst = worst.max((a.s - b.s).abs());
            }
        }
    }
    worst
}

/// For each event of `real`, the time of its match in `ideal`: the same actor's event
/// of the same rank (the pairing [`compare`] and [`max_difference`] use), if there is one.
pub fn ideal_times(real: &[TraceEvent], ideal: &[TraceEvent]) -> Vec<Option<f64>> {
    let mut by_who: BTreeMap<Stream, Vec<f64>> = BTreeMap::new();
    for e in ideal {
        by_who.entry(stream(e.who, e.event)).or_default().push(e.t);
    }
    let mut ranks: BTreeMap<Stream, usize> = BTreeMap::new();
    real.iter()
        .map(|e| {
            let rank = ranks.entry(stream(e.who, e.event)).or_default();
            let t = by_who.get(&stream(e.who, e.event)).and_then(|ts| ts.get(*rank)).copied();
            *rank += 1;
            t
        })
        .collect()
}

/// Reads the reference script's output: blocks of `# <scenario query>` followed by
/// trace lines, separated by empty lines.
pub fn parse_blocks(text: &str) -> Result<Vec<(String, Vec<Point>)>, String> {
    let mut blocks = Vec::new();
    for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut lines = block.lines();
        let query = lines
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .ok_or_else(|| format!("a block must start with `# <query>`: {block:?}"))?;
        let points = lines.map(Point::parse_line).collect::<Result<Vec<_>, _>>()?;
        blocks.push((query.to_string(), points));
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_is_paired_with_its_actors_event_of_the_same_rank() {
        let e = |who, t| TraceEvent { who, event: Event::Start, t, of: None, detail: String::new() };
        let real = [e(Who::Main, 1.0), e(Who::Job(1), 2.0), e(Who::Job(1), 3.0), e(Who::Job(2), 4.0)];
        let ideal = [e(Who::Job(1), 20.0), e(Who::Main, 10.0), e(Who::Job(1), 30.0)];
        assert_eq!(ideal_times(&real, &ideal), [Some(10.0), Some(20.0), Some(30.0), None]);
    }
}
