//! The timeline (SVG): for a lesson, a lane per job, one for `main` and one for the event
//! loop; for a program, a lane per task; growing live; the ideal run drawn faintly behind;
//! the replay cursor.

use crate::state::{use_playground, RunStatus, RunView};
use leptos::prelude::*;
use playground_core::compare::{max_difference, Point};
use playground_core::lanes::{timeline, BarKind, Ending, Timeline};
use playground_core::program_lanes::program_timeline;
use playground_core::program_trace::Activity;

/// Most job lanes drawn.
pub const MAX_LANES: usize = 50;
const LABEL: f64 = 64.0;
const ROW: f64 = 26.0;
const BAR: f64 = 16.0;
const AXIS: f64 = 22.0;
/// Pixels per scenario second.
const SCALE: f64 = 110.0;

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

fn glyph(ending: Ending) -> &'static str {
    match ending {
        Ending::Returned => "✓",
        Ending::Raised => "✖",
        Ending::Cancelled => "⊘",
        Ending::End => "■",
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

/// The bars' patterns, with ids `{prefix}hatch`, `{prefix}dots`, … (the timeline's and
/// the legend's, which is drawn before any timeline exists).
fn patterns(prefix: &'static str) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}{name}");
    view! {
        <defs>
            <pattern id=id("hatch") width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="fill-blocking"/>
                <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/>
            </pattern>
            <pattern id=id("dots") width="5" height="5" patternUnits="userSpaceOnUse">
                <rect width="5" height="5" class="fill-waiting-worker"/>
                <circle cx="2.5" cy="2.5" r="1" class="dot"/>
            </pattern>
            <pattern id=id("cross") width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="fill-in-worker"/>
                <path d="M0 0L6 6M6 0L0 6" class="hatch-line"/>
            </pattern>
            <pattern id=id("stripes") width="6" height="4" patternUnits="userSpaceOnUse">
                <rect width="6" height="4" class="fill-lingering"/>
                <line x1="0" y1="1" x2="6" y2="1" class="hatch-line"/>
            </pattern>
        </defs>
    }
}

/// The fill of a bar: a pattern (of those `patterns(prefix)` defines), so that kinds
/// differ by more than colour; none for plain bars.
pub fn fill(kind: BarKind, prefix: &str) -> Option<String> {
    let name = match kind {
        BarKind::Blocking | BarKind::Blocked => "hatch",
        BarKind::WaitingWorker => "dots",
        BarKind::InWorker => "cross",
        BarKind::Lingering | BarKind::Scheduled => "stripes",
        _ => return None,
    };
    Some(format!("url(#{prefix}{name})"))
}

fn draw(t: &Timeline, unit: u16, ideal: bool, focused: RwSignal<String>) -> impl IntoView {
    let x = move |ms: f64| LABEL + ms / f64::from(unit) * SCALE;
    let row = |lane| t.row(lane) as f64;
    let bars = t.bars.iter().filter(|b| b.from.is_finite() && b.to.is_finite()).map(|b| {
        let (y, w) = (AXIS + row(b.lane) * ROW + (ROW - BAR) / 2.0, (x(b.to) - x(b.from)).max(1.0));
        let text = b.text.clone();
        let label = text.clone();
        let class = format!("bar {} {}", b.kind.name(), if ideal { "ideal" } else { "real" });
        if ideal {
            view! { <rect class=class x=x(b.from) y=y width=w height=BAR/> }.into_any()
        } else {
            view! {
                <g class="focusable" tabindex="0" role="img" aria-label=label.clone() on:focus=move |_| focused.set(label.clone())>
                    <title>{text}</title>
                    <rect class=class x=x(b.from) y=y width=w height=BAR fill=fill(b.kind, "p-")
                        data-lane=t.rows.get(t.row(b.lane)).map(|(_, name)| name.clone()) data-kind=b.kind.name() data-from=format!("{:.1}", b.from) data-to=format!("{:.1}", b.to)/>
                </g>
            }
            .into_any()
        }
    });
    let marks = (!ideal).then(|| {
        t.marks
            .iter()
            .map(|m| {
                let label = m.text.clone();
                view! {
                    <g class="focusable" tabindex="0" role="img" aria-label=label.clone() on:focus=move |_| focused.set(label.clone())>
                        <title>{m.text.clone()}</title>
                        <text class=format!("mark {}", m.ending.name()) x=x(m.at) y=AXIS + row(m.lane) * ROW + ROW / 2.0 + 5.0 text-anchor="middle">
                            {glyph(m.ending)}
                        </text>
                    </g>
                }
            })
            .collect_view()
    });
    view! { <g class=if ideal { "ideal-run" } else { "real-run" }>{bars.collect_view()}{marks}</g> }
}

/// The timeline of the current run.
#[component]
pub fn TimelineView() -> impl IntoView {
    let playground = use_playground();
    let focused = RwSignal::new(String::new());
    // The ideal run's lanes change with the run, not with every animation frame.
    let ideal_lanes = Memo::new(move |_| {
        playground.run.with(|r| {
            if r.scenario.jobs.len() > MAX_LANES || r.program.is_some() {
                return Timeline::default();
            }
            timeline(&r.scenario, &r.ideal, f64::INFINITY)
        })
    });
    let view_box = move || {
        let live = playground.live.get();
        let cursor = playground.cursor.get();
        playground.run.with(|r| {
            let times = event_times(r);
            if times.is_empty() && !r.status.is_live() {
                return None;
            }
            let lanes = match &r.program {
                Some(trace) => trace.activity.iter().filter(|a| matches!(a, Activity::TaskCreated { .. })).count(),
                None => r.scenario.jobs.len(),
            };
            if lanes > MAX_LANES {
                let what = if r.program.is_some() { "tasks" } else { "jobs" };
                let note = format!("The timeline draws runs of up to {MAX_LANES} {what}; this one has {lanes}.");
                return Some(view! { <p class="note">{note}</p> }.into_any());
            }
            let unit = r.scenario.unit;
            let now = if r.status.is_over() { f64::INFINITY } else { live.now };
            let real = lanes_of(r, now);
            let ideal = ideal_lanes.get();
            let last = times.iter().copied().chain(r.ideal.iter().map(|e| e.t)).fold(live.now.min(1e9), f64::max);
            let seconds = (last / f64::from(unit)).ceil().max(1.0);
            let width = LABEL + seconds * SCALE + 16.0;
            let height = AXIS + real.rows.len() as f64 * ROW + 4.0;
            let labels = real
                .rows
                .iter()
                .enumerate()
                .map(|(i, (_, name))| {
                    view! { <text class="lane-label" x="4" y=AXIS + i as f64 * ROW + ROW / 2.0 + 4.0>{name.clone()}</text> }
                })
                .collect_view();
            let ticks = (0..=seconds as u32)
                .map(|s| {
                    let tx = LABEL + f64::from(s) * SCALE;
                    view! {
                        <line class="tick" x1=tx y1=AXIS - 4.0 x2=tx y2=height/>
                        <text class="tick-label" x=tx y="12" text-anchor="middle">{format!("{s} s")}</text>
                    }
                })
                .collect_view();
            let cursor_x = cursor.and_then(|i| times.get(i)).map(|t| LABEL + t / f64::from(unit) * SCALE);
            let cursor_line = cursor_x.map(|cx| view! { <line class="cursor" x1=cx y1="0" x2=cx y2=height/> });
            let svg = view! {
                <svg id="timeline-svg" xmlns="http://www.w3.org/2000/svg" width=width height=height
                    viewBox=format!("0 0 {width} {height}") role="group" aria-label="Timeline of the run">
                    {patterns("p-")}
                    {ticks}
                    {labels}
                    {draw(&ideal, unit, true, focused)}
                    {draw(&real, unit, false, focused)}
                    {cursor_line}
                </svg>
            };
            Some(svg.into_any())
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
    let program = move || playground.in_program();
    let legend = move || {
        let entries: &[(BarKind, &str)] = if program() { &PROGRAM_LEGEND } else { &LEGEND };
        entries.iter().map(|(kind, words)| {
            view! {
                <li><svg width="18" height="12" aria-hidden="true"><rect class=format!("bar {} real", kind.name()) width="18" height="12" fill=fill(*kind, "legend-")/></svg>{*words}</li>
            }
        })
        .collect_view()
    };
    view! {
        <section class="timeline-panel" aria-labelledby="timeline-title">
            <h3 id="timeline-title">"Timeline"</h3>
            <div class="timeline-scroll">{view_box}</div>
            <p class="difference">{difference}</p>
            <p class="focused-bar" aria-live="polite">{move || focused.get()}</p>
            <svg width="0" height="0" aria-hidden="true" class="legend-patterns">{patterns("legend-")}</svg>
            <ul class="legend" aria-label="Legend">
                {legend}
                <li>"✓ returned · ✖ raised · ⊘ cancelled · ■ end"</li>
            </ul>
        </section>
    }
}
