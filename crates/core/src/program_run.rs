//! A program's run as the page holds it: the lines written and the tasks' activity, as
//! they arrive from the engine, and what is derived from them for people: each output
//! line's words, the blocking the heartbeat names, the export.

use crate::lanes::secs;
use crate::program_trace::{Activity, Line, ProgramEvent};
use std::fmt::Write as _;

/// What a program's run has reported so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramTrace {
    /// The lines written, in order.
    pub lines: Vec<Line>,
    /// What its tasks did, in order.
    pub activity: Vec<Activity>,
    /// When the run ended (ms), once it has.
    pub end: Option<f64>,
}

/// An interval in which a program held the loop's thread with `time.sleep`.
#[derive(Clone, Debug, PartialEq)]
pub struct Hold {
    /// Who called it: a task's name, or `main` outside any task.
    pub who: String,
    /// The line of the call.
    pub line: usize,
    /// From (ms).
    pub from: f64,
    /// To (ms).
    pub to: f64,
}

impl ProgramTrace {
    /// Adds what the engine reported.
    pub fn push(&mut self, event: ProgramEvent) {
        match event {
            ProgramEvent::Line(l) => self.lines.push(l),
            ProgramEvent::Activity(a) => self.activity.push(a),
            ProgramEvent::End(t) => self.end = Some(t),
        }
    }

    /// The name of task `id`, as CPython names it (`Task-N` if it was never announced).
    pub fn task_name(&self, id: u32) -> String {
        self.activity
            .iter()
            .find_map(|a| match a {
                Activity::TaskCreated { id: i, name, .. } if *i == id => Some(name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| format!("Task-{id}"))
    }

    /// Every interval in which the program held the loop's thread, in order.
    pub fn holds(&self) -> Vec<Hold> {
        self.activity
            .iter()
            .filter_map(|a| match *a {
                Activity::Blocked { id, line, from, to } => {
                    let who = id.map_or_else(|| "main".to_string(), |id| self.task_name(id));
                    Some(Hold { who, line, from, to })
                }
                _ => None,
            })
            .collect()
    }

    /// The event under replay position `i`: the output lines, then the end.
    pub fn replay_len(&self) -> usize {
        self.lines.len() + usize::from(self.end.is_some())
    }
}

/// How far the measured run's lines came from the ideal run's (ms), when both wrote the same
/// lines in the same order: the largest difference of their times (`None` otherwise, or when
/// either wrote none).
pub fn ideal_difference(real: &ProgramTrace, ideal: &ProgramTrace) -> Option<f64> {
    let same = real.lines.len() == ideal.lines.len()
        && real.lines.iter().zip(&ideal.lines).all(|(a, b)| a.text == b.text && a.who == b.who);
    (same && !real.lines.is_empty())
        .then(|| real.lines.iter().zip(&ideal.lines).map(|(a, b)| (a.t - b.t).abs()).fold(0.0, f64::max))
}

/// What the program's blocking amounted to, in program seconds at `unit`: `None` if it
/// never held the loop. Calls from the same line and task are added up.
pub fn hold_words(holds: &[Hold], unit: u16) -> Option<String> {
    if holds.is_empty() {
        return None;
    }
    let mut parts: Vec<(String, usize, f64)> = Vec::new();
    for h in holds {
        match parts.iter_mut().find(|(who, line, _)| *who == h.who && *line == h.line) {
            Some(part) => part.2 += h.to - h.from,
            None => parts.push((h.who.clone(), h.line, h.to - h.from)),
        }
    }
    let total: f64 = holds.iter().map(|h| h.to - h.from).sum();
    let mut words = format!("Your program blocked the event loop for {}: ", secs(total, unit));
    for (i, (who, line, ms)) in parts.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(words, "{sep}time.sleep at line {line} ({who}) {}", secs(*ms, unit));
    }
    words.push('.');
    Some(words)
}

/// An output line's time in program seconds at `unit`, as the output shows it (`t=1.50`).
pub fn line_time(line: &Line, unit: u16) -> String {
    let t = secs(line.t, unit);
    format!("t={}", t.trim_end_matches(" s"))
}

/// The export of a program's run: a JSON array of `{"who","event","t","text","line"}` in
/// order, ending with `main`'s `end`.
pub fn to_json(trace: &ProgramTrace) -> String {
    let mut out = String::from("[");
    for (i, l) in trace.lines.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            "{sep}\n  {{\"who\": {}, \"event\": \"{}\", \"t\": {:.3}, \"text\": {}, \"line\": {}}}",
            json_string(&l.who),
            l.stream.event(),
            l.t,
            json_string(&l.text),
            l.line
        );
    }
    if let Some(t) = trace.end {
        let sep = if trace.lines.is_empty() { "" } else { "," };
        let _ = write!(out, "{sep}\n  {{\"who\": \"main\", \"event\": \"end\", \"t\": {t:.3}}}");
    }
    out.push_str(if out.len() > 1 { "\n]" } else { "]" });
    out
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The program's line a traceback's line names (`File "main.py", line 7, in main`), if any.
pub fn traceback_line(text: &str) -> Option<usize> {
    let rest = text.trim_start().strip_prefix("File \"main.py\", line ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}
