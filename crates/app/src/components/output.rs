//! The output: one line per trace event, as it happens.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::summary::output_line;
use playground_core::Event;

/// The live output of the current run.
#[component]
pub fn Output() -> impl IntoView {
    let playground = use_playground();
    let lines = move || {
        playground.run.with(|r| {
            let unit = r.scenario.unit;
            r.events.iter().enumerate().map(|(i, e)| (r.id, i, e.clone(), unit)).collect::<Vec<_>>()
        })
    };
    // Room for every line the ideal run predicts, so nothing below moves while it streams.
    let reserved =
        move || playground.run.with(|r| format!("min-height: calc({} * 1.6em + 1rem)", r.ideal.len().max(7)));
    view! {
        <section class="output-panel" aria-labelledby="output-title">
            <h3 id="output-title">"Output"</h3>
            <ol class="output" aria-live="polite" aria-label="Output of the run" style=reserved>
                <For each=lines key=|(id, i, _, _)| (*id, *i) let((_, i, e, unit))>
                    <li
                        class="line"
                        class:current=move || playground.cursor.get() == Some(i)
                        aria-current=move || (playground.cursor.get() == Some(i)).then_some("step")
                        class:error=e.event == Event::Raise
                        class:cancel=e.event == Event::Cancel
                        data-who=e.who.name()
                        data-event=e.event.name()
                        data-t=format!("{:.3}", e.t)
                        data-of=e.of.map(|o| o.to_string())
                    >
                        {output_line(&e, unit)}
                    </li>
                </For>
            </ol>
        </section>
    }
}
