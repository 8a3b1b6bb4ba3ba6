//! Above the editor, on the full page: where the program came from (a lesson's "Edit this
//! code", with the way back), and the examples to start from.

use super::{listen, set_program_source, tell};
use playground_core::python::origin;
use playground_core::timeline_svg::escape;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

/// Adds the tools to `root` for a program of `source`; their listeners.
pub fn mount(root: &Element, source: &str, on_event: js_sys::Function) -> Vec<Closure<dyn Fn(web_sys::Event)>> {
    let from = origin(source).map(|lesson| {
        format!(
            "<span class=\"origin\">It came from the lesson {} ({}). <button type=\"button\" class=\"link-button back\" \
             data-lesson=\"{}\">Back to the lesson</button></span>",
            escape(lesson.name()),
            lesson.seed_file(),
            lesson.name()
        )
    });
    let options: String = crate::examples::list()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, title)| format!("<option value=\"{name}\">{}</option>", escape(title)))
        .collect();
    let html = format!(
        "<div class=\"program-tools\"><p class=\"explanation\">Write or paste an asyncio program and run it: it runs on your \
         browser's event loop, with the output, order and times CPython gives it. {}</p>\
         <label class=\"start-from\"><span>Start from</span><select><option value=\"\">an example…</option>{options}</select></label></div>",
        from.unwrap_or_default()
    );
    let _ = root.insert_adjacent_html("beforeend", &html);
    let mut listeners = Vec::new();
    if let Some(select) = root.query_selector("select").ok().flatten() {
        listeners.push(listen(&select, "change", |ev| {
            let Some(select) = ev.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            let source = crate::examples::source(&select.value());
            if !source.is_empty() {
                set_program_source(source);
            }
            select.set_value("");
        }));
    }
    if let Some(back) = root.query_selector("button.back").ok().flatten() {
        listeners.push(listen(&back, "click", move |ev| {
            let lesson =
                ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.get_attribute("data-lesson"));
            tell(&on_event, "back", &lesson.unwrap_or_default());
        }));
    }
    listeners
}
