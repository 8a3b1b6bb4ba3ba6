//! The summary under a finished run.

use crate::state::{use_playground, RunStatus};
use leptos::prelude::*;
use playground_core::summary::summarize;

/// Total time against the ideal sequential and concurrent times, and what it shows.
#[component]
pub fn RunSummary() -> impl IntoView {
    let playground = use_playground();
    let summary =
        move || playground.run.with(|r| (r.status == RunStatus::Finished).then(|| summarize(&r.scenario, &r.events)));
    // The placeholder keeps the summary's room, so nothing moves when a run ends.
    move || match summary() {
        None => {
            let stopped = playground.run.with(|r| r.status == RunStatus::Stopped);
            let words = if stopped {
                "Stopped: a run cut short has no summary. The output shows what had happened, and what Stop cancelled."
            } else {
                "The summary appears here when the run ends."
            };
            view! { <p class="summary-placeholder">{words}</p> }.into_any()
        }
        Some(s) => view! {
            <section class="summary" aria-label="Summary">
                <p class="sentence">{s.sentence}</p>
                <Show when=move || playground.live.with(|l| l.throttled)>
                    <p class="throttled" data-throttled="true">
                        "Throttled run: the tab was hidden while it ran, so the browser slowed its timers. \
                         These times show the browser's throttling, not asyncio: run it again with the tab visible."
                    </p>
                </Show>
                <dl class="figures">
                    <dt>"Total"</dt><dd>{format!("{:.2} s", s.total)}</dd>
                    <dt>"One after another"</dt><dd>{format!("{:.2} s", s.sequential)}</dd>
                    <dt>"All at once"</dt><dd>{format!("{:.2} s", s.concurrent)}</dd>
                </dl>
            </section>
        }
        .into_any(),
    }
}
