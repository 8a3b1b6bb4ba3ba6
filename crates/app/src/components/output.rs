//! The output: one line per trace event, as it happens.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::compare::ideal_times;
use playground_core::summary::output_line;
use playground_core::Event;

/// Most output lines kept in the page.
pub const MAX_LINES: usize = 500;

/// The live output of the current run. With `follow`, a list that scrolls (the embed's,
/// of a fixed height) keeps its newest line in view, unless the reader scrolled up.
#[component]
pub fn Output(#[prop(optional)] follow: bool) -> impl IntoView {
    let playground = use_playground();
    // Long outputs keep only their last lines in the page (the export has them all). Each line
    // carries its ideal time: its match in the ideal run.
    let lines = move || {
        playground.run.with(|r| {
            let skip = r.events.len().saturating_sub(MAX_LINES);
            let ideal = if r.ideal.is_empty() { vec![None; r.events.len()] } else { ideal_times(&r.events, &r.ideal) };
            r.events[skip..]
                .iter()
                .zip(ideal.into_iter().skip(skip))
                .enumerate()
                .map(|(i, (e, t))| (r.id, skip + i, e.clone(), r.scenario.unit, t.map(|t| format!("{t:.3}"))))
                .collect::<Vec<_>>()
        })
    };
    let hidden_lines = move || {
        playground.run.with(|r| {
            let n = r.events.len();
            (n > MAX_LINES)
                .then(|| format!("Showing the last {MAX_LINES} of {n} events; download the trace for all of them."))
        })
    };
    // Replay marks the line under the cursor. One effect does it, rather than two per line:
    // lines arrive by the hundred during a run, and each would make and drop its effects.
    let list = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = playground.cursor.get();
        if let Some(list) = list.get() {
            playground_runtime::dom::mark_current(&list, previous.flatten(), current);
        }
        current
    });
    // Whether the reader left the list at its end (then new lines keep it there).
    let at_end = StoredValue::new(true);
    if follow {
        Effect::new(move |_| {
            let _count = playground.run.with(|r| r.events.len());
            if let Some(list) = list.get().filter(|_| at_end.get_value()) {
                list.set_scroll_top(list.scroll_height());
            }
        });
    }
    let on_scroll = move |_| {
        if let Some(list) = list.get_untracked() {
            at_end.set_value(list.scroll_top() + list.client_height() >= list.scroll_height() - 4);
        }
    };
    // Room for every line the ideal run predicts, so nothing below moves while it streams.
    let reserved = move || {
        playground.run.with(|r| format!("min-height: calc({} * 1.6em + 1rem)", r.ideal.len().clamp(7, MAX_LINES)))
    };
    view! {
        <section class="output-panel" aria-labelledby="output-title">
            <h3 id="output-title">"Output"</h3>
            <p class="note">{hidden_lines}</p>
            <ol class="output" aria-live="polite" aria-label="Output of the run" style=reserved tabindex=follow.then_some("0")
                node_ref=list on:scroll=on_scroll>
                <For each=lines key=|(id, i, _, _, _)| (*id, *i) let((_, i, e, unit, ideal_t))>
                    <li
                        class="line"
                        data-i=i
                        class:error=e.event == Event::Raise
                        class:cancel=e.event == Event::Cancel
                        data-who=e.who.name()
                        data-event=e.event.name()
                        data-t=format!("{:.3}", e.t)
                        data-of=e.of.map(|o| o.to_string())
                        data-ideal-t=ideal_t
                    >
                        {output_line(&e, unit)}
                    </li>
                </For>
            </ol>
        </section>
    }
}
