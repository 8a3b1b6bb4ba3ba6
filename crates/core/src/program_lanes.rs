//! The timeline of a program's run: a lane for the event loop, one for the module's own
//! code when it blocks, one per task (named as CPython names them) and one per pool worker
//! (`thread 1`, `process 1`...), derived from the activity alone so that it grows as the
//! run happens. One pass sorts the activity by lane, so that a redraw costs the activity's
//! length, not its square.

use crate::lanes::{loop_bars, push, secs, Bar, BarKind, Ending, Lane, Mark, Timeline};
use crate::program_run::ProgramTrace;
use crate::program_trace::{Activity, TaskEnd};
use std::collections::HashMap;

/// A call sent to a pool: who sent it, when, what; when a worker began and ended it.
struct Call<'a> {
    process: bool,
    func: &'a str,
    by: Option<u32>,
    sent: f64,
    began: Option<(u32, f64)>,
    ended: Option<f64>,
}

/// The timeline of `trace` at `unit` ms per second; open bars reach `now` (ms).
pub fn program_timeline(trace: &ProgramTrace, unit: u16, now: f64) -> Timeline {
    let until = trace.end.unwrap_or(now);
    let mut t = Timeline { rows: vec![(Lane::Loop, "event loop".into())], ..Timeline::default() };
    let mut tasks: HashMap<u32, Vec<&Activity>> = HashMap::new();
    let mut calls: Vec<Call> = Vec::new();
    let mut blocked = Vec::new();
    for a in &trace.activity {
        match a {
            Activity::TaskCreated { id, .. } | Activity::Step { id, .. } | Activity::TaskDone { id, .. } => {
                tasks.entry(*id).or_default().push(a)
            }
            Activity::Blocked { from, to, .. } => blocked.push((*from, *to)),
            Activity::PoolCall { call, process, func, by, t } => {
                let at = *call as usize;
                if calls.len() <= at {
                    calls.resize_with(at + 1, || Call {
                        process: false,
                        func: "",
                        by: None,
                        sent: 0.0,
                        began: None,
                        ended: None,
                    });
                }
                calls[at] = Call { process: *process, func, by: *by, sent: *t, began: None, ended: None };
            }
            Activity::PoolStart { call, worker, t } => {
                if let Some(c) = calls.get_mut(*call as usize) {
                    c.began = Some((*worker, *t));
                }
            }
            Activity::PoolEnd { call, t, .. } => {
                if let Some(c) = calls.get_mut(*call as usize) {
                    c.ended = Some(*t);
                }
            }
        }
    }
    if trace.activity.iter().any(|a| matches!(a, Activity::Blocked { id: None, .. })) {
        t.rows.push((Lane::Module, "main.py".into()));
    }
    for a in &trace.activity {
        if let Activity::TaskCreated { id, name, coro, .. } = a {
            let label = if name.starts_with("Task-") { format!("{name} {coro}") } else { name.clone() };
            t.rows.push((Lane::Task(*id), label));
        }
    }
    let bars = &mut t.bars;
    for (lane, label) in t.rows.iter().skip(1) {
        let Lane::Task(id) = *lane else { continue };
        task_bars(tasks.get(&id).map_or(&[][..], Vec::as_slice), id, label, unit, until, bars, &mut t.marks);
    }
    // After the tasks' own bars, so that a wait for a worker is drawn over the await.
    workers(&calls, unit, until, &mut t);
    let bars = &mut t.bars;
    for h in trace.activity.iter() {
        if let Activity::Blocked { id, line, from, to } = *h {
            let lane = id.map_or(Lane::Module, Lane::Task);
            let text =
                format!("time.sleep at line {line} holds the event loop, {} to {}", secs(from, unit), secs(to, unit));
            push(bars, lane, BarKind::Blocking, from, to, text);
        }
    }
    loop_bars(blocked, bars, 0.0, until, unit);
    if let Some(end) = trace.end {
        t.marks.push(Mark {
            lane: Lane::Loop,
            ending: Ending::End,
            at: end,
            text: format!("the run ended at {}", secs(end, unit)),
        });
    }
    t
}

/// The pools' workers' lanes (each call in its worker), and the waits for a free worker on
/// the lanes of the tasks that sent the calls.
fn workers(calls: &[Call], unit: u16, until: f64, t: &mut Timeline) {
    let mut named: HashMap<u32, String> = HashMap::new();
    let (mut threads, mut processes) = (0, 0);
    for c in calls {
        let Some((worker, began)) = c.began else { continue };
        let name = named.entry(worker).or_insert_with(|| {
            let (kind, k) = if c.process { ("process", &mut processes) } else { ("thread", &mut threads) };
            *k += 1;
            let name = format!("{kind} {k}");
            t.rows.push((Lane::Worker(worker), name.clone()));
            name
        });
        let to = c.ended.unwrap_or(until);
        let text = format!("{} runs in {name}, {} to {}", c.func, secs(began, unit), secs(to, unit));
        push(&mut t.bars, Lane::Worker(worker), BarKind::InWorker, began, to, text);
        if let Some(id) = c.by {
            let text = format!("{} waits for a free worker, until {}", c.func, secs(began, unit));
            push(&mut t.bars, Lane::Task(id), BarKind::WaitingWorker, c.sent, began, text);
        }
    }
}

/// A task's lane: scheduled until its first step, then its steps and the awaits between them.
fn task_bars(
    events: &[&Activity],
    id: u32,
    name: &str,
    unit: u16,
    until: f64,
    bars: &mut Vec<Bar>,
    marks: &mut Vec<Mark>,
) {
    let mut cursor: Option<f64> = None;
    let mut awaiting_from: Option<(f64, usize)> = None;
    for a in events {
        match **a {
            Activity::TaskCreated { t, .. } => cursor = Some(t),
            Activity::Step { from, to, line, .. } => {
                match awaiting_from.take() {
                    Some((since, at)) => {
                        let text = format!("{name} awaits at line {at}, {} to {}", secs(since, unit), secs(from, unit));
                        push(bars, Lane::Task(id), BarKind::Waiting, since, from, text);
                    }
                    None => {
                        let since = cursor.unwrap_or(from);
                        let text = format!(
                            "{name} is scheduled: it waits for the loop to start it, until {}",
                            secs(from, unit)
                        );
                        push(bars, Lane::Task(id), BarKind::Scheduled, since, from, text);
                    }
                }
                let text = format!(
                    "{name} runs a step on the loop, {} to {} (to line {line})",
                    secs(from, unit),
                    secs(to, unit)
                );
                push(bars, Lane::Task(id), BarKind::Step, from, to.max(from + 0.001), text);
                awaiting_from = Some((to, line));
            }
            Activity::TaskDone { end, t, .. } => {
                let (ending, what) = match end {
                    TaskEnd::Returned => (Ending::Returned, "returned"),
                    TaskEnd::Raised => (Ending::Raised, "raised"),
                    TaskEnd::Cancelled => (Ending::Cancelled, "was cancelled"),
                };
                marks.push(Mark {
                    lane: Lane::Task(id),
                    ending,
                    at: t,
                    text: format!("{name} {what} at {}", secs(t, unit)),
                });
                return;
            }
            _ => {}
        }
    }
    // Still pending: it awaits (or waits to start) until now.
    if let Some((since, at)) = awaiting_from {
        push(bars, Lane::Task(id), BarKind::Waiting, since, until, format!("{name} awaits at line {at}"));
    } else if let Some(since) = cursor {
        push(bars, Lane::Task(id), BarKind::Scheduled, since, until, format!("{name} is scheduled"));
    }
}
