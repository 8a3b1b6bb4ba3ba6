//! The timeline of a program's run: a lane for the event loop, one for the module's own
//! code when it blocks, one per task (named as CPython names them) and one per pool worker
//! (`thread 1`, `process 1`...), derived from the activity alone so that it grows as the
//! run happens.

use crate::lanes::{loop_bars, push, secs, Bar, BarKind, Ending, Lane, Mark, Timeline};
use crate::program_run::ProgramTrace;
use crate::program_trace::{Activity, TaskEnd};

/// The timeline of `trace` at `unit` ms per second; open bars reach `now` (ms).
pub fn program_timeline(trace: &ProgramTrace, unit: u16, now: f64) -> Timeline {
    let until = trace.end.unwrap_or(now);
    let mut t = Timeline { rows: vec![(Lane::Loop, "event loop".into())], ..Timeline::default() };
    let holds = trace.holds();
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
        task_bars(trace, id, label, unit, until, bars, &mut t.marks);
    }
    // After the tasks' own bars, so that a wait for a worker is drawn over the await.
    workers(trace, unit, until, &mut t);
    let bars = &mut t.bars;
    for h in trace.activity.iter() {
        if let Activity::Blocked { id, line, from, to } = *h {
            let lane = id.map_or(Lane::Module, Lane::Task);
            let text =
                format!("time.sleep at line {line} holds the event loop, {} to {}", secs(from, unit), secs(to, unit));
            push(bars, lane, BarKind::Blocking, from, to, text);
        }
    }
    let blocked: Vec<(f64, f64)> = holds.iter().map(|h| (h.from, h.to)).collect();
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
fn workers(trace: &ProgramTrace, unit: u16, until: f64, t: &mut Timeline) {
    let mut named: Vec<(u32, bool)> = Vec::new();
    for a in &trace.activity {
        let Activity::PoolStart { call, worker, t: began } = *a else { continue };
        let Some((process, func, by, sent)) = trace.activity.iter().find_map(|b| match b {
            Activity::PoolCall { call: c, process, func, by, t } if *c == call => {
                Some((*process, func.as_str(), *by, *t))
            }
            _ => None,
        }) else {
            continue;
        };
        let ended = trace.activity.iter().find_map(|b| match *b {
            Activity::PoolEnd { call: c, t, .. } if c == call => Some(t),
            _ => None,
        });
        if !named.iter().any(|(w, _)| *w == worker) {
            let kind = if process { "process" } else { "thread" };
            let k = named.iter().filter(|(_, p)| *p == process).count() + 1;
            named.push((worker, process));
            t.rows.push((Lane::Worker(worker), format!("{kind} {k}")));
        }
        let where_ = t.rows.iter().find(|(l, _)| *l == Lane::Worker(worker)).map_or(String::new(), |(_, n)| n.clone());
        let to = ended.unwrap_or(until);
        push(
            &mut t.bars,
            Lane::Worker(worker),
            BarKind::InWorker,
            began,
            to,
            format!("{func} runs in {where_}, {} to {}", secs(began, unit), secs(to, unit)),
        );
        if let Some(id) = by {
            let text = format!("{func} waits for a free worker, until {}", secs(began, unit));
            push(&mut t.bars, Lane::Task(id), BarKind::WaitingWorker, sent, began, text);
        }
    }
}

/// A task's lane: scheduled until its first step, then its steps and the awaits between them.
fn task_bars(
    trace: &ProgramTrace,
    id: u32,
    name: &str,
    unit: u16,
    until: f64,
    bars: &mut Vec<Bar>,
    marks: &mut Vec<Mark>,
) {
    let mut cursor: Option<f64> = None;
    let mut awaiting_from: Option<(f64, usize)> = None;
    for a in &trace.activity {
        match *a {
            Activity::TaskCreated { id: i, t, .. } if i == id => cursor = Some(t),
            Activity::Step { id: i, from, to, line } if i == id => {
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
            Activity::TaskDone { id: i, end, t } if i == id => {
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
