//! The markers under a traceback's source line (`^^^^`, `~~^~~`, PEP 657), as CPython 3.11's
//! `traceback.StackSummary.format_frame_summary` writes them.

use crate::ast::{ExprKind, StmtKind};
use crate::value::Span;

/// The marker line under `line` (the program's line as written) for the failed expression at
/// `span` starting on line `line_no`, if CPython writes one (not when the expression is the
/// whole line). Columns are characters (CPython's display width of wide characters aside).
pub fn marker_line(line: &str, line_no: usize, span: Span) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let (col, end_line, end_col) = span;
    let stripped_len = line.trim().chars().count();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let start = col.saturating_sub(1).min(chars.len());
    let (end, anchors) = if end_line == line_no {
        let end = end_col.saturating_sub(1).clamp(start, chars.len());
        (end, anchors(&chars[start..end].iter().collect::<String>()))
    } else {
        (line.trim_end().chars().count(), None)
    };
    let secondary = anchors.is_some_and(|(l, r)| r > l);
    if end - start >= stripped_len && !secondary {
        return None;
    }
    let mut out = " ".repeat(4 + start.saturating_sub(indent));
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat((end - start).saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    Some(out)
}

/// Where a binary operator or a subscript's brackets are in `segment` (the failed
/// expression's text), as `_extract_caret_anchors_from_line_segment` finds them: the segment
/// parsed again, a binary operation's operator, a subscript's `[...]`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let block = crate::parser::parse_program(segment).ok()?;
    let [stmt] = &block[..] else { return None };
    let StmtKind::Expr(e) = &stmt.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    let at = |p: crate::lexer::Pos| if p.line == 1 { p.col - 1 } else { chars.len() };
    match &e.kind {
        ExprKind::BinOp(left, _, right) => {
            let (op_start, op_end) = (at(left.end), at(right.pos).max(at(left.end)));
            let op: &[char] = &chars[op_start.min(chars.len())..op_end.min(chars.len())];
            let offset = op.iter().take_while(|c| c.is_whitespace()).count();
            let mut l = at(left.end) + offset;
            let mut r = l + 1;
            if offset + 1 < op.len() && !op[offset + 1].is_whitespace() {
                r += 1;
            }
            while l < chars.len() && (chars[l].is_whitespace() || chars[l] == ')' || chars[l] == '#') {
                l += 1;
                r += 1;
            }
            Some((l, r))
        }
        ExprKind::Subscript(value, index) => {
            let mut l = at(value.end);
            let mut r = at(index.end) + 1;
            while l < chars.len() && chars[l] != '[' {
                l += 1;
            }
            while r < chars.len() && chars[r] != ']' {
                r += 1;
            }
            if r < chars.len() {
                r += 1;
            }
            Some((l, r))
        }
        _ => None,
    }
}
