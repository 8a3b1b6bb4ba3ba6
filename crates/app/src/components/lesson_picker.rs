//! The lessons, in the seed's order; choosing one sets its defaults.

use crate::lessons;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::link::LinkState;
use playground_core::Lesson;

/// The program "Your code" starts from (also the examples' first).
const BLANK: &str = include_str!("../../../python/tests/programs/examples/blank.py");

/// The list of lessons, and "Your code".
#[component]
pub fn LessonPicker() -> impl IntoView {
    let playground = use_playground();
    let items = Lesson::ALL.iter().map(|&lesson| {
        let current = move || !playground.in_program() && playground.link.with(|l| l.lesson == lesson);
        let choose = move |_| playground.close_program(LinkState::for_lesson(lesson));
        view! {
            <li>
                <button class="lesson-button" aria-pressed=move || current().to_string() on:click=choose>
                    {lessons::text(lesson).title}
                    <span class="seed-file">{lesson.seed_file()}</span>
                </button>
            </li>
        }
    });
    let own = move |_| {
        if !playground.in_program() {
            playground.open_program(BLANK.to_string());
        }
    };
    view! {
        <nav class="lessons" aria-label="Lessons">
            <ul>
                {items.collect_view()}
                <li>
                    <button class="lesson-button" aria-pressed=move || playground.in_program().to_string() on:click=own>
                        "Your code"
                        <span class="seed-file">"main.py"</span>
                    </button>
                </li>
            </ul>
        </nav>
    }
}
