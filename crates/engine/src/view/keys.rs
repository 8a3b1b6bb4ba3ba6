//! The code editor's keys.
//!
//! Tab and Shift+Tab indent and dedent, Enter keeps the indentation (one level more after a
//! `:`), Backspace in leading spaces removes a level, Ctrl/Cmd+/ comments the selected lines
//! out or in, and Ctrl/Cmd+Enter runs. Escape makes the next Tab (or Shift+Tab) leave the
//! editor, so a keyboard is never trapped in it. Nothing is intercepted while an input method
//! composes. Edits go through `document.execCommand("insertText")`, deprecated but supported
//! by every browser, because it keeps the browser's undo stack (Ctrl+Z undoes an indent like
//! typing); where it fails the text is set directly.

use super::editor::Shared;
use playground_core::editing::{self, Edit};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlTextAreaElement, KeyboardEvent};

#[wasm_bindgen]
extern "C" {
    /// `document.execCommand(command, false, value)`: edits the focused text as typing would.
    #[wasm_bindgen(catch, js_namespace = document, js_name = execCommand)]
    fn exec_command(command: &str, show_ui: bool, value: &str) -> Result<bool, JsValue>;
}

/// An edit of the text and its selection (UTF-16 offsets), if the key has one there.
type Op = fn(&str, usize, usize) -> Option<Edit>;

/// Makes `edit` in `area` as typing would, then tells the editor its text changed.
fn apply(area: &HtmlTextAreaElement, shared: &Shared, edit: Edit) {
    let _ = area.set_selection_range(edit.from as u32, edit.to as u32);
    // An empty insertion is a deletion of the selected range.
    let (command, value) = if edit.insert.is_empty() { ("delete", "") } else { ("insertText", edit.insert.as_str()) };
    let typed = exec_command(command, false, value).unwrap_or(false);
    if !typed {
        let _ = area.set_range_text_with_start_and_end(&edit.insert, edit.from as u32, edit.to as u32);
    }
    let _ = area.set_selection_range(edit.start as u32, edit.end as u32);
    if !typed {
        (shared.changed)(); // execCommand's edit fires `input` itself
    }
}

/// The editor's keydown handler.
pub fn on_keydown(shared: std::rc::Rc<Shared>) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        let key = ev.key();
        // An input method composing, or a modifier alone (Shift before Shift+Tab).
        if ev.is_composing() || ev.key_code() == 229 || matches!(key.as_str(), "Shift" | "Control" | "Alt" | "Meta") {
            return;
        }
        let leave = shared.leaving.get();
        if leave {
            shared.set_leaving(false);
        }
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else { return };
        let (command, shift) = (ev.ctrl_key() || ev.meta_key(), ev.shift_key());
        let op: Op = match key.as_str() {
            "Escape" => {
                shared.set_leaving(true);
                return;
            }
            "Enter" if command => {
                ev.prevent_default();
                (shared.run)();
                return;
            }
            _ if shared.read_only.get() || ev.alt_key() => return,
            "Tab" if leave || command => return,
            "Tab" if shift => editing::shift_tab,
            "Tab" => editing::tab,
            "Enter" if !shift => |text, start, end| Some(editing::enter(text, start, end)),
            "Backspace" if !command && !shift => editing::backspace,
            "/" if command => editing::toggle_comment,
            _ if command && ev.code() == "Slash" => editing::toggle_comment,
            _ => return,
        };
        // Tab and Ctrl+/ are the editor's even where they change nothing; Backspace is the
        // browser's unless it removes a level.
        if key != "Backspace" {
            ev.prevent_default();
        }
        let (start, end) = (
            area.selection_start().ok().flatten().unwrap_or(0) as usize,
            area.selection_end().ok().flatten().unwrap_or(0) as usize,
        );
        if let Some(edit) = op(&area.value(), start, end) {
            ev.prevent_default();
            apply(&area, &shared, edit);
        }
    }
}
