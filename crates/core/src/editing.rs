//! The code editor's edits, as pure functions of its text and selection.
//!
//! Positions are what the browser's `selectionStart` and `selectionEnd` are: offsets in UTF-16
//! code units (an `é` is one unit, an emoji two). Each edit converts them to byte offsets of the
//! Rust string and back, so non-ASCII text is edited where the learner sees it; an offset that
//! falls inside a character (half a surrogate pair) is taken as that character's start.
//!
//! An edit returns an [`Edit`]: what to replace and what to select afterwards, so the page can
//! apply it the way typing would (keeping the browser's undo stack). Indentation is spaces,
//! [`INDENT`] to a level, as Python's style guide has it.

use crate::highlight::{tokens, TokenKind};

/// Spaces in one level of indentation.
pub const INDENT: usize = 4;

const SPACES: &str = "    ";

/// An error to mark in the editor before running: a syntax error or a refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line, as CPython counts.
    pub line: usize,
    /// 1-based column in characters, as CPython counts.
    pub col: usize,
    /// What is wrong, e.g. `SyntaxError: expected ':'`.
    pub message: String,
}

/// An edit of the text: replace `from..to` of the old text by `insert`, then select
/// `start..end` of the new text. All offsets are UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Where the replaced range starts, in the old text.
    pub from: usize,
    /// Where the replaced range ends, in the old text.
    pub to: usize,
    /// What replaces it.
    pub insert: String,
    /// Where the selection starts afterwards, in the new text.
    pub start: usize,
    /// Where the selection ends afterwards, in the new text (equal to `start`: a caret).
    pub end: usize,
}

impl Edit {
    /// The text once the edit is made on `text`.
    pub fn apply(&self, text: &str) -> String {
        let (from, to) = (byte_at(text, self.from), byte_at(text, self.to));
        [&text[..from], &self.insert, &text[to..]].concat()
    }
}

/// The byte offset of UTF-16 offset `utf16` in `text` (clamped to its end; inside a
/// character, that character's start).
pub fn byte_at(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > utf16 {
            return i;
        }
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte` in `text` (clamped to its end).
pub fn utf16_at(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < byte).map(|(_, c)| c.len_utf16()).sum()
}

/// `utf16` clamped to `text` and moved to a character's start.
fn on_char(text: &str, utf16: usize) -> usize {
    utf16_at(text, byte_at(text, utf16))
}

/// The UTF-16 offset of 1-based `line` and `col` (characters), each clamped to the text.
pub fn position(text: &str, line: usize, col: usize) -> usize {
    let (start, end) = line_range(text, line);
    let at = text[start..end].char_indices().nth(col.saturating_sub(1)).map_or(end, |(i, _)| start + i);
    utf16_at(text, at)
}

/// The byte range of 1-based `line` (clamped to the text's lines), without its `\n`.
pub fn line_range(text: &str, line: usize) -> (usize, usize) {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start, text[start..].find('\n').map_or(text.len(), |i| start + i))
}

impl Diagnostic {
    /// The byte range to underline: from the column to the end of the token there (a name,
    /// a number, a string…), or one character; the line's last character if the column is
    /// past its end (empty on an empty line).
    pub fn range(&self, text: &str) -> (usize, usize) {
        let (start, end) = line_range(text, self.line);
        let line = &text[start..end];
        let Some((at, c)) = line.char_indices().nth(self.col.saturating_sub(1)) else {
            return (line.char_indices().last().map_or(end, |(i, _)| start + i), end);
        };
        let rest = &line[at..];
        let len = match tokens(rest).first() {
            Some(t) if t.start == 0 => t.end,
            _ if is_name(c) => rest.find(|c| !is_name(c)).unwrap_or(rest.len()),
            _ => c.len_utf8(),
        };
        (start + at, start + at + len)
    }
}

/// Tab: with a caret, spaces to the next indentation stop; with a selection, every selected
/// line (but empty ones) indented by one level. `None` if there is nothing to indent.
pub fn tab(text: &str, start: usize, end: usize) -> Option<Edit> {
    let (start, end) = (on_char(text, start), on_char(text, end));
    if start != end {
        return lines_edit(text, start, end, &|line| (!line.is_empty()).then_some((0, 0, SPACES)));
    }
    let at = byte_at(text, start);
    let col = text[line_start(text, at)..at].chars().count();
    let n = INDENT - col % INDENT;
    Some(Edit { from: start, to: start, insert: SPACES[..n].into(), start: start + n, end: start + n })
}

/// Shift+Tab: every selected line (or the caret's) dedented by one level (to the previous
/// stop, or a leading tab). `None` if no line is indented.
pub fn shift_tab(text: &str, start: usize, end: usize) -> Option<Edit> {
    lines_edit(text, start, end, &|line| {
        let n = indentation(line);
        match line.as_bytes().first() {
            Some(b'\t') => Some((0, 1, "")),
            _ if n == 0 => None,
            _ => Some((0, (n - 1) % INDENT + 1, "")),
        }
    })
}

/// Enter: the selection replaced by a new line indented like the caret's line; one level
/// more after a `:` (a comment after it ignored), one less after `return`, `pass`, `raise`,
/// `break` or `continue`.
pub fn enter(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = (on_char(text, start), on_char(text, end));
    let at = byte_at(text, start);
    let before = &text[line_start(text, at)..at];
    let mut indent = String::from("\n");
    indent.push_str(&before[..indentation(before)]);
    let toks = tokens(before);
    let code = toks.iter().find(|t| t.kind == TokenKind::Comment).map_or(before, |t| &before[..t.start]).trim_end();
    let in_string = |i: usize| toks.iter().any(|t| t.kind == TokenKind::String && t.start <= i && i < t.end);
    let first = code.trim_start().split(|c| !is_name(c)).next();
    if code.ends_with(':') && !in_string(code.len() - 1) {
        indent.push_str(SPACES);
    } else if matches!(first, Some("return" | "pass" | "raise" | "break" | "continue")) {
        let n = indentation(&indent[1..]);
        let cut = if indent.ends_with('\t') { 1 } else { n.checked_sub(1).map_or(0, |n| n % INDENT + 1) };
        indent.truncate(indent.len() - cut);
    }
    let caret = start + indent.len();
    Edit { from: start, to: end, insert: indent, start: caret, end: caret }
}

/// Backspace with a caret in a line's leading spaces: back to the previous indentation stop.
/// `None` where the browser's own Backspace does the right thing.
pub fn backspace(text: &str, start: usize, end: usize) -> Option<Edit> {
    let (start, end) = (on_char(text, start), on_char(text, end));
    let at = byte_at(text, start);
    let before = &text[line_start(text, at)..at];
    let n = before.len();
    let cut = n.checked_sub(1)? % INDENT + 1;
    (start == end && cut > 1 && before.bytes().all(|c| c == b' ')).then(|| Edit {
        from: start - cut,
        to: start,
        insert: String::new(),
        start: start - cut,
        end: start - cut,
    })
}

/// Ctrl+/: if every non-blank selected line is a comment, uncomment them (`# ` or `#` after
/// the indentation); otherwise comment them, `# ` at the block's common indentation. Blank
/// lines are left alone. `None` if every selected line is blank.
pub fn toggle_comment(text: &str, start: usize, end: usize) -> Option<Edit> {
    let (from, to) = lines_of(text, byte_at(text, start), byte_at(text, end));
    let block = || text[from..to].split('\n').filter(|l| !is_blank(l));
    let common = block().map(indentation).min()?;
    if block().all(|l| l[indentation(l)..].starts_with('#')) {
        lines_edit(text, start, end, &|line| {
            let i = indentation(line);
            let rest = line[i..].strip_prefix('#')?;
            Some((i, if rest.starts_with(' ') { 2 } else { 1 }, ""))
        })
    } else {
        lines_edit(text, start, end, &|line| (!is_blank(line)).then_some((common, 0, "# ")))
    }
}

/// Whether `c` can be part of a name (as the highlighter reads names: any non-ASCII character
/// can, which spares the page Unicode's tables).
fn is_name(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// The length in bytes of `line`'s leading spaces and tabs.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

fn is_blank(line: &str) -> bool {
    line.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\r'))
}

/// The byte offset where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The bytes of the whole lines a selection (bytes `start..end`) touches, without the last
/// `\n`. A selection that ends at the start of a line does not take that line.
fn lines_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = (start.min(end), start.max(end));
    let last = if end > start && text[..end].ends_with('\n') { end - 1 } else { end };
    (line_start(text, start), text[last..].find('\n').map_or(text.len(), |i| last + i))
}

/// On a line: at this byte, remove so many bytes and insert this.
type LineChange = Option<(usize, usize, &'static str)>;

/// `change` made on every line the selection (UTF-16 `start..end`) touches, the selection
/// following the text (its start stays before what is inserted where it is, its end moves
/// after it). `None` if no line changes.
fn lines_edit(text: &str, start: usize, end: usize, change: &dyn Fn(&str) -> LineChange) -> Option<Edit> {
    let (s, e) = (byte_at(text, start.min(end)), byte_at(text, start.max(end)));
    let (from, to) = lines_of(text, s, e);
    let (mut insert, mut changes, mut at) = (String::new(), Vec::new(), from);
    for line in text[from..to].split('\n') {
        match change(line) {
            Some((col, remove, add)) => {
                insert.push_str(&line[..col]);
                insert.push_str(add);
                insert.push_str(&line[col + remove..]);
                changes.push((at + col, remove, add.len()));
            }
            None => insert.push_str(line),
        }
        insert.push('\n');
        at += line.len() + 1;
    }
    insert.pop();
    if changes.is_empty() {
        return None;
    }
    // Where byte `p` of the old text is in the new one.
    let moved = |p: usize, after_insert: bool| {
        let mut new = p;
        for &(at, remove, add) in &changes {
            if p >= at + remove && (remove > 0 || p > at || after_insert) {
                new = new + add - remove;
            } else if p > at {
                new -= p - at;
            }
        }
        new
    };
    let new_text = [&text[..from], &insert, &text[to..]].concat();
    let caret = s == e;
    let (ns, ne) = (moved(s, caret), moved(e, true));
    Some(Edit {
        from: utf16_at(text, from),
        to: utf16_at(text, to),
        insert,
        start: utf16_at(&new_text, ns),
        end: utf16_at(&new_text, ne),
    })
}
