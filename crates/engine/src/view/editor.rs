//! The program's editor: a `<textarea>` (its text transparent, its caret visible) over a
//! `<pre>` showing the same text in colour, with the same font, size, line height, padding
//! and tab size. Both sit in one scrolling box, the textarea sized to the text, so they
//! scroll together, with the line numbers alongside (sticky on the left). Lines never wrap.
//!
//! An error the checker finds before running is underlined at its line and column, marked in
//! the gutter, and told beside its line and under the editor (the textarea's description).
//! The markup is a constant filled in by [`super::paint`]: text only ever goes in as text.

use super::keys::on_keydown;
use super::paint::{paint, part, place, reveal};
use playground_core::editing::{self, Diagnostic};
use playground_python::CheckError;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDivElement, HtmlTextAreaElement, KeyboardEvent};

/// The editor's markup: constant.
const MARKUP: &str = concat!(
    r#"<div class="editor-scroll"><div class="editor-gutter" aria-hidden="true">"#,
    r#"<span class="editor-band current" hidden></span><span class="editor-band error" hidden></span>"#,
    r#"<span class="editor-lines"></span></div><div class="editor-code">"#,
    r#"<span class="editor-band current" hidden></span><span class="editor-band error" hidden></span>"#,
    r#"<pre class="editor-view" aria-hidden="true"></pre><span class="editor-note" aria-hidden="true" hidden></span>"#,
    r#"<span class="editor-probe"></span><textarea class="editor-input" wrap="off" spellcheck="false" "#,
    r#"autocomplete="off" autocapitalize="off" autocorrect="off" aria-label="Python program" "#,
    r#"aria-describedby="program-editor-hint"></textarea></div></div>"#,
    r#"<p class="editor-problem" id="program-editor-problem" hidden></p><p class="editor-hint" id="program-editor-hint"></p>"#
);

/// What the editor's handlers share.
pub struct Shared {
    root: Element,
    /// Whether the text can be changed.
    pub read_only: Cell<bool>,
    /// Escape was pressed: the next Tab leaves the editor instead of indenting.
    pub leaving: Cell<bool>,
    /// The text changed (typed, or edited by a key).
    pub changed: Box<dyn Fn()>,
    /// Ctrl/Cmd+Enter.
    pub run: Box<dyn Fn()>,
}

impl Shared {
    /// Sets whether the next Tab leaves, and says so under the editor.
    pub fn set_leaving(&self, leaving: bool) {
        self.leaving.set(leaving);
        let hint = if self.read_only.get() {
            "Read only · Ctrl/⌘+Enter runs"
        } else if leaving {
            "Tab now leaves the editor."
        } else {
            "Tab indents · Ctrl/⌘+/ comments lines out or in · Ctrl/⌘+Enter runs · Esc then Tab leaves the editor"
        };
        if let Some(p) = part(&self.root, ".editor-hint") {
            p.set_text_content(Some(hint));
        }
    }
}

/// The checker's verdict on `src`, as the editor marks it.
pub fn diagnostic(src: &str) -> Option<Diagnostic> {
    match playground_python::check(src) {
        Ok(_) => None,
        Err(CheckError::Syntax(e)) => {
            Some(Diagnostic { line: e.line, col: e.col, message: format!("{}: {}", e.kind, e.msg) })
        }
        Err(CheckError::Refused(r)) => Some(Diagnostic {
            line: r.line,
            col: r.col,
            message: format!("{} is not supported by the playground", r.construct),
        }),
    }
}

/// The editor, mounted in its container.
pub struct Editor {
    root: HtmlDivElement,
    area: HtmlTextAreaElement,
    shared: Rc<Shared>,
    _listeners: Vec<Closure<dyn Fn(web_sys::Event)>>,
    _keys: Closure<dyn Fn(KeyboardEvent)>,
}

impl Editor {
    /// An editor of `source` in `container`; `changed` hears every change, `run` Ctrl/Cmd+Enter.
    pub fn mount(
        container: &Element,
        source: &str,
        read_only: bool,
        changed: Box<dyn Fn()>,
        run: Box<dyn Fn()>,
    ) -> Option<Editor> {
        let document = container.owner_document()?;
        let root: HtmlDivElement = document.create_element("div").ok()?.dyn_into().ok()?;
        root.set_class_name("editor");
        root.set_inner_html(MARKUP);
        container.append_child(&root).ok()?;
        let area: HtmlTextAreaElement = part(&root, "textarea")?.dyn_into().ok()?;
        let shared = Rc::new(Shared {
            root: root.clone().into(),
            read_only: Cell::new(read_only),
            leaving: Cell::new(false),
            changed,
            run,
        });
        let (s, a, r) = (shared.clone(), area.clone(), root.clone());
        let on_input = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            Editor::draw(&r, &a);
            (s.changed)();
        });
        let s = shared.clone();
        let on_focusout = Closure::<dyn Fn(web_sys::Event)>::new(move |_| s.set_leaving(false));
        let keys = Closure::<dyn Fn(KeyboardEvent)>::new(on_keydown(shared.clone()));
        let _ = area.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let _ = area.add_event_listener_with_callback("focusout", on_focusout.as_ref().unchecked_ref());
        let _ = area.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
        let editor = Editor { root, area, shared, _listeners: vec![on_input, on_focusout], _keys: keys };
        editor.set_read_only(read_only);
        editor.set_source(source);
        Some(editor)
    }

    /// Colours the text and marks the checker's verdict.
    fn draw(root: &HtmlDivElement, area: &HtmlTextAreaElement) {
        let text = area.value();
        let found = diagnostic(&text);
        paint(root, &text, found.as_ref());
        let _ = match found {
            Some(_) => area.set_attribute("aria-invalid", "true"),
            None => area.remove_attribute("aria-invalid"),
        };
        let described =
            if found.is_some() { "program-editor-hint program-editor-problem" } else { "program-editor-hint" };
        let _ = area.set_attribute("aria-describedby", described);
    }

    /// The program's text.
    pub fn source(&self) -> String {
        self.area.value()
    }

    /// Replaces the program's text (the caret at its start).
    pub fn set_source(&self, source: &str) {
        self.area.set_value(source);
        let _ = self.area.set_selection_range(0, 0);
        Editor::draw(&self.root, &self.area);
    }

    /// Whether the text can be changed.
    pub fn set_read_only(&self, read_only: bool) {
        self.shared.read_only.set(read_only);
        self.area.set_read_only(read_only);
        let _ = self.root.class_list().toggle_with_force("read-only", read_only);
        self.shared.set_leaving(false);
    }

    /// Marks `line` (1-based) as the one replay is on, and brings it into view.
    pub fn set_current_line(&self, line: Option<usize>) {
        place(&self.root, "current", line);
        if let Some(line) = line {
            reveal(&self.root, line, None);
        }
    }

    /// Moves the caret to `line` and `col` (1-based), scrolls there and focuses.
    pub fn goto(&self, line: usize, col: usize) {
        let at = editing::position(&self.area.value(), line, col) as u32;
        let _ = self.area.focus();
        let _ = self.area.set_selection_range(at, at);
        reveal(&self.root, line, Some(col));
    }
}
