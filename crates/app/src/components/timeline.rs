//! The timeline: for a lesson, a lane per job, one for `main` and one for the event loop;
//! for a program, a lane per task; growing live; the ideal run drawn faintly behind; the
//! replay cursor. The drawing is the core's SVG markup (`timeline_svg`); each bar says what
//! it means on hover (its `<title>`) and on keyboard focus (below the drawing).

use crate::state::{use_playground, RunStatus, RunView};
use leptos::prelude::*;
use playground_core::compare::{max_difference, Point};
use playground_core::lanes::{timeline, BarKind, Timeline};
use playground_core::program_lanes::program_timeline;
use playground_core::program_trace::Activity;
use playground_core::timeline_svg::{escape, patterns, swatch, timeline_svg, Drawing};

/// Most lanes drawn (jobs, or a program's tasks).
pub const MAX_LANES: usize = 50;

/// The lanes of `r` drawn now: a program's tasks, or a lesson's jobs.
fn lanes_of(r: &RunView, now: f64) -> Timeline {
    match &r.program {
        Some(trace) => program_timeline(trace, r.scenario.unit, now),
        None => timeline(&r.scenario, &r.events, now),
    }
}

/// The times of the events replay steps through.
fn event_times(r: &RunView) -> Vec<f64> {
    match &r.program {
        Some(trace) => trace.lines.iter().map(|l| l.t).chain(trace.end).collect(),
        None => r.events.iter().map(|e| e.t).collect(),
    }
}

/// How many lanes a run needs beside the loop's.
fn lane_count(r: &RunView) -> usize {
    match &r.program {
        Some(trace) => trace.activity.iter().filter(|a| matches!(a, Activity::TaskCreated { .. })).count(),
        None => r.scenario.jobs.len(),
    }
}

/// The legend's entries for a program's run.
pub const PROGRAM_LEGEND: [(BarKind, &str); 6] = [
    (BarKind::Scheduled, "scheduled, not started"),
    (BarKind::Step, "running a step"),
    (BarKind::Waiting, "awaiting (the loop is free)"),
    (BarKind::Blocking, "time.sleep: blocking the loop"),
    (BarKind::Idle, "loop idle"),
    (BarKind::Blocked, "loop blocked"),
];

/// The legend's entries: a pattern and words for each kind of bar.
pub const LEGEND: [(BarKind, &str); 8] = [
    (BarKind::Waiting, "awaiting (the loop is free)"),
    (BarKind::Blocking, "blocking the loop"),
    (BarKind::Running, "running, no event loop"),
    (BarKind::WaitingWorker, "waiting for a worker"),
    (BarKind::InWorker, "sleeping in a worker"),
    (BarKind::Lingering, "main lingering"),
    (BarKind::Idle, "loop idle"),
    (BarKind::Blocked, "loop blocked"),
];

/// The timeline of the current run.
#[component]
pub fn TimelineView() -> impl IntoView {
    let playground = use_playground();
    let focused = RwSignal::new(String::new());
    // The ideal run's lanes change with the run, not with every animation frame.
    let ideal_lanes = Memo::new(move |_| {
        playground.run.with(|r| {
            if lane_count(r) > MAX_LANES || r.program.is_some() {
                return Timeline::default();
            }
            timeline(&r.scenario, &r.ideal, f64::INFINITY)
        })
    });
    let drawing = move || {
        let live = playground.live.get();
        let cursor = playground.cursor.get();
        playground.run.with(|r| {
            let times = event_times(r);
            if times.is_empty() && !r.status.is_live() {
                return String::new();
            }
            let lanes = lane_count(r);
            if lanes > MAX_LANES {
                let what = if r.program.is_some() { "tasks" } else { "jobs" };
                return format!("<p class=\"note\">The timeline draws runs of up to {MAX_LANES} {what}; this one has {lanes}.</p>");
            }
            let now = if r.status.is_over() { f64::INFINITY } else { live.now };
            let real = lanes_of(r, now);
            let until = times.iter().copied().chain(r.ideal.iter().map(|e| e.t)).fold(live.now.min(1e9), f64::max);
            let cursor = cursor.and_then(|i| times.get(i).copied());
            ideal_lanes.with(|ideal| timeline_svg(&Drawing { real: &real, ideal, unit: r.scenario.unit, until, cursor }))
        })
    };
    let difference = move || {
        playground.run.with(|r| {
            (r.status == RunStatus::Finished && !r.ideal.is_empty()).then(|| {
                let (real, ideal): (Vec<Point>, Vec<Point>) = (
                    r.events.iter().map(|e| Point::of_event(e, 1000)).collect(),
                    r.ideal.iter().map(|e| Point::of_event(e, 1000)).collect(),
                );
                format!(
                    "Measured within {:.0} ms of the ideal run (drawn faintly behind).",
                    max_difference(&ideal, &real) * 1000.0
                )
            })
        })
    };
    let legend = move || {
        let entries: &[(BarKind, &str)] = if playground.in_program() { &PROGRAM_LEGEND } else { &LEGEND };
        let mut items: String = entries.iter().map(|(kind, words)| format!("<li>{}{}</li>", swatch(*kind), escape(words))).collect();
        items.push_str("<li>✓ returned · ✖ raised · ⊘ cancelled · ■ end</li>");
        items
    };
    // A bar or mark that takes the keyboard's focus says what it means below the drawing.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let label = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("aria-label"));
        if let Some(label) = label.filter(|l| l != "Timeline of the run") {
            focused.set(label);
        }
    };
    view! {
        <section class="timeline-panel" aria-labelledby="timeline-title">
            <h3 id="timeline-title">"Timeline"</h3>
            <div class="timeline-scroll" inner_html=drawing on:focusin=on_focus></div>
            <p class="difference">{difference}</p>
            <p class="focused-bar" aria-live="polite">{move || focused.get()}</p>
            <svg width="0" height="0" aria-hidden="true" class="legend-patterns" inner_html=patterns("legend-")></svg>
            <ul class="legend" aria-label="Legend" inner_html=legend></ul>
        </section>
    }
}
