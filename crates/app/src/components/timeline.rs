//! The timeline of a lesson's run: a lane per job, one for `main` and one for the event loop,
//! growing live; the ideal run drawn faintly behind; the replay cursor. The drawing is the
//! core's SVG markup (`timeline_svg`, which also draws programs' timelines in the engine);
//! each bar says what it means on hover (its `<title>`) and on keyboard focus (below it).

use crate::state::{use_playground, RunStatus};
use leptos::prelude::*;
use playground_core::compare::{max_difference, Point};
use playground_core::lanes::{timeline, Timeline};
use playground_core::timeline_svg::{legend_items, patterns, timeline_svg, Drawing, LESSON_LEGEND};

/// Most lanes drawn (jobs, or a program's tasks).
pub const MAX_LANES: usize = 50;

/// The timeline of the current run.
#[component]
pub fn TimelineView() -> impl IntoView {
    let playground = use_playground();
    let focused = RwSignal::new(String::new());
    // The ideal run's lanes change with the run, not with every animation frame.
    let ideal_lanes = Memo::new(move |_| {
        playground.run.with(|r| {
            if r.scenario.jobs.len() > MAX_LANES {
                return Timeline::default();
            }
            timeline(&r.scenario, &r.ideal, f64::INFINITY)
        })
    });
    let drawing = move || {
        let live = playground.live.get();
        let cursor = playground.cursor.get();
        playground.run.with(|r| {
            if r.events.is_empty() && !r.status.is_live() {
                return String::new();
            }
            let lanes = r.scenario.jobs.len();
            if lanes > MAX_LANES {
                return format!(
                    "<p class=\"note\">The timeline draws runs of up to {MAX_LANES} jobs; this one has {lanes}.</p>"
                );
            }
            let now = if r.status.is_over() { f64::INFINITY } else { live.now };
            let real = timeline(&r.scenario, &r.events, now);
            let until = r.events.iter().chain(&r.ideal).map(|e| e.t).fold(live.now.min(1e9), f64::max);
            let cursor = cursor.and_then(|i| r.events.get(i)).map(|e| e.t);
            ideal_lanes
                .with(|ideal| timeline_svg(&Drawing { real: &real, ideal, unit: r.scenario.unit, until, cursor }))
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
    let legend = legend_items(&LESSON_LEGEND);
    // A bar or mark that takes the keyboard's focus says what it means below the drawing.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let label =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("aria-label"));
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
