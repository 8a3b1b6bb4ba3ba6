//! What a finished run shows, in numbers and one sentence.

use crate::scenario::{Mode, Scenario, SleepKind};
use crate::trace::{Event, TraceEvent, Who};

/// The figures and the sentence under a finished run.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The run's total time, in scenario seconds.
    pub total: f64,
    /// The sum of the sleeps: the ideal time of running the jobs one after another.
    pub sequential: f64,
    /// The longest sleep: the ideal time of running them all at once.
    pub concurrent: f64,
    /// One sentence on what this run shows.
    pub sentence: String,
}

/// The output line of an event: `t=1.00  fetch_data(1) returned "Result of 1"`.
pub fn output_line(event: &TraceEvent, unit: u16) -> String {
    format!("t={:.2}  {}", event.seconds(unit), event.detail)
}

fn count(events: &[TraceEvent], event: Event) -> usize {
    events.iter().filter(|e| e.event == event && matches!(e.who, Who::Job(_))).count()
}

/// Summarises a finished run of `scenario` (times measured at `scenario.unit`).
pub fn summarize(scenario: &Scenario, events: &[TraceEvent]) -> Summary {
    let total = events.iter().map(|e| e.seconds(scenario.unit)).fold(0.0, f64::max);
    let (sequential, concurrent) = (scenario.sequential_seconds(), scenario.concurrent_seconds());
    let linger = f64::from(scenario.linger_tenths) / 10.0;
    let error_at =
        events.iter().find(|e| e.who == Who::Main && e.event == Event::Raise).map(|e| e.seconds(scenario.unit));
    let cancelled = count(events, Event::Cancel);
    let why = match error_at {
        Some(at) if scenario.mode == Mode::Group && cancelled > 0 => format!(
            "an error reached main at {at:.2} s, and the TaskGroup cancelled {cancelled} job{} still running",
            plural(cancelled)
        ),
        Some(at) if matches!(scenario.mode, Mode::Tasks | Mode::Gather) => {
            let orphans = events
                .iter()
                .filter(|e| {
                    matches!(e.who, Who::Job(_)) && matches!(e.event, Event::Return | Event::Raise | Event::Cancel)
                })
                .filter(|e| e.seconds(scenario.unit) > at + 1e-3)
                .count();
            if orphans > 0 {
                format!(
                    "an error reached main at {at:.2} s while {orphans} other job{} kept running as orphans",
                    plural(orphans)
                )
            } else {
                format!("an error reached main at {at:.2} s")
            }
        }
        Some(at) => format!("an error reached main at {at:.2} s"),
        None => String::new(),
    };
    let how = if scenario.mode == Mode::Sync {
        "plain function calls ran one after another, with no event loop".to_string()
    } else if scenario.mode == Mode::Await {
        "each await ran its coroutine to the end before the next began, so nothing overlapped".to_string()
    } else if scenario.effective_sleep() == SleepKind::Blocking {
        "the blocking sleep held the event loop, so nothing overlapped".to_string()
    } else if scenario.effective_sleep().uses_workers() {
        "the blocking sleeps ran in Web Workers, so the jobs overlapped".to_string()
    } else {
        "the tasks overlapped".to_string()
    };
    let mut sentence = format!("{total:.2} s: {how}");
    if !why.is_empty() {
        sentence = format!("{sentence}; {why}");
    }
    if linger > 0.0 {
        sentence.push_str(&format!(" (main lingered {linger:.1} s at the end)"));
    }
    sentence.push('.');
    Summary { total, sequential, concurrent, sentence }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ideal::ideal_trace;
    use crate::link::from_link;

    fn sentence(query: &str) -> String {
        let scenario = from_link(query).0.scenario;
        summarize(&scenario, &ideal_trace(&scenario).expect("runs")).sentence
    }

    #[test]
    fn sentences() {
        let cases = [
            ("lesson=tasks", "2.00 s: the tasks overlapped."),
            ("lesson=blocking", "3.00 s: the blocking sleep held the event loop, so nothing overlapped."),
            ("lesson=sync", "3.00 s: plain function calls ran one after another, with no event loop."),
            ("lesson=await", "3.00 s: each await ran its coroutine to the end before the next began, so nothing overlapped."),
            (
                "lesson=gather",
                "4.00 s: the tasks overlapped; an error reached main at 2.00 s while 1 other job kept running as \
                 orphans (main lingered 2.0 s at the end).",
            ),
            (
                "mode=group&jobs=1,2!,3",
                "2.00 s: the tasks overlapped; an error reached main at 2.00 s, and the TaskGroup cancelled 1 job still running.",
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(sentence(query), expected, "{query}");
        }
    }
}
