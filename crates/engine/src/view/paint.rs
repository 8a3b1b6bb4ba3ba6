//! How the code editor draws: its coloured text, line numbers and marks, written into its
//! fixed markup (see [`super::editor`]), and how it scrolls to a line.
//!
//! Text is only ever set as text (`textContent`, text nodes), never parsed as markup.

use playground_core::editing::{self, Diagnostic};
use playground_core::highlight::{pieces, TokenKind};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The class that colours a token of `kind` (see `web/style.css`, "editor").
fn class_of(kind: Option<TokenKind>) -> &'static str {
    match kind {
        None => "",
        Some(TokenKind::Keyword) => "t-kw",
        Some(TokenKind::Builtin) => "t-bi",
        Some(TokenKind::Definition) => "t-def",
        Some(TokenKind::String) => "t-str",
        Some(TokenKind::Number) => "t-num",
        Some(TokenKind::Comment) => "t-com",
        Some(TokenKind::Decorator) => "t-dec",
    }
}

/// The editor's element that `selector` finds.
pub fn part(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Puts `el` at `line` and `col` (CSS reads `--line` and `--col`), or hides it without a line.
fn set_line(el: &Element, line: Option<usize>, col: usize) {
    let _ = el.toggle_attribute_with_force("hidden", line.is_none());
    if let Some(line) = line {
        let _ = el.set_attribute("style", &["--line:", &line.to_string(), ";--col:", &col.to_string()].concat());
    }
}

/// Puts the bands of `class` (`current` or `error`), in the gutter and over the code, at `line`.
pub fn place(root: &Element, class: &str, line: Option<usize>) {
    for scope in [".editor-gutter .", ".editor-code ."] {
        if let Some(band) = part(root, &[scope, class].concat()) {
            set_line(&band, line, 1);
        }
    }
}

/// Draws `text` in colour with its line numbers, and `diagnostic`'s marks: the underline,
/// the bands, the note beside the line and the sentence under the editor.
pub fn paint(root: &Element, text: &str, diagnostic: Option<&Diagnostic>) {
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    if let Some(gutter) = part(root, ".editor-lines") {
        let mut numbers = String::new();
        for i in 1..=lines {
            numbers.push_str(&i.to_string());
            numbers.push('\n');
        }
        gutter.set_text_content(Some(&numbers));
    }
    // The error's line (clamped to the text), the length of that line, and its underline.
    let marked = diagnostic.map(|d| {
        let line = d.line.clamp(1, lines);
        let (start, end) = editing::line_range(text, line);
        (line, text[start..end].chars().count(), d.range(text))
    });
    if let (Some(view), Some(document)) = (part(root, ".editor-view"), root.owner_document()) {
        view.set_text_content(None);
        for p in pieces(text, marked.map(|m| m.2)) {
            let (piece, class) = (&text[p.start..p.end], class_of(p.kind));
            if class.is_empty() && !p.marked {
                let _ = view.append_with_str_1(piece);
            } else if let Ok(span) = document.create_element("span") {
                span.set_class_name(if p.marked { [class, " diag"].concat() } else { class.into() }.as_str());
                span.set_text_content(Some(piece));
                let _ = view.append_with_node_1(&span);
            }
        }
        // A last line the text area may show (after a final `\n`), and room below it.
        let _ = view.append_with_str_1("\n ");
    }
    place(root, "error", marked.map(|m| m.0));
    if let Some(note) = part(root, ".editor-note") {
        set_line(&note, marked.map(|m| m.0), marked.map_or(0, |m| m.1));
        note.set_text_content(diagnostic.map(|d| d.message.as_str()));
    }
    if let Some(problem) = part(root, ".editor-problem") {
        let _ = problem.toggle_attribute_with_force("hidden", diagnostic.is_none());
        let sentence = diagnostic.map(|d| format!("Line {}, column {}: {}", d.line, d.col, d.message));
        problem.set_text_content(sentence.as_deref());
    }
}

/// Scrolls the editor's box (not the page) so that `line` (1-based), and `col` if given,
/// are in view, the probe (an empty element placed at `--line` and `--col`) measuring where.
pub fn reveal(root: &Element, line: usize, col: Option<usize>) {
    let html = |selector| part(root, selector)?.dyn_into::<HtmlElement>().ok();
    let (Some(scroller), Some(code), Some(probe)) =
        (html(".editor-scroll"), html(".editor-code"), html(".editor-probe"))
    else {
        return;
    };
    set_line(&probe, Some(line), col.unwrap_or(1));
    // Offsets within the box's content (the box is the code's offset parent); the gutter
    // covers the left of the box.
    let (top, bottom) = (probe.offset_top(), probe.offset_top() + probe.offset_height());
    let (view, height) = (scroller.scroll_top(), scroller.client_height());
    if top < view || bottom > view + height {
        scroller.set_scroll_top(if top < view { top } else { bottom - height });
    }
    if col.is_some() {
        let gutter = code.offset_left();
        let (left, right) = (gutter + probe.offset_left(), gutter + probe.offset_left() + probe.offset_width());
        let (view, width) = (scroller.scroll_left(), scroller.client_width());
        if left - gutter < view || right > view + width {
            scroller.set_scroll_left(if left - gutter < view { left - gutter } else { right - width });
        }
    }
}
