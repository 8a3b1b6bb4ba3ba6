//! The output: one line per trace event, as it happens.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::summary::output_line;
use playground_core::Event;

/// Most output lines kept in the page.
pub const MAX_LINES: usize = 500;

/// The live output of the current run.
#[component]
pub fn Output() -> impl IntoView {
    let playground = use_playground();
    // Long outputs keep only their last lines in the page (the export has them all).
    let lines = move || {
        playground.run.with(|r| {
            let unit = r.scenario.unit;
            let skip = r.events.len().saturating_sub(MAX_LINES);
            r.events.iter().enumerate().skip(skip).map(|(i, e)| (r.id, i, e.clone(), unit)).collect::<Vec<_>>()
        })
    };
    let hidden_lines = move || {
        playground.run.with(|r| {
            let n = r.events.len();
            (n > MAX_LINES)
                .then(|| format!("Showing the last {MAX_LINES} of {n} events; download the trace for all of them."))
        })
    };
    // The ideal time of each event: the same actor's event of the same rank in the ideal run.
    let ideal_t = move |i: usize| {
        playground.run.with(|r| {
            if r.ideal.is_empty() {
                return None;
            }
            let e = r.events.get(i)?;
            let rank = r.events[..i].iter().filter(|o| o.who == e.who).count();
            r.ideal.iter().filter(|o| o.who == e.who).nth(rank).map(|o| format!("{:.3}", o.t))
        })
    };
    // Room for every line the ideal run predicts, so nothing below moves while it streams.
    let reserved =
        move || playground.run.with(|r| format!("min-height: calc({} * 1.6em + 1rem)", r.ideal.len().max(7)));
    view! {
        <section class="output-panel" aria-labelledby="output-title">
            <h3 id="output-title">"Output"</h3>
            <p class="note">{hidden_lines}</p>
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
                        data-ideal-t=ideal_t(i)
                    >
                        {output_line(&e, unit)}
                    </li>
                </For>
            </ol>
        </section>
    }
}
