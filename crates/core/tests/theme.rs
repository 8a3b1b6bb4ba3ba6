//! The `theme` key: written only when not `auto`, read for every lesson, and an invalid
//! value reported like any other key's.

use playground_core::link::{from_link, to_link, LinkState, Problem, Theme};
use playground_core::Lesson;

#[test]
fn theme_is_written_only_when_not_auto() {
    let mut state = LinkState::for_lesson(Lesson::Gather);
    assert_eq!(to_link(&state), "v=1&lesson=gather");
    state.theme = Theme::Dark;
    assert_eq!(to_link(&state), "v=1&lesson=gather&theme=dark");
    state.theme = Theme::Light;
    assert_eq!(to_link(&state), "v=1&lesson=gather&theme=light");
}

#[test]
fn theme_is_read_for_every_lesson_even_terms() {
    assert_eq!(from_link("v=1&theme=dark").0.theme, Theme::Dark);
    assert_eq!(from_link("lesson=terms&theme=light").0.theme, Theme::Light);
    let (state, problems) = from_link("theme=auto");
    assert_eq!((state.theme, problems), (Theme::Auto, vec![]));
}

#[test]
fn an_invalid_theme_is_reported_and_auto_used() {
    let (state, problems) = from_link("v=1&theme=Dark");
    assert_eq!(state.theme, Theme::Auto);
    let expected =
        Problem::Invalid { key: "theme".into(), value: "Dark".into(), accepted: "one of light, dark, auto".into() };
    assert_eq!(problems, vec![expected]);
}
