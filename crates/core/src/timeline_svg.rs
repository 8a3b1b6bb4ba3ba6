//! The timeline drawn as SVG markup: the lanes' labels, the seconds, the ideal run's bars
//! faintly behind, the measured bars (each focusable, with its words as a `<title>`), the
//! endings and the replay cursor. One writer for lessons and programs; the page sets it as
//! the panel's markup, and "Download timeline (SVG)" saves the same.

use crate::lanes::{BarKind, Ending, Timeline};
use std::fmt::Write as _;

/// Width of the lanes' labels (px), at least: longer labels (a program's task names) widen it.
pub const LABEL: f64 = 64.0;
/// Width of a label's character (px, at the drawing's 11 px font), to make room for it.
const LABEL_CHAR: f64 = 6.2;

/// The width of `t`'s labels.
fn label_width(t: &Timeline) -> f64 {
    let longest = t.rows.iter().map(|(_, name)| name.chars().count()).max().unwrap_or(0);
    LABEL.max(10.0 + longest as f64 * LABEL_CHAR).ceil()
}
/// Height of a lane (px).
pub const ROW: f64 = 26.0;
/// Height of a bar (px).
pub const BAR: f64 = 16.0;
/// Height of the seconds' axis (px).
pub const AXIS: f64 = 22.0;
/// Pixels per second (of the scenario or program) of runs over a second long.
pub const SCALE: f64 = 110.0;
/// Width (px) of the time axis of runs up to a second long, which get finer seconds.
const SHORT_WIDTH: f64 = 2.0 * SCALE;
/// The spans (s) of short runs' axes, each with its tick (s).
const SHORT_SPANS: [(f64, f64); 4] = [(0.1, 0.02), (0.2, 0.05), (0.5, 0.1), (1.0, 0.2)];

/// The time axis: pixels per second, the seconds between ticks, how many ticks after 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// Pixels per second.
    pub scale: f64,
    /// Seconds between two ticks.
    pub tick: f64,
    /// Ticks after the one at 0.
    pub ticks: u32,
}

impl Axis {
    /// The axis of a drawing `span` seconds long: a second every 110 px for runs over a
    /// second; finer for shorter runs (the smallest of 0.1, 0.2, 0.5 and 1 s that holds
    /// them, drawn 220 px wide), so that a program of 0.4 s is not 44 px wide.
    pub fn of(span: f64) -> Axis {
        match SHORT_SPANS.iter().find(|(s, _)| span <= *s + 1e-9) {
            Some(&(s, tick)) => Axis { scale: SHORT_WIDTH / s, tick, ticks: (s / tick).round() as u32 },
            None => Axis { scale: SCALE, tick: 1.0, ticks: span.ceil() as u32 },
        }
    }

    /// Tick `i`'s label: `0 s`, `0.2 s`, `0.05 s`, `3 s`.
    pub fn label(&self, i: u32) -> String {
        let t = f64::from(i) * self.tick;
        match (i, self.tick) {
            (0, _) => "0 s".into(),
            (_, tick) if tick >= 1.0 => format!("{t:.0} s"),
            (_, tick) if tick >= 0.1 => format!("{t:.1} s"),
            _ => format!("{t:.2} s"),
        }
    }
}

/// What to draw.
pub struct Drawing<'a> {
    /// The measured run's lanes.
    pub real: &'a Timeline,
    /// The ideal run's lanes (empty for none).
    pub ideal: &'a Timeline,
    /// Real ms per second.
    pub unit: u16,
    /// The latest moment to make room for (ms).
    pub until: f64,
    /// Where the replay cursor stands (ms), if anywhere.
    pub cursor: Option<f64>,
}

/// Text as XML character data or an attribute's value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The fill of a bar: a pattern (of those [`patterns`] defines with `prefix`), so that
/// kinds differ by more than colour; none for plain bars.
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

/// The bars' patterns, with ids `{prefix}hatch`, `{prefix}dots`, `{prefix}cross`, `{prefix}stripes`.
pub fn patterns(prefix: &str) -> String {
    format!(
        "<defs>\
         <pattern id=\"{p}hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" class=\"fill-blocking\"></rect><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"></line></pattern>\
         <pattern id=\"{p}dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"5\" height=\"5\" class=\"fill-waiting-worker\"></rect><circle cx=\"2.5\" cy=\"2.5\" r=\"1\" class=\"dot\"></circle></pattern>\
         <pattern id=\"{p}cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"6\" height=\"6\" class=\"fill-in-worker\"></rect><path d=\"M0 0L6 6M6 0L0 6\" class=\"hatch-line\"></path></pattern>\
         <pattern id=\"{p}stripes\" width=\"6\" height=\"4\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"6\" height=\"4\" class=\"fill-lingering\"></rect><line x1=\"0\" y1=\"1\" x2=\"6\" y2=\"1\" class=\"hatch-line\"></line></pattern>\
         </defs>",
        p = prefix
    )
}

/// A legend entry's swatch: a small SVG filled as `kind`'s bars are.
pub fn swatch(kind: BarKind) -> String {
    let fill = fill(kind, "legend-").map(|f| format!(" fill=\"{f}\"")).unwrap_or_default();
    format!(
        "<svg width=\"18\" height=\"12\" aria-hidden=\"true\"><rect class=\"bar {} real\" width=\"18\" height=\"12\"{fill}></rect></svg>",
        kind.name()
    )
}

/// The legend of a lesson's timeline: a pattern and words for each kind of bar.
pub const LESSON_LEGEND: [(BarKind, &str); 8] = [
    (BarKind::Waiting, "awaiting (the loop is free)"),
    (BarKind::Blocking, "blocking the loop"),
    (BarKind::Running, "running, no event loop"),
    (BarKind::WaitingWorker, "waiting for a worker"),
    (BarKind::InWorker, "sleeping in a worker"),
    (BarKind::Lingering, "main lingering"),
    (BarKind::Idle, "loop idle"),
    (BarKind::Blocked, "loop blocked"),
];

/// The legend of a program's timeline.
pub const PROGRAM_LEGEND: [(BarKind, &str); 8] = [
    (BarKind::Scheduled, "scheduled, not started"),
    (BarKind::Step, "running a step"),
    (BarKind::Waiting, "awaiting (the loop is free)"),
    (BarKind::Blocking, "time.sleep: blocking the loop"),
    (BarKind::WaitingWorker, "waiting for a worker"),
    (BarKind::InWorker, "running in a worker"),
    (BarKind::Idle, "loop idle"),
    (BarKind::Blocked, "loop blocked"),
];

/// A legend's items (`<li>` each, the endings' glyphs last), for one of the legends above.
pub fn legend_items(entries: &[(BarKind, &str)]) -> String {
    let mut items: String =
        entries.iter().map(|(kind, words)| format!("<li>{}{}</li>", swatch(*kind), escape(words))).collect();
    items.push_str("<li>✓ returned · ✖ raised · ⊘ cancelled · ■ end</li>");
    items
}

fn glyph(ending: Ending) -> &'static str {
    match ending {
        Ending::Returned => "✓",
        Ending::Raised => "✖",
        Ending::Cancelled => "⊘",
        Ending::End => "■",
    }
}

fn bars(out: &mut String, t: &Timeline, unit: u16, ideal: bool, label: f64, scale: f64) {
    let x = |ms: f64| label + ms / f64::from(unit) * scale;
    let _ = write!(out, "<g class=\"{}\">", if ideal { "ideal-run" } else { "real-run" });
    for b in t.bars.iter().filter(|b| b.from.is_finite() && b.to.is_finite()) {
        let (y, w) = (AXIS + t.row(b.lane) as f64 * ROW + (ROW - BAR) / 2.0, (x(b.to) - x(b.from)).max(1.0));
        let class = format!("bar {} {}", b.kind.name(), if ideal { "ideal" } else { "real" });
        if ideal {
            let _ = write!(
                out,
                "<rect class=\"{class}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{BAR}\"></rect>",
                x(b.from)
            );
            continue;
        }
        let text = escape(&b.text);
        let lane = t.rows.get(t.row(b.lane)).map(|(_, name)| escape(name)).unwrap_or_default();
        let fill = fill(b.kind, "p-").map(|f| format!(" fill=\"{f}\"")).unwrap_or_default();
        let _ = write!(
            out,
            "<g class=\"focusable\" tabindex=\"0\" role=\"img\" aria-label=\"{text}\"><title>{text}</title>\
             <rect class=\"{class}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{BAR}\"{fill} data-lane=\"{lane}\" data-kind=\"{}\" data-from=\"{:.1}\" data-to=\"{:.1}\"></rect></g>",
            x(b.from),
            b.kind.name(),
            b.from,
            b.to
        );
    }
    if !ideal {
        for m in &t.marks {
            let text = escape(&m.text);
            let y = AXIS + t.row(m.lane) as f64 * ROW + ROW / 2.0 + 5.0;
            let _ = write!(
                out,
                "<g class=\"focusable\" tabindex=\"0\" role=\"img\" aria-label=\"{text}\"><title>{text}</title>\
                 <text class=\"mark {}\" x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text></g>",
                m.ending.name(),
                x(m.at),
                glyph(m.ending)
            );
        }
    }
    out.push_str("</g>");
}

/// The whole timeline, as an `<svg id="timeline-svg">` element.
pub fn timeline_svg(d: &Drawing) -> String {
    let axis = Axis::of(d.until / f64::from(d.unit));
    let label = label_width(d.real);
    let width = label + f64::from(axis.ticks) * axis.tick * axis.scale + 16.0;
    let height = AXIS + d.real.rows.len() as f64 * ROW + 4.0;
    let mut out = format!(
        "<svg id=\"timeline-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" role=\"group\" aria-label=\"Timeline of the run\">"
    );
    out.push_str(&patterns("p-"));
    for i in 0..=axis.ticks {
        let tx = label + f64::from(i) * axis.tick * axis.scale;
        let _ = write!(
            out,
            "<line class=\"tick\" x1=\"{tx:.0}\" y1=\"{}\" x2=\"{tx:.0}\" y2=\"{height:.0}\"></line>\
             <text class=\"tick-label\" x=\"{tx:.0}\" y=\"12\" text-anchor=\"middle\">{}</text>",
            AXIS - 4.0,
            axis.label(i)
        );
    }
    for (i, (_, name)) in d.real.rows.iter().enumerate() {
        let y = AXIS + i as f64 * ROW + ROW / 2.0 + 4.0;
        let _ = write!(out, "<text class=\"lane-label\" x=\"4\" y=\"{y:.0}\">{}</text>", escape(name));
    }
    bars(&mut out, d.ideal, d.unit, true, label, axis.scale);
    bars(&mut out, d.real, d.unit, false, label, axis.scale);
    if let Some(t) = d.cursor {
        let cx = label + t / f64::from(d.unit) * axis.scale;
        let _ = write!(out, "<line class=\"cursor\" x1=\"{cx:.1}\" y1=\"0\" x2=\"{cx:.1}\" y2=\"{height:.0}\"></line>");
    }
    out.push_str("</svg>");
    out
}
