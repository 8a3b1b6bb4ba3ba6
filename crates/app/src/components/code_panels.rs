//! The two code panels: the Python asyncio program of the current configuration,
//! and the Rust that actually runs (cut from the compiled source files). During a
//! replay, the line that produced the current event is highlighted in both.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::python::{lesson_program, python_line, python_program};
use playground_core::scenario::MAX_JOBS;
use playground_core::source::{rust_line, rust_program};

fn lines(text: String, current: Option<usize>) -> impl IntoView {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let here = current == Some(i);
            view! { <span class="code-line" class:current=here aria-current=here.then_some("step")>{format!("{line}\n")}</span> }
        })
        .collect_view()
}

/// Python beside Rust, following every control.
#[component]
pub fn CodePanels() -> impl IntoView {
    let playground = use_playground();
    // A memo: the panels re-render when the highlighted event changes, not on every output flush.
    let event = Memo::new(move |_| {
        let i = playground.cursor.get()?;
        playground.run.with(|r| r.events.get(i).map(|e| (e.who, e.event, e.of)))
    });
    let too_many = move || playground.link.with(|l| l.scenario.jobs.len() > MAX_JOBS);
    let python = move || {
        if too_many() {
            return lines(format!("# The programs are shown for up to {MAX_JOBS} jobs."), None).into_any();
        }
        let current =
            event.get().and_then(|(who, ev, of)| playground.link.with(|l| python_line(&l.scenario, who, ev, of)));
        lines(playground.link.with(|l| python_program(&l.scenario)), current).into_any()
    };
    let rust = move || {
        if too_many() {
            return lines(format!("// The programs are shown for up to {MAX_JOBS} jobs."), None).into_any();
        }
        let current = event.get().and_then(|(who, ev, _)| playground.link.with(|l| rust_line(&l.scenario, who, ev)));
        lines(playground.link.with(|l| rust_program(&l.scenario)), current).into_any()
    };
    // The lesson's program becomes the learner's own, to edit and run.
    let edit_code = move |_| {
        let source = playground.link.with_untracked(|l| lesson_program(l.lesson, &l.scenario));
        playground.open_program(source);
    };
    view! {
        <div class="code-panels">
            <section class="code" aria-labelledby="python-title">
                <div class="code-head">
                    <h3 id="python-title">"Python (asyncio)"</h3>
                    <button type="button" class="edit-code" on:click=edit_code>"Edit this code"</button>
                </div>
                <pre tabindex="0" role="region" aria-label="Python program"><code>{python}</code></pre>
            </section>
            <section class="code" aria-labelledby="rust-title">
                <h3 id="rust-title">"Rust (what runs)"</h3>
                <pre tabindex="0" role="region" aria-label="Rust program"><code>{rust}</code></pre>
            </section>
        </div>
    }
}
