//! A learner's own program: where it came from, the examples to start from, and the editor,
//! with the checker's verdict marked where it is, before any run.

use super::program_editor::ProgramEditor;
use crate::browser::engine;
use crate::lessons;
use crate::state::{use_playground, EngineStatus};
use leptos::prelude::*;
use playground_core::link::{LinkState, MAX_CODE_LINK_CHARS};
use playground_core::python::origin;

/// The program's panel; `compact` for an embed (the editor is read-only there unless the
/// link says `edit=1`).
#[component]
pub fn ProgramPanel(#[prop(optional)] compact: bool) -> impl IntoView {
    let playground = use_playground();
    let from = move || playground.program.with(|p| p.as_deref().and_then(origin));
    let back = move |_| {
        if let Some(lesson) = from() {
            playground.close_program(LinkState::for_lesson(lesson));
        }
    };
    let examples = move || {
        playground.engine.with(|e| *e == EngineStatus::Ready).then(engine::loaded).flatten().map(|engine| {
            let list = engine.examples();
            list.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(name, title)| view! { <option value=name.to_string()>{title.to_string()}</option> })
                .collect_view()
        })
    };
    let choose = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        if let Some(engine) = engine::loaded().filter(|_| !name.is_empty()) {
            playground.open_program(engine.example(&name));
        }
    };
    let engine_words = move || match playground.engine.get() {
        EngineStatus::Failed(e) => Some(format!("The Python engine could not load: {e}.")),
        _ if playground.program.with(Option::is_none) => Some("Loading the Python engine…".into()),
        _ => None,
    };
    let too_long = move || {
        playground.too_long.get().map(|n| {
            format!("This program's link would be {n} characters long, over the {MAX_CODE_LINK_CHARS} a link may hold: the address bar keeps the last link that fit. Shorten the program to share it.")
        })
    };
    let editable = move || !compact || playground.link.with(|l| l.edit);
    view! {
        <div class="program-panel">
            <Show when=move || !compact>
                <p class="explanation">
                    "Write or paste an asyncio program and run it: it runs on your browser's event loop, with the output, order and times CPython gives it. "
                    {move || from().map(|lesson| view! {
                        <span class="origin">{format!("It came from lesson {}. ", lessons::text(lesson).title)}
                            <button type="button" class="link-button" on:click=back>"Back to the lesson"</button>
                        </span>
                    })}
                </p>
                <label class="start-from">
                    <span>"Start from"</span>
                    <select on:change=choose prop:value="">
                        <option value="">"an example…"</option>
                        {examples}
                    </select>
                </label>
            </Show>
            {move || engine_words().map(|w| view! { <p class="note engine-status" role="status">{w}</p> })}
            <Show when=move || playground.program.with(Option::is_some)>
                <ProgramEditor editable=Signal::derive(editable)/>
            </Show>
            {move || too_long().map(|w| view! { <p class="link-too-long" role="alert">{w}</p> })}
        </div>
    }
}
