//! The two code panels: the Python asyncio program of the current configuration,
//! and the Rust that actually runs (cut from the compiled source files). During a
//! replay, the line that produced the current event is highlighted in both.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::python::{lesson_program, python_line, python_program};
use playground_core::scenario::MAX_JOBS;
use playground_core::source::{rust_line, rust_program};
use playground_core::timeline_svg::escape;
use playground_runtime::dom::mark_current;

/// A program's lines as markup: one `<span class="code-line" data-i="N">` per line.
fn lines_html(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| format!("<span class=\"code-line\" data-i=\"{i}\">{}\n</span>", escape(line)))
        .collect()
}

/// Marks line `current` of the panel `pre` (and unmarks `previous`).
fn mark(pre: Option<web_sys::HtmlElement>, previous: Option<usize>, current: Option<usize>) {
    if let Some(pre) = pre {
        mark_current(&pre, previous, current);
    }
}

/// Python beside Rust, following every control.
#[component]
pub fn CodePanels() -> impl IntoView {
    let playground = use_playground();
    let too_many = move || playground.link.with(|l| l.scenario.jobs.len() > MAX_JOBS);
    let python = move || match too_many() {
        true => lines_html(&format!("# The programs are shown for up to {MAX_JOBS} jobs.")),
        false => lines_html(&playground.link.with(|l| python_program(&l.scenario))),
    };
    let rust = move || match too_many() {
        true => lines_html(&format!("// The programs are shown for up to {MAX_JOBS} jobs.")),
        false => lines_html(&playground.link.with(|l| rust_program(&l.scenario))),
    };
    // The lines of the event under the replay cursor, in each panel.
    let current = Memo::new(move |_| {
        let i = playground.cursor.get()?;
        let (who, ev, of) = playground.run.with(|r| r.events.get(i).map(|e| (e.who, e.event, e.of)))?;
        Some(playground.link.with(|l| (python_line(&l.scenario, who, ev, of), rust_line(&l.scenario, who, ev))))
    });
    let (python_pre, rust_pre) = (NodeRef::<leptos::html::Pre>::new(), NodeRef::<leptos::html::Pre>::new());
    Effect::new(move |previous: Option<(Option<usize>, Option<usize>)>| {
        let _panels = (python(), rust()); // re-marked when the panels are redrawn
        let now = current.get().unwrap_or((None, None));
        let before = previous.unwrap_or((None, None));
        mark(python_pre.get().map(Into::into), before.0, now.0);
        mark(rust_pre.get().map(Into::into), before.1, now.1);
        now
    });
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
                <pre tabindex="0" role="region" aria-label="Python program" node_ref=python_pre><code inner_html=python></code></pre>
            </section>
            <section class="code" aria-labelledby="rust-title">
                <h3 id="rust-title">"Rust (what runs)"</h3>
                <pre tabindex="0" role="region" aria-label="Rust program" node_ref=rust_pre><code inner_html=rust></code></pre>
            </section>
        </div>
    }
}
