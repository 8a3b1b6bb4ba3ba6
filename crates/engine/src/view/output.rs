//! A program's output, drawn as its lines arrive: every line with its time and task
//! (the contract's `data-event`, `data-text`, `data-t`, `data-who`), standard error apart,
//! then `main`'s `end`. A traceback's `File "main.py", line N` is a button to that line.

use playground_core::lanes::secs;
use playground_core::program_run::{line_time, traceback_line};
use playground_core::program_trace::{Line, Stream};
use playground_core::timeline_svg::escape;
use web_sys::Element;

/// Most lines kept in the page (the export has them all).
pub const MAX_LINES: usize = 500;

/// The markup of output line `i`.
pub fn line_html(i: usize, l: &Line, unit: u16) -> String {
    let text = escape(&l.text);
    let err = if l.stream == Stream::Err { " error" } else { "" };
    let target = traceback_line(&l.text).filter(|_| l.stream == Stream::Err);
    let shown = match target {
        Some(n) => format!("<button type=\"button\" class=\"text link-button\" data-goto=\"{n}\" title=\"Show line {n} in the editor\">{text}</button>"),
        None => format!("<span class=\"text\">{text}</span>"),
    };
    format!(
        "<li class=\"line{err}\" data-i=\"{i}\" data-event=\"{}\" data-text=\"{text}\" data-t=\"{:.3}\" data-who=\"{who}\" data-line=\"{}\">\
         <span class=\"t\">{}</span><span class=\"who\">{who}</span>{shown}</li>",
        l.stream.event(),
        l.t,
        l.line,
        line_time(l, unit),
        who = escape(&l.who),
    )
}

/// The markup of the run's end, after its `n` lines.
pub fn end_html(n: usize, t: f64, unit: u16) -> String {
    format!(
        "<li class=\"line end\" data-i=\"{n}\" data-who=\"main\" data-event=\"end\" data-t=\"{t:.3}\"><span class=\"t\">t={}</span>\
         <span class=\"text\">the run is over</span></li>",
        secs(t, unit).trim_end_matches(" s")
    )
}

/// Appends `html` (lines) to the list, keeping it to its last [`MAX_LINES`].
pub fn append(list: &Element, html: &str) {
    let _ = list.insert_adjacent_html("beforeend", html);
    while list.child_element_count() as usize > MAX_LINES + 1 {
        match list.first_element_child() {
            Some(first) => first.remove(),
            None => break,
        }
    }
}
