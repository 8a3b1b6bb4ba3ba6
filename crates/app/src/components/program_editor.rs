//! The program's editor, tied to the page's state: the text, the checker's verdict, the
//! line replay is on, the traceback's links, and Ctrl/Cmd+Enter to run.

use crate::state::use_playground;
use leptos::prelude::*;

/// The editor of the page's program.
#[component]
pub fn ProgramEditor(editable: Signal<bool>) -> impl IntoView {
    let playground = use_playground();
    let problem = Memo::new(move |_| playground.problem());
    let text = move || playground.program.get().unwrap_or_default();
    view! {
        <label class="program-source">
            <span>"Python program"</span>
            <textarea rows="16" spellcheck="false" readonly=move || !editable.get() prop:value=text
                on:input=move |ev| playground.program.set(Some(event_target_value(&ev)))></textarea>
        </label>
        {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p.words()}</p> })}
    }
}
