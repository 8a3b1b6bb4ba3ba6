//! Run, stop and run again.

use crate::state::{use_playground, RunStatus};
use leptos::prelude::*;

/// The run controls and the run's status.
#[component]
pub fn RunBar() -> impl IntoView {
    let playground = use_playground();
    let running = move || playground.run.with(|r| r.status == RunStatus::Running);
    let status = move || {
        playground.run.with(|r| match &r.status {
            RunStatus::Idle => "Ready.".to_string(),
            RunStatus::Running => "Running…".to_string(),
            RunStatus::Finished => "Finished.".to_string(),
            RunStatus::Stopped => "Stopped.".to_string(),
            RunStatus::Refused(reason) => format!("Not run: {reason}"),
        })
    };
    view! {
        <div class="run-bar">
            <button class="run" on:click=move |_| playground.start()>
                {move || if running() { "Run again" } else { "Run" }}
            </button>
            <button class="stop" disabled=move || !running() on:click=move |_| playground.stop()>"Stop"</button>
            <p class="status" role="status" aria-label="Run status">{status}</p>
        </div>
    }
}
