//! The lessons, in the seed's order; choosing one sets its defaults.

use crate::lessons;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::link::LinkState;
use playground_core::Lesson;

/// The list of lessons.
#[component]
pub fn LessonPicker() -> impl IntoView {
    let playground = use_playground();
    let items = Lesson::ALL.iter().map(|&lesson| {
        let current = move || playground.link.with(|l| l.lesson == lesson);
        let choose = move |_| {
            playground.stop();
            playground.edit(|l| *l = LinkState { embed: l.embed, theme: l.theme, ..LinkState::for_lesson(lesson) });
        };
        view! {
            <li>
                <button class="lesson-button" aria-pressed=move || current().to_string() on:click=choose>
                    {lessons::text(lesson).title}
                    <span class="seed-file">{lesson.seed_file()}</span>
                </button>
            </li>
        }
    });
    view! {
        <nav class="lessons" aria-label="Lessons">
            <ul>{items.collect_view()}</ul>
        </nav>
    }
}
