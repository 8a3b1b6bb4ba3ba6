//! Property tests of the link contract: every state survives link → state → link,
//! and no string, however hostile, makes the reader panic.
#![cfg(not(target_arch = "wasm32"))]

use playground_core::link::{from_link, to_link, LinkState, Problem, Theme, MAX_CODE_LINK_CHARS, MAX_LINK_CHARS};
use playground_core::scenario::{Job, Lesson, Mode, Scenario, SleepKind};
use proptest::prelude::*;

fn scenario() -> impl Strategy<Value = Scenario> {
    let jobs =
        prop::collection::vec((1u16..=100, any::<bool>()).prop_map(|(tenths, fails)| Job { tenths, fails }), 1..=12);
    (
        prop::sample::select(Mode::ALL.to_vec()),
        jobs,
        prop::sample::select(SleepKind::ALL.to_vec()),
        prop::option::of(1u8..=32),
        0u16..=100,
        10u16..=5000,
    )
        .prop_flat_map(|(mode, jobs, sleep, workers, linger_tenths, unit)| {
            let order = Just(Scenario::identity_order(jobs.len())).prop_shuffle();
            (Just(mode), Just(jobs), order, Just(sleep), Just(workers), Just(linger_tenths), Just(unit))
        })
        .prop_map(|(mode, jobs, order, sleep, workers, linger_tenths, unit)| Scenario {
            mode,
            jobs,
            order,
            sleep,
            workers,
            linger_tenths,
            unit,
        })
}

fn state() -> impl Strategy<Value = LinkState> {
    (
        prop::sample::select(Lesson::ALL.to_vec()),
        scenario(),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(Theme::ALL.to_vec()),
    )
        .prop_map(|(lesson, scenario, run, embed, theme)| {
            let scenario = if lesson == Lesson::Terms { lesson.defaults() } else { scenario };
            LinkState { lesson, scenario, run, embed, theme, code: None, edit: false }
        })
}

/// A state with a program: the scenario keys are not written, so only `unit` is kept.
fn program_state() -> impl Strategy<Value = LinkState> {
    (
        "[A-Za-z0-9_-]{1,400}",
        10u16..=5000,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(Theme::ALL.to_vec()),
    )
        .prop_map(|(code, unit, run, embed, edit, theme)| {
            let mut state = LinkState::default();
            state.scenario.unit = unit;
            LinkState { code: Some(code), run, embed, edit, theme, ..state }
        })
}

proptest! {
    #[test]
    fn every_state_round_trips(state in state()) {
        let link = to_link(&state);
        let (back, problems) = from_link(&link);
        prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        prop_assert_eq!(&back, &state, "{}", link);
        prop_assert_eq!(to_link(&back), link);
    }

    #[test]
    fn every_program_state_round_trips(state in program_state()) {
        let link = to_link(&state);
        let (back, problems) = from_link(&link);
        prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        prop_assert_eq!(&back, &state, "{}", link);
        prop_assert_eq!(to_link(&back), link);
    }

    #[test]
    fn any_string_reads_without_panicking(text in ".{0,300}") {
        let (state, _) = from_link(&text);
        prop_assert!(!state.scenario.jobs.is_empty() && state.scenario.jobs.len() <= 12);
    }

    #[test]
    fn hostile_values_are_reported_with_their_key(
        key in prop::sample::select(vec!["lesson", "mode", "jobs", "order", "sleep", "workers", "linger", "unit", "run", "embed", "theme", "v"]),
        value in prop_oneof![
            Just("<script>alert(1)</script>".to_string()),
            Just("\"><img src=x onerror=alert(1)>".to_string()),
            Just("99999999999999999999999".to_string()),
            Just("-1".to_string()),
            Just("NaN".to_string()),
            Just("1e309".to_string()),
            Just("ü🙂\u{202e}".to_string()),
            "[a-z!,.0-9]{0,12}",
        ],
    ) {
        let (state, problems) = from_link(&format!("{key}={value}"));
        let valid = problems.is_empty();
        if !valid {
            let named = problems.iter().any(|p| matches!(p, Problem::Invalid { key: k, value: v, .. } if k == key && *v == value));
            prop_assert!(named, "{key}={value}: {problems:?}");
        }
        prop_assert!(state.scenario.jobs.len() <= 12);
    }
}

#[test]
fn repeated_empty_and_unknown_keys_are_problems_not_crashes() {
    let (state, problems) = from_link("?mode=gather&mode=group&jobs=&x=1&&=&lesson");
    assert_eq!(state.scenario.mode, Mode::Gather, "the first of repeated keys is used");
    assert!(problems.contains(&Problem::RepeatedKey("mode".into())));
    assert!(problems.contains(&Problem::UnknownKey("x".into())));
    assert!(problems.iter().any(|p| matches!(p, Problem::Invalid { key, .. } if key == "jobs")));
    assert!(problems.iter().any(|p| matches!(p, Problem::Invalid { key, .. } if key == "lesson")));
}

#[test]
fn long_links_and_too_many_jobs_are_refused() {
    let long = format!("jobs={}", "1,".repeat(MAX_LINK_CHARS));
    let (state, problems) = from_link(&long);
    assert_eq!(problems, vec![Problem::TooLong { length: long.len(), limit: MAX_LINK_CHARS }]);
    assert_eq!(state, LinkState::default());
    let (state, problems) = from_link("jobs=1,1,1,1,1,1,1,1,1,1,1,1,1");
    assert!(matches!(&problems[..], [Problem::Invalid { key, .. }] if key == "jobs"));
    assert_eq!(state.scenario.jobs.len(), 2, "the lesson's default jobs are used");
}

#[test]
fn links_name_only_what_differs_from_the_lesson() {
    assert_eq!(to_link(&LinkState::for_lesson(Lesson::Tasks)), "v=1");
    assert_eq!(to_link(&LinkState::for_lesson(Lesson::Gather)), "v=1&lesson=gather");
    let mut state = LinkState::for_lesson(Lesson::Order);
    state.scenario.push_job(Job::failing(5));
    assert_eq!(to_link(&state), "v=1&lesson=order&jobs=1,2,0.5!&order=2,1,3");
    assert_eq!(from_link("v=1&lesson=order").0.scenario.order, vec![2, 1]);
    assert_eq!(from_link("lesson=order&jobs=1,2,3").0.scenario.order, vec![1, 2, 3]);
}

#[test]
fn a_link_with_a_program_ignores_the_scenario_keys_and_keeps_unit() {
    let (state, problems) = from_link("v=1&code=abc_-9&lesson=gather&jobs=1,2,3&unit=250&edit=1&embed=1");
    assert_eq!(state.code.as_deref(), Some("abc_-9"));
    assert_eq!((state.scenario.unit, state.edit, state.embed), (250, true, true));
    assert_eq!(state.scenario.jobs, LinkState::default().scenario.jobs, "jobs= is ignored");
    assert_eq!(state.lesson, LinkState::default().lesson, "lesson= is ignored");
    assert_eq!(problems, vec![Problem::IgnoredWithCode("lesson".into()), Problem::IgnoredWithCode("jobs".into())]);
    assert_eq!(problems[0].to_string(), "\u{201c}lesson\u{201d} was ignored: the link runs its own program (code)");
    assert_eq!(to_link(&state), "v=1&code=abc_-9&unit=250&embed=1&edit=1");
}

#[test]
fn a_code_value_outside_base64url_is_reported_and_the_lesson_opens() {
    let (state, problems) = from_link("code=<script>&lesson=gather");
    assert_eq!(state.code, None);
    assert_eq!(state.lesson, Lesson::Gather, "without a program, the link's lesson opens");
    assert!(matches!(&problems[..], [Problem::Invalid { key, value, .. }] if key == "code" && value == "<script>"));
    // Trailing padding is harmless: it is dropped.
    assert_eq!(from_link("code=QUJD==").0.code.as_deref(), Some("QUJD"));
    // Without a program, `edit` means nothing and is not kept.
    assert!(!from_link("edit=1").0.edit);
}

#[test]
fn links_with_a_program_may_be_longer_up_to_their_own_limit() {
    let code = "A".repeat(MAX_LINK_CHARS + 100);
    let (state, problems) = from_link(&format!("code={code}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.code.as_deref(), Some(code.as_str()));
    let long = format!("code={}", "A".repeat(MAX_CODE_LINK_CHARS));
    let (state, problems) = from_link(&long);
    assert_eq!(problems, vec![Problem::TooLong { length: long.len(), limit: MAX_CODE_LINK_CHARS }]);
    assert_eq!(
        problems[0].to_string(),
        format!("the link is {} characters long, over the limit of 8000; it was not read", long.len())
    );
    assert_eq!(state, LinkState::default());
}
