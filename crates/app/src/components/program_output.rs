//! A program's output: every line as it is written, standard output and standard error
//! apart, with its time and task (the contract's `data-event`, `data-text`, `data-t`,
//! `data-who`), then `main`'s `end`. A traceback's `File "main.py", line N` leads to the line.

use super::output::MAX_LINES;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::program_run::{line_time, traceback_links};
use playground_core::program_trace::Stream;

/// The live output of the current program run. With `follow`, the list keeps its newest
/// line in view (the embed's), unless the reader scrolled up.
#[component]
pub fn ProgramOutput(#[prop(optional)] follow: bool) -> impl IntoView {
    let playground = use_playground();
    let lines = move || {
        playground.run.with(|r| {
            let Some(trace) = &r.program else { return Vec::new() };
            let skip = trace.lines.len().saturating_sub(MAX_LINES);
            let links = traceback_links(&trace.lines);
            trace.lines[skip..]
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let link = links.iter().find(|(k, _)| *k == skip + i).map(|(_, n)| *n);
                    (r.id, skip + i, l.clone(), line_time(l, r.scenario.unit), link)
                })
                .collect::<Vec<_>>()
        })
    };
    let end = move || playground.run.with(|r| r.program.as_ref().and_then(|p| p.end.map(|t| (t, p.lines.len()))));
    let hidden_lines = move || {
        playground.run.with(|r| {
            let n = r.program.as_ref().map_or(0, |p| p.lines.len());
            (n > MAX_LINES).then(|| format!("Showing the last {MAX_LINES} of {n} lines; download the trace for all of them."))
        })
    };
    let list = NodeRef::<leptos::html::Ol>::new();
    // Replay marks the line under the cursor (one effect, not one per line).
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = playground.cursor.get();
        if let Some(list) = list.get() {
            let line = |i: usize| list.query_selector(&format!("li[data-i=\"{i}\"]")).ok().flatten();
            if let Some(line) = previous.flatten().and_then(line) {
                let _ = line.class_list().remove_1("current");
                let _ = line.remove_attribute("aria-current");
            }
            if let Some(line) = current.and_then(line) {
                let _ = line.class_list().add_1("current");
                let _ = line.set_attribute("aria-current", "step");
            }
        }
        current
    });
    let at_end = StoredValue::new(true);
    if follow {
        Effect::new(move |_| {
            let _count = playground.run.with(|r| r.program.as_ref().map_or(0, |p| p.lines.len()));
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
    let goto = move |n: usize| playground.goto.set(Some((n, 1)));
    view! {
        <section class="output-panel" aria-labelledby="output-title">
            <h3 id="output-title">"Output"</h3>
            <p class="note">{hidden_lines}</p>
            <ol class="output program-output" aria-live="polite" aria-label="Output of the run" tabindex=follow.then_some("0")
                node_ref=list on:scroll=on_scroll>
                <For each=lines key=|(id, i, _, _, _)| (*id, *i) let((_, i, l, t, link))>
                    <li class="line" data-i=i class:error=l.stream == Stream::Err data-event=l.stream.event()
                        data-text=l.text.clone() data-t=format!("{:.3}", l.t) data-who=l.who.clone() data-line=l.line>
                        <span class="t">{t}</span>
                        <span class="who">{l.who.clone()}</span>
                        {match link {
                            Some(n) => view! {
                                <button type="button" class="text link-button" title=format!("Show line {n} in the editor")
                                    on:click=move |_| goto(n)>{l.text.clone()}</button>
                            }.into_any(),
                            None => view! { <span class="text">{l.text.clone()}</span> }.into_any(),
                        }}
                    </li>
                </For>
                {move || end().map(|(t, i)| view! {
                    <li class="line end" data-i=i data-who="main" data-event="end" data-t=format!("{t:.3}")>
                        <span class="t">{playground.run.with(|r| playground_core::lanes::secs(t, r.scenario.unit))}</span>
                        <span class="text">"the run is over"</span>
                    </li>
                })}
            </ol>
        </section>
    }
}
