//! The program's part of the page, drawn by the engine (so that none of it weighs on the
//! page's first load): the examples to start from, the editor, and a run's output and
//! timeline. The page gives three containers and hears what happens through one callback:
//! `edited` (the text changed), `run` (Ctrl/Cmd+Enter), `back` (to the lesson it came from).

mod editor;
mod keys;
mod output;
mod paint;
mod timeline;
mod tools;

use editor::Editor;
use playground_core::lanes::Timeline;
use playground_core::program_lanes::program_timeline;
use playground_core::program_run::{ideal_difference, ProgramTrace};
use playground_core::program_trace::ProgramEvent;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// What the view shows of the current run.
#[derive(Default)]
struct RunState {
    trace: ProgramTrace,
    /// The ideal run's, drawn faintly behind.
    ideal: ProgramTrace,
    /// The ideal run's lanes (made once, as the run begins).
    ideal_lanes: Timeline,
    unit: u16,
    cursor: Option<usize>,
    /// Whether the reader left the output at its end (new lines then keep it there).
    at_end: bool,
    /// The live clock when the timeline was last drawn (ms).
    drawn_at: f64,
}

/// How often (ms) the timeline redraws while the run is live. Output lines are shown in the
/// frame they arrive in; the timeline, whose drawing (a whole SVG, laid out again) costs the
/// main thread milliseconds that the program's timers would wait for, follows at this step.
const LIVE_STEP_MS: f64 = 100.0;

/// The program's view, once mounted.
struct View {
    editor: Editor,
    output: Element,
    drawing: Element,
    focused: Element,
    containers: Vec<Element>,
    on_event: js_sys::Function,
    follow: bool,
    run: RefCell<RunState>,
    _listeners: Vec<Closure<dyn Fn(web_sys::Event)>>,
}

thread_local! {
    static VIEW: RefCell<Option<Rc<View>>> = const { RefCell::new(None) };
}

fn view() -> Option<Rc<View>> {
    VIEW.with(|v| v.borrow().clone())
}

fn tell(on_event: &js_sys::Function, kind: &str, detail: &str) {
    let _ = on_event.call2(&JsValue::NULL, &kind.into(), &detail.into());
}

fn listen(el: &Element, event: &str, f: impl Fn(web_sys::Event) + 'static) -> Closure<dyn Fn(web_sys::Event)> {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure
}

/// Shows `source` in the page's three containers: the editor (with, unless `compact`, the
/// examples to start from), the output and the timeline. Replaces any program shown.
#[wasm_bindgen(js_name = mountProgram)]
pub fn mount_program(
    editor_root: Element,
    output_root: Element,
    timeline_root: Element,
    source: &str,
    compact: bool,
    editable: bool,
    on_event: js_sys::Function,
) -> Result<(), String> {
    unmount_program();
    let mut listeners = Vec::new();
    if !compact {
        listeners.extend(tools::mount(&editor_root, source, on_event.clone()));
    }
    let (changed, run) = (on_event.clone(), on_event.clone());
    let editor = Editor::mount(
        &editor_root,
        source,
        !editable,
        Box::new(move || tell(&changed, "edited", "")),
        Box::new(move || tell(&run, "run", "")),
    )
    .ok_or("the editor could not be made")?;
    output_root.set_inner_html(
        "<h3 id=\"output-title\">Output</h3><ol class=\"output program-output\" aria-live=\"polite\" aria-label=\"Output of the run\"></ol>",
    );
    timeline_root.set_inner_html(&timeline::panel_html());
    let find = |root: &Element, selector: &str| {
        root.query_selector(selector).ok().flatten().ok_or("the view's markup is incomplete")
    };
    let (output, drawing, focused) =
        (find(&output_root, "ol")?, find(&timeline_root, ".timeline-scroll")?, find(&timeline_root, ".focused-bar")?);
    if compact {
        let _ = output.set_attribute("tabindex", "0");
    }
    // A traceback's line leads to the editor; the output follows its newest line unless scrolled up.
    listeners.push(listen(&output, "click", |ev| {
        let line = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.get_attribute("data-goto"));
        if let (Some(view), Some(line)) = (view(), line.and_then(|l| l.parse().ok())) {
            view.editor.goto(line, 1);
        }
    }));
    let list = output.clone();
    listeners.push(listen(&output, "scroll", move |_| {
        if let Some(view) = view() {
            view.run.borrow_mut().at_end = list.scroll_top() + list.client_height() >= list.scroll_height() - 4;
        }
    }));
    let words = focused.clone();
    listeners.push(listen(&drawing, "focusin", move |ev| {
        let label = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.get_attribute("aria-label"));
        if let Some(label) = label.filter(|l| l != "Timeline of the run") {
            words.set_text_content(Some(&label));
        }
    }));
    let containers = vec![editor_root, output_root, timeline_root];
    let run = RefCell::new(RunState { at_end: true, ..RunState::default() });
    let shown =
        View { editor, output, drawing, focused, containers, on_event, follow: compact, run, _listeners: listeners };
    VIEW.with(|v| *v.borrow_mut() = Some(Rc::new(shown)));
    Ok(())
}

/// Takes the program's view out of the page.
#[wasm_bindgen(js_name = unmountProgram)]
pub fn unmount_program() {
    if let Some(view) = VIEW.with(|v| v.borrow_mut().take()) {
        for c in &view.containers {
            c.set_inner_html("");
        }
    }
}

/// The program's text, as the editor holds it (empty without a view).
#[wasm_bindgen(js_name = programSource)]
pub fn program_source() -> String {
    view().map(|v| v.editor.source()).unwrap_or_default()
}

/// Replaces the program's text.
#[wasm_bindgen(js_name = setProgramSource)]
pub fn set_program_source(source: &str) {
    if let Some(view) = view() {
        view.editor.set_source(source);
        tell(&view.on_event, "edited", "");
    }
}

/// Whether the program can be edited (an embed's is read-only unless its link says `edit=1`).
#[wasm_bindgen(js_name = setEditable)]
pub fn set_editable(editable: bool) {
    if let Some(view) = view() {
        view.editor.set_read_only(!editable);
    }
}

/// The ideal run of the next run (see `prepareRun`).
pub(crate) fn set_ideal(events: &[ProgramEvent]) {
    if let Some(view) = view() {
        let mut ideal = ProgramTrace::default();
        for e in events {
            ideal.push(e.clone());
        }
        view.run.borrow_mut().ideal = ideal;
    }
}

/// A run begins: its output and timeline start empty.
pub(crate) fn begin_run(unit: u16) {
    if let Some(view) = view() {
        view.output.set_inner_html("");
        view.drawing.set_inner_html("");
        view.focused.set_text_content(None);
        view.editor.set_current_line(None);
        let ideal = std::mem::take(&mut view.run.borrow_mut().ideal);
        let ideal_lanes = program_timeline(&ideal, unit, f64::INFINITY);
        *view.run.borrow_mut() = RunState { unit, ideal, ideal_lanes, at_end: true, ..RunState::default() };
    }
}

/// Shows what the run reported, and its timeline as of `now` (ms since it started).
pub(crate) fn show(events: &[ProgramEvent], now: f64) {
    let Some(view) = view() else { return };
    let mut run = view.run.borrow_mut();
    let ends = events.iter().any(|e| matches!(e, ProgramEvent::End(_)));
    let redraw = ends || !now.is_finite() || now - run.drawn_at >= LIVE_STEP_MS;
    if events.is_empty() && !redraw {
        return;
    }
    let unit = run.unit;
    let mut html = String::new();
    for event in events {
        if let ProgramEvent::Line(l) = event {
            html.push_str(&output::line_html(run.trace.lines.len(), l, unit));
        }
        if let ProgramEvent::End(t) = event {
            html.push_str(&output::end_html(run.trace.lines.len(), *t, unit));
        }
        run.trace.push(event.clone());
    }
    if !html.is_empty() {
        output::append(&view.output, &html);
        if view.follow && run.at_end {
            view.output.set_scroll_top(view.output.scroll_height());
        }
    }
    if !redraw {
        return;
    }
    run.drawn_at = now;
    let cursor = run.cursor.and_then(|i| run.trace.lines.get(i).map(|l| l.t).or(run.trace.end));
    let now = if run.trace.end.is_some() { f64::INFINITY } else { now };
    view.drawing.set_inner_html(&timeline::drawing(&run.trace, &run.ideal_lanes, run.ideal.end, unit, now, cursor));
    if let Some(words) = view.drawing.next_element_sibling() {
        let measured = run.trace.end.and(ideal_difference(&run.trace, &run.ideal));
        let text = measured.map(|ms| format!("Measured within {ms:.0} ms of the ideal run (drawn faintly behind)."));
        words.set_text_content(text.as_deref());
    }
}

/// Replay stands on line `i` of the output (`None`: nowhere): marked in the output, the
/// timeline and the editor.
pub(crate) fn set_cursor(i: Option<usize>) {
    let Some(view) = view() else { return };
    let previous = view.run.borrow_mut().cursor;
    view.run.borrow_mut().cursor = i;
    playground_runtime::dom::mark_current(&view.output, previous, i);
    let line = view.run.borrow().trace.lines.get(i.unwrap_or(usize::MAX)).map(|l| l.line).filter(|&l| l > 0);
    view.editor.set_current_line(line);
    show(&[], f64::INFINITY);
}
