//! The code editor of the Python panel: a `<textarea>` (its text transparent, its caret
//! visible) over a `<pre>` showing the same text in colour, with the same font, size, line
//! height, padding and tab size. Both sit in one scrolling box, the textarea sized to the
//! text, so they scroll together, with the line numbers alongside (sticky on the left). Lines
//! never wrap: long ones scroll sideways inside the editor.
//!
//! An error found before running is underlined at its line and column, marked in the gutter,
//! and told beside its line and under the editor (the textarea's description).
//!
//! The markup is a constant, filled in by effects ([`super::editor_paint`]) rather than built
//! from reactive views: every typed view node and reactive attribute costs the first load
//! generic code. The keys are in [`super::editor_keys`].

use super::editor_keys::on_keydown;
use super::editor_paint::{paint, part, parts, place, reveal};
use leptos::html;
use leptos::prelude::*;
use playground_core::editing::{self, Diagnostic};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Numbers each editor's ids apart, so that two editors on a page never share one.
static EDITORS: AtomicUsize = AtomicUsize::new(0);

/// The editor's markup: constant (text only ever goes in as text, see `editor_paint`).
const MARKUP: &str = concat!(
    r#"<div class="editor-scroll"><div class="editor-gutter" aria-hidden="true">"#,
    r#"<span class="editor-band current" hidden></span><span class="editor-band error" hidden></span>"#,
    r#"<span class="editor-lines"></span></div><div class="editor-code">"#,
    r#"<span class="editor-band current" hidden></span><span class="editor-band error" hidden></span>"#,
    r#"<pre class="editor-view" aria-hidden="true"></pre><span class="editor-note" aria-hidden="true" hidden></span>"#,
    r#"<span class="editor-probe"></span><textarea class="editor-input" wrap="off" spellcheck="false" "#,
    r#"autocomplete="off" autocapitalize="off" autocorrect="off"></textarea></div></div>"#,
    r#"<p class="editor-problem" hidden></p><p class="editor-hint"></p>"#
);

/// An editor of `source`, in colour, with line numbers.
#[component]
pub fn CodeEditor(
    /// The program's text; the editor writes every change into it.
    source: RwSignal<String>,
    /// Whether the text can be changed (read-only: selectable, focusable, not editable).
    #[prop(into)]
    read_only: Signal<bool>,
    /// The error to mark before running: 1-based line and column (CPython's), and its message.
    #[prop(into)]
    diagnostic: Signal<Option<Diagnostic>>,
    /// A line to highlight (replay), 1-based.
    #[prop(into)]
    current_line: Signal<Option<usize>>,
    /// Called on Ctrl/Cmd+Enter.
    on_run: Callback<()>,
    /// When set, the editor moves its caret to (line, column), 1-based, scrolls there, focuses,
    /// and resets it to None (traceback links use this).
    goto: RwSignal<Option<(usize, usize)>>,
    /// The accessible name of the text area (e.g. "Python program").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let n = EDITORS.fetch_add(1, Ordering::Relaxed);
    let (hint_id, problem_id) = (format!("code-editor-{n}-hint"), format!("code-editor-{n}-problem"));
    // The text area's description: the hint, and the problem when there is one.
    let (described, hint_len) = ([hint_id.as_str(), " ", &problem_id].concat(), hint_id.len());
    let root = NodeRef::<html::Div>::new();
    // Escape was pressed: the next Tab leaves the editor instead of indenting.
    let leaving = RwSignal::new(false);

    // The text, its colours and the error's marks; the text area follows the source when it
    // changes from outside (typing changed both already).
    Effect::new(move |_| {
        let Some((root, area)) = parts(root.get()) else { return };
        let invalid = diagnostic.with(|d| {
            source.with(|text| {
                if area.value() != *text {
                    // A new program: the caret at its start (the browser puts it at the end).
                    area.set_value(text);
                    let _ = area.set_selection_range(0, 0);
                }
                paint(&root, text, d.as_ref());
            });
            d.is_some()
        });
        let _ = match invalid {
            true => area.set_attribute("aria-invalid", "true"),
            false => area.remove_attribute("aria-invalid"),
        };
        let _ = area.set_attribute("aria-describedby", &described[..if invalid { described.len() } else { hint_len }]);
        // The browser's own line ends (`\r\n` becomes `\n`) are the source's.
        let value = area.value();
        if source.with_untracked(|s| *s != value) {
            source.set(value);
        }
    });
    // The text area's name and state, the hint under the editor, and the replay's line (in
    // view when it changes, once the text is drawn: this effect runs after the one above).
    // The first run also names the parts the text area refers to.
    Effect::new(move |shown: Option<Option<usize>>| {
        let (read_only, leaving, line) = (read_only.get(), leaving.get(), current_line.get());
        let Some((root, area)) = parts(root.get()) else { return line };
        if shown.is_none() {
            let _ = area.set_attribute("aria-label", &label);
            for (selector, id) in [(".editor-hint", &hint_id), (".editor-problem", &problem_id)] {
                if let Some(p) = part(&root, selector) {
                    p.set_id(id);
                }
            }
        }
        area.set_read_only(read_only);
        let _ = root.class_list().toggle_with_force("read-only", read_only);
        let hint = if read_only {
            "Read only · Ctrl/⌘+Enter runs"
        } else if leaving {
            "Tab now leaves the editor."
        } else {
            "Tab indents · Ctrl/⌘+/ comments lines out or in · Ctrl/⌘+Enter runs · Esc then Tab leaves the editor"
        };
        if let Some(p) = part(&root, ".editor-hint") {
            p.set_text_content(Some(hint));
        }
        place(&root, "current", line);
        if let Some(line) = line.filter(|_| shown.flatten() != line) {
            reveal(&root, line, None);
        }
        line
    });
    Effect::new(move |_| {
        let Some((line, col)) = goto.get() else { return };
        goto.set(None);
        if let Some((root, area)) = parts(root.get_untracked()) {
            let at = source.with_untracked(|s| editing::position(s, line, col)) as u32;
            let _ = area.focus();
            let _ = area.set_selection_range(at, at);
            reveal(&root, line, Some(col));
        }
    });

    // The text area's events, heard here as they bubble.
    view! {
        <div class="editor" node_ref=root inner_html=MARKUP
            on:input=move |ev| source.set(event_target_value(&ev))
            on:keydown=on_keydown(source, read_only, leaving, on_run)
            on:focusout=move |_| leaving.set(false)>
        </div>
    }
}
