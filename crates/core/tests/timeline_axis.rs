//! The timeline's time axis: a second every 110 px for runs over a second, finer seconds for
//! shorter ones, and the drawing's bars placed on it.

use playground_core::ideal::ideal_trace;
use playground_core::lanes::timeline;
use playground_core::link::from_link;
use playground_core::timeline_svg::{timeline_svg, Axis, Drawing};

#[test]
fn axes_by_the_run_s_length() {
    // (span s, pixels per second, tick s, ticks, labels of the first two ticks and the last)
    let cases: &[(f64, f64, f64, u32, [&str; 3])] = &[
        (0.0, 2200.0, 0.02, 5, ["0 s", "0.02 s", "0.10 s"]),
        (0.1, 2200.0, 0.02, 5, ["0 s", "0.02 s", "0.10 s"]),
        (0.15, 1100.0, 0.05, 4, ["0 s", "0.05 s", "0.20 s"]),
        (0.4, 440.0, 0.1, 5, ["0 s", "0.1 s", "0.5 s"]),
        (1.0, 220.0, 0.2, 5, ["0 s", "0.2 s", "1.0 s"]),
        (1.0004, 110.0, 1.0, 2, ["0 s", "1 s", "2 s"]),
        (3.0, 110.0, 1.0, 3, ["0 s", "1 s", "3 s"]),
        (12.5, 110.0, 1.0, 13, ["0 s", "1 s", "13 s"]),
    ];
    for &(span, scale, tick, ticks, labels) in cases {
        let axis = Axis::of(span);
        assert_eq!((axis.scale, axis.tick, axis.ticks), (scale, tick, ticks), "span {span}");
        assert_eq!([axis.label(0), axis.label(1), axis.label(ticks)], labels.map(String::from), "span {span}");
        // Every axis is at least 220 px wide.
        assert!(f64::from(axis.ticks) * axis.tick * axis.scale >= 219.9, "span {span}");
    }
}

/// The x and width of the rect of `lane`'s waiting bar.
fn bar(svg: &str, lane: &str) -> (f64, f64) {
    let at = svg.find(&format!("data-lane=\"{lane}\" data-kind=\"waiting\"")).expect("the bar");
    let rect = &svg[svg[..at].rfind("<rect").expect("its rect")..at];
    let attr = |name: &str| -> f64 {
        let v = &rect[rect.find(&format!(" {name}=\"")).expect(name) + name.len() + 3..];
        v[..v.find('"').expect("its end")].parse().expect("a number")
    };
    (attr("x"), attr("width"))
}

#[test]
fn bars_and_ticks_follow_the_axis() {
    // (link, the last tick's label, job 1's seconds)
    for (query, last, job1) in [("lesson=tasks&jobs=0.3,0.4", "0.5 s", 0.3), ("lesson=tasks&jobs=1,3", "3 s", 1.0)] {
        let scenario = from_link(query).0.scenario;
        let events = ideal_trace(&scenario).expect("runs");
        let t = timeline(&scenario, &events, f64::INFINITY);
        let until = events.iter().map(|e| e.t).fold(0.0, f64::max);
        let svg = timeline_svg(&Drawing { real: &t, ideal: &t, unit: scenario.unit, until, cursor: None });
        let axis = Axis::of(until / f64::from(scenario.unit));
        assert!(svg.contains(&format!(">{last}</text>")), "{query}: the last tick is {last}");
        // Both jobs start at 0, at the labels' edge; job 1's bar is its seconds on the axis.
        let ((x1, w1), (x2, _)) = (bar(&svg, "job 1"), bar(&svg, "job 2"));
        assert_eq!(x1, x2, "{query}");
        assert!((w1 - job1 * axis.scale).abs() < 0.11, "{query}: job 1 is {w1} px, not {}", job1 * axis.scale);
    }
}
