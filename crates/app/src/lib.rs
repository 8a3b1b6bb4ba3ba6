//! The asyncio playground's front end: lessons, controls, and runs that really
//! happen on the browser's event loop, their output appearing as it happens.

mod components;
mod lessons;
mod state;

use components::{
    controls::Controls, lesson_picker::LessonPicker, output::Output, run_bar::RunBar,
    summary::RunSummary,
};
use leptos::prelude::*;
use playground_core::link::LinkState;
use state::{use_playground, Playground};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Playground::new(LinkState::default()));
    let playground = use_playground();
    let lesson = move || playground.link.with(|l| l.lesson);
    view! {
        <header class="top">
            <h1>"asyncio playground"</h1>
            <p class="tagline">"Python's asyncio, run for real: Rust futures on your browser's event loop."</p>
        </header>
        <main class="layout">
            <LessonPicker/>
            <section class="lesson" aria-labelledby="lesson-title">
                <h2 id="lesson-title">{move || lessons::text(lesson()).title}</h2>
                <p class="explanation">{move || lessons::text(lesson()).explanation}</p>
                <Controls/>
                <RunBar/>
                <Output/>
                <RunSummary/>
            </section>
        </main>
    }
}
