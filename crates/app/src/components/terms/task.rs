//! Task: `create_task` schedules at once; the task runs while the caller goes on.

use super::{fetch_data, Cell, CellLog, Cells};
use leptos::prelude::*;
use playground_core::aio::probe::{probe, ProbeState, ProbeStats};
use playground_core::aio::{create_task, Outcome, Task};
use std::rc::Rc;

type Probe = (Task<String, String>, Rc<ProbeStats>);

/// The state of a probed task, in asyncio's words.
pub fn task_state(task: &Task<String, String>, stats: &ProbeStats) -> &'static str {
    match task.outcome() {
        Some(Outcome::Returned(_)) => "done",
        Some(Outcome::Raised(_)) => "raised",
        Some(Outcome::Cancelled) => "cancelled",
        None => match stats.state() {
            ProbeState::Created => "pending (scheduled, not started yet)",
            ProbeState::Running => "running",
            ProbeState::Suspended => "sleeping (suspended at await asyncio.sleep)",
            ProbeState::Done | ProbeState::Dropped => "finishing",
        },
    }
}

/// The task cell.
#[component]
pub fn TaskCell(cells: Cells) -> impl IntoView {
    let log = RwSignal::new(Vec::<String>::new());
    let current = StoredValue::new_local(None::<Probe>);
    let rt = StoredValue::new_local(cells.rt.clone());
    let create = move |_| {
        let rt = rt.get_value();
        log.set(Vec::new());
        let (body, stats) = probe(fetch_data(rt.clone(), 2, log));
        let task = create_task(&rt, body, move |_| log.update(|l| l.push("fetch_data(2) was cancelled".into())));
        // The caller goes on at once: this line is printed before the task starts.
        log.update(|l| l.push("main: task created; main carries on without waiting".into()));
        current.set_value(Some((task, stats)));
    };
    let cancel = move |_| {
        current.with_value(|c| {
            if let Some((task, _)) = c {
                task.cancel();
            }
        })
    };
    let tick = cells.tick;
    let state = move || {
        tick.track();
        current.with_value(|c| match c {
            Some((task, stats)) => {
                format!("{} · poll count {} · woken {} times", task_state(task, stats), stats.polls(), stats.wakes())
            }
            None => "no task yet".into(),
        })
    };
    let running = move || {
        tick.track();
        current.with_value(|c| c.as_ref().is_some_and(|(task, _)| !task.is_done()))
    };
    view! {
        <Cell term="Task"
            python="task = asyncio.create_task(fetch_data(2))   # scheduled at once\n# main goes on; later:\ntask.cancel()"
            rust="let (body, stats) = probe(fetch_data(rt, 2, log));\nlet task = create_task(&rt, body, on_cancel); // spawn_local'd\ntask.cancel();">
            <div class="cell-actions">
                <button type="button" on:click=create>"task = asyncio.create_task(fetch_data(2))"</button>
                <button type="button" disabled=move || !running() on:click=cancel>"task.cancel()"</button>
            </div>
            <p class="cell-state" data-cell="task" aria-live="polite">{state}</p>
            <p>"A task is a Future with a coroutine inside: it holds the coroutine's outcome, as a Future holds its result."</p>
            <CellLog log=log label="Task output".into()/>
        </Cell>
    }
}
