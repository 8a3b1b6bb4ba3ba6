//! Run, stop and run again.

use crate::state::{use_playground, PoolStatus};
use leptos::prelude::*;

/// The run controls and the run's status.
#[component]
pub fn RunBar() -> impl IntoView {
    let playground = use_playground();
    let live = move || playground.run.with(|r| r.status.is_live());
    let can_stop = move || playground.run.with(|r| r.status.can_stop());
    let status = move || playground.run.with(|r| r.status.words());
    // Where Web Workers cannot start (a sandboxed frame, a locked-down browser), say so in place.
    let workers_problem = move || match playground.pool.get() {
        PoolStatus::Failed(e) => {
            let tab = if playground.link.with(|l| l.embed) {
                " “Open in playground” runs it in a tab of its own."
            } else {
                ""
            };
            Some(format!(
                "Web Workers cannot start here ({e}), so threads and processes cannot run in this page; \
                 the other sleep kinds and lessons work.{tab}"
            ))
        }
        _ => None,
    };
    view! {
        <div class="run-bar">
            <button class="run" on:click=move |_| playground.start()>
                {move || if live() { "Run again" } else { "Run" }}
            </button>
            <button class="stop" disabled=move || !can_stop() on:click=move |_| playground.stop()>"Stop"</button>
            <p class="status" role="status" aria-label="Run status">{status}</p>
        </div>
        {move || workers_problem().map(|text| view! { <p class="workers-problem" role="alert">{text}</p> })}
    }
}
