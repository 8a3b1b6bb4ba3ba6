//! A program's timeline: a lane for the event loop, one per task (named as CPython names
//! them), drawn by the core's SVG writer as the run goes, with its legend.

use playground_core::lanes::Timeline;
use playground_core::program_lanes::program_timeline;
use playground_core::program_run::ProgramTrace;
use playground_core::program_trace::Activity;
use playground_core::timeline_svg::{legend_items, patterns, timeline_svg, Drawing, PROGRAM_LEGEND};

/// Most task lanes drawn.
pub const MAX_LANES: usize = 50;

/// The panel's fixed markup: the drawing's box, the focused bar's words, the legend.
pub fn panel_html() -> String {
    let legend = legend_items(&PROGRAM_LEGEND);
    format!(
        "<h3 id=\"timeline-title\">Timeline</h3><div class=\"timeline-scroll\"></div><p class=\"difference\"></p><p class=\"focused-bar\" aria-live=\"polite\"></p>\
         <svg width=\"0\" height=\"0\" aria-hidden=\"true\" class=\"legend-patterns\">{}</svg><ul class=\"legend\" aria-label=\"Legend\">{legend}</ul>",
        patterns("legend-")
    )
}

/// The drawing of `trace` now (`now`: ms since the run started; open bars reach it), with the
/// ideal run's lanes (`ideal`, ending at `ideal_end`) behind it.
pub fn drawing(
    trace: &ProgramTrace,
    ideal: &Timeline,
    ideal_end: Option<f64>,
    unit: u16,
    now: f64,
    cursor: Option<f64>,
) -> String {
    let tasks = trace.activity.iter().filter(|a| matches!(a, Activity::TaskCreated { .. })).count();
    if tasks > MAX_LANES {
        return format!(
            "<p class=\"note\">The timeline draws programs of up to {MAX_LANES} tasks; this one made {tasks}.</p>"
        );
    }
    let real = program_timeline(trace, unit, now);
    // The ideal run's lanes are drawn where the measured run has the same lanes.
    let bars = ideal.bars.iter().filter(|b| real.rows.iter().any(|(lane, _)| *lane == b.lane)).cloned().collect();
    let ideal = Timeline { rows: real.rows.clone(), bars, marks: Vec::new() };
    let last = trace
        .lines
        .iter()
        .map(|l| l.t)
        .chain(trace.end)
        .chain(ideal_end)
        .fold(if now.is_finite() { now } else { 0.0 }, f64::max);
    timeline_svg(&Drawing { real: &real, ideal: &ideal, unit, until: last, cursor })
}
