//! Run, stop and run again.

use crate::state::use_playground;
use leptos::prelude::*;

/// The run controls and the run's status.
#[component]
pub fn RunBar() -> impl IntoView {
    let playground = use_playground();
    let live = move || playground.run.with(|r| r.status.is_live());
    let can_stop = move || playground.run.with(|r| r.status.can_stop());
    let status = move || playground.run.with(|r| r.status.words());
    view! {
        <div class="run-bar">
            <button class="run" on:click=move |_| playground.start()>
                {move || if live() { "Run again" } else { "Run" }}
            </button>
            <button class="stop" disabled=move || !can_stop() on:click=move |_| playground.stop()>"Stop"</button>
            <p class="status" role="status" aria-label="Run status">{status}</p>
        </div>
    }
}
