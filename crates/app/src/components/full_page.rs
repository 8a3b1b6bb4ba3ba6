//! The full page: header, lesson picker, the lesson's explanation, controls, the run and
//! everything around it (sharing, the code panels).

use super::code_panels::CodePanels;
use super::controls::Controls;
use super::heartbeat::Heartbeat;
use super::lesson_picker::LessonPicker;
use super::notice::LinkNotice;
use super::output::Output;
use super::program_page::ProgramPage;
use super::replay::Replay;
use super::run_bar::RunBar;
use super::share::Share;
use super::summary::RunSummary;
use super::terms::TermsLesson;
use super::theme_picker::ThemePicker;
use super::timeline::TimelineView;
use crate::lessons;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::Lesson;

/// The page as opened without `embed=1`; `problems` are what the link got wrong.
#[component]
pub fn FullPage() -> impl IntoView {
    let playground = use_playground();
    let lesson = move || playground.link.with(|l| l.lesson);
    let program = move || playground.in_program();
    let title = move || if program() { "Your code" } else { lessons::text(lesson()).title };
    view! {
        <header class="top">
            <div>
                <h1>"asyncio playground"</h1>
                <p class="tagline">"Python's asyncio, run for real: Rust futures on your browser's event loop."</p>
            </div>
            <ThemePicker/>
        </header>
        <main class="layout">
            <LinkNotice/>
            <LessonPicker/>
            <section class="lesson" aria-labelledby="lesson-title">
                <h2 id="lesson-title">{title}</h2>
                <Show when=program fallback=move || view! { <p class="explanation">{move || lessons::text(lesson()).explanation}</p> }>
                    <ProgramPage/>
                </Show>
                <Show when=move || !program() && lesson() != Lesson::Terms fallback=move || view! { <Show when=move || !program()><TermsLesson/></Show> }>
                    <Controls/>
                    <RunBar/>
                    <Heartbeat/>
                    <Output/>
                    <RunSummary/>
                    <TimelineView/>
                    <Replay/>
                    <Share/>
                    <CodePanels/>
                </Show>
            </section>
        </main>
    }
}
