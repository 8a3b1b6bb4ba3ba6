//! Copy link, the iframe snippet for course material, and the run as Markdown.

use crate::browser::address::base_url;
use crate::browser::export::copy;
use crate::state::use_playground;
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::link::{to_link, LinkState};
use playground_core::markdown::run_markdown;
use playground_core::snippet;
use playground_core::summary::output_line;

/// The link of `state` on this page.
pub fn link_of(state: &LinkState) -> String {
    format!("{}?{}", base_url(), to_link(state))
}

/// The snippet that embeds `state`: `embed.js` (it sizes the frame) and the `<iframe>`.
pub fn embed_snippet(state: &LinkState) -> String {
    let query = to_link(&LinkState { embed: true, run: false, ..state.clone() });
    let title = match state.code {
        Some(_) => "asyncio playground: a program".to_string(),
        None => format!("asyncio playground: {} lesson", state.lesson),
    };
    snippet::embed_snippet(&base_url(), &query, &title)
}

/// The share controls.
#[component]
pub fn Share() -> impl IntoView {
    let playground = use_playground();
    let message = RwSignal::new(String::new());
    let snippet = RwSignal::new(None::<String>);
    // `what` as it starts a sentence, and as it stands inside one.
    let copy_text = move |text: String, (what, within): (&'static str, &'static str)| {
        spawn_local(async move {
            let copied = copy(&text).await;
            message.set(if copied {
                format!("{what} copied.")
            } else {
                format!("Select the {within} below and copy it.")
            });
        })
    };
    let copy_link = move |_| {
        let link = playground.link.with_untracked(|l| link_of(&LinkState { run: false, ..l.clone() }));
        snippet.set(Some(link.clone()));
        copy_text(link, ("Link", "link"));
    };
    let embed = move |_| {
        let code = playground.link.with_untracked(embed_snippet);
        snippet.set(Some(code.clone()));
        copy_text(code, ("Snippet", "snippet"));
    };
    let markdown = move |_| {
        let (link, lesson) =
            playground.link.with_untracked(|l| (link_of(&LinkState { run: false, ..l.clone() }), l.lesson));
        let program = playground.in_program_untracked();
        let what = if program { "a program" } else { crate::lessons::text(lesson).title };
        let title = format!("asyncio playground: {what}");
        // A program's output is what it printed, as CPython prints it; a lesson's, its events.
        let lines: Vec<String> = playground.run.with_untracked(|r| match &r.program {
            Some(trace) => trace.lines.iter().map(|l| l.text.clone()).collect(),
            None => r.events.iter().map(|e| output_line(e, r.scenario.unit)).collect(),
        });
        let text = run_markdown(&title, &link, &lines);
        snippet.set(Some(text.clone()));
        copy_text(text, ("Markdown", "Markdown"));
    };
    view! {
        <div class="share">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=embed>"Embed"</button>
            <button type="button" on:click=markdown>"Copy as Markdown"</button>
            <span class="share-message" role="status">{move || message.get()}</span>
            <Show when=move || snippet.get().is_some()>
                <label class="snippet">
                    <span>"To share"</span>
                    <textarea readonly rows="4" prop:value=move || snippet.get().unwrap_or_default()
                        on:focus={|ev| event_target::<web_sys::HtmlTextAreaElement>(&ev).select()}></textarea>
                </label>
            </Show>
        </div>
    }
}
