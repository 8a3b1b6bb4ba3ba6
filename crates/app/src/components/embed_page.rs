//! The compact layout of an embed (`embed=1`), made for a 700×450 frame in course
//! material: the lesson in one line, Run, the output and the timeline first; the
//! explanation, the controls, replay and downloads one click away (they open under Run).

use super::controls::Controls;
use super::heartbeat::Heartbeat;
use super::notice::LinkNotice;
use super::output::Output;
use super::program_page::ProgramPage;
use super::replay::Replay;
use super::run_bar::RunBar;
use super::share::link_of;
use super::summary::RunSummary;
use super::terms::TermsLesson;
use super::timeline::TimelineView;
use crate::lessons;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::link::LinkState;
use playground_core::Lesson;

/// The page as opened with `embed=1`.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let playground = use_playground();
    let lesson = move || playground.link.with(|l| l.lesson);
    let program = move || playground.in_program();
    let full_page = move || playground.link.with(|l| link_of(&LinkState { embed: false, run: false, ..l.clone() }));
    let more = RwSignal::new(false);
    view! {
        <main class="layout embed">
            <LinkNotice/>
            <Show when=program>
                <section class="lesson program" aria-labelledby="lesson-title">
                    <h2 id="lesson-title" class="visually-hidden">"asyncio program"</h2>
                    <ProgramPage compact=true/>
                </section>
            </Show>
            <section class="lesson" aria-labelledby="lesson-title" hidden=program>
                <div class="embed-head">
                    <h2 id="lesson-title">{move || lessons::text(lesson()).title}</h2>
                    <p class="embed-summary">{move || lessons::text(lesson()).summary}</p>
                </div>
                <Show when=move || !program() && lesson() != Lesson::Terms fallback=move || view! {
                    <p><a class="open-full" href=full_page target="_blank" rel="noopener">"Open in playground"</a></p>
                    <TermsLesson/>
                }>
                    <div class="embed-run">
                        <RunBar/>
                        <button type="button" class="more" aria-expanded=move || more.get().to_string()
                            aria-controls="scenario-panel" on:click=move |_| more.update(|m| *m = !*m)>
                            "Change the scenario"
                        </button>
                        <a class="open-full" href=full_page target="_blank" rel="noopener">"Open in playground"</a>
                    </div>
                    <div id="scenario-panel" class="scenario-panel" hidden=move || !more.get()>
                        <p class="explanation">{move || lessons::text(lesson()).explanation}</p>
                        <Controls/>
                        <Replay/>
                    </div>
                    <Output follow=true/>
                    <TimelineView/>
                    <Heartbeat/>
                    <RunSummary/>
                </Show>
            </section>
        </main>
    }
}
