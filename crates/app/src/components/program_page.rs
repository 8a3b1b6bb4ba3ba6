//! A learner's own program: the engine draws the editor (with the examples to start from),
//! the output and the timeline into this page's containers; the run's controls, heartbeat,
//! replay and sharing are the page's own, as for the lessons.

use super::heartbeat::Heartbeat;
use super::replay::Replay;
use super::run_bar::RunBar;
use super::share::{link_of, Share};
use crate::browser::engine;
use crate::state::{use_playground, EngineStatus};
use leptos::html;
use leptos::prelude::*;
use playground_core::link::{LinkState, MAX_CODE_LINK_CHARS};

/// The program's part of the page; `compact` for an embed (its code read-only there unless
/// the link says `edit=1`, and "Open in playground" beside Run).
#[component]
pub fn ProgramPage(#[prop(optional)] compact: bool) -> impl IntoView {
    let playground = use_playground();
    let (editor, output, timeline) =
        (NodeRef::<html::Div>::new(), NodeRef::<html::Section>::new(), NodeRef::<html::Section>::new());
    // The engine's view goes into the containers once the engine is there and a program is open.
    Effect::new(move |_| {
        let ready = playground.engine.with(|e| *e == EngineStatus::Ready);
        let source = playground.program.get();
        let (Some(source), Some(engine), Some(e), Some(o), Some(t)) =
            (source.filter(|_| ready), engine::loaded(), editor.get(), output.get(), timeline.get())
        else {
            return;
        };
        let editable = !compact || playground.link.with_untracked(|l| l.edit);
        if let Err(e) = engine.mount_program(&e, &o, &t, &source, compact, editable, &playground.engine_events()) {
            playground.notices.update(|n| n.push(format!("the program could not be shown: {}", engine::message(&e))));
        }
    });
    on_cleanup(|| {
        if let Some(engine) = engine::loaded() {
            engine.unmount_program();
        }
    });
    let engine_words = move || match playground.engine.get() {
        EngineStatus::Failed(e) => Some(format!("The Python engine could not load: {e}.")),
        EngineStatus::Ready if playground.program.with(Option::is_some) => None,
        _ => Some("Loading the Python engine…".to_string()),
    };
    let too_long = move || {
        playground.too_long.get().map(|n| {
            format!(
                "This program's link would be {n} characters long, over the {MAX_CODE_LINK_CHARS} a link may hold: \
                 the address bar keeps the last link that fit. Shorten the program to share it."
            )
        })
    };
    let full_page = move || playground.link.with(|l| link_of(&LinkState { embed: false, run: false, ..l.clone() }));
    view! {
        <div class="program-panel" node_ref=editor></div>
        {move || engine_words().map(|w| view! { <p class="note engine-status" role="status">{w}</p> })}
        {move || too_long().map(|w| view! { <p class="link-too-long" role="alert">{w}</p> })}
        <div class="embed-run">
            <RunBar/>
            <Show when=move || compact>
                <a class="open-full" href=full_page target="_blank" rel="noopener">"Open in playground"</a>
            </Show>
        </div>
        <Show when=move || !compact><Heartbeat/></Show>
        <section class="output-panel" aria-labelledby="output-title" node_ref=output></section>
        <section class="timeline-panel" aria-labelledby="timeline-title" node_ref=timeline></section>
        <Show when=move || compact><Heartbeat/></Show>
        <Show when=move || !compact>
            <Replay/>
            <Share/>
        </Show>
    }
}
