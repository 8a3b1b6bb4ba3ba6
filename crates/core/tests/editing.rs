//! The editor's edits on text and selection. Cases are written with the selection marked in
//! the text: `‸` is a caret, `«…»` a selection. Offsets are UTF-16 code units, as the browser's,
//! so the cases with `é` (one unit, two bytes) and `😀` (two units, four bytes) check the
//! conversions.

use playground_core::editing::{
    backspace, byte_at, enter, position, shift_tab, tab, toggle_comment, utf16_at, Diagnostic, Edit,
};

/// The text without its marks, and the selection they mark (UTF-16).
fn parse(marked: &str) -> (String, usize, usize) {
    let (mut text, mut start, mut end, mut units) = (String::new(), 0, 0, 0);
    for c in marked.chars() {
        match c {
            '‸' => (start, end) = (units, units),
            '«' => start = units,
            '»' => end = units,
            c => {
                text.push(c);
                units += c.len_utf16();
            }
        }
    }
    (text, start, end)
}

/// The text with its selection marked.
fn mark(text: &str, start: usize, end: usize) -> String {
    let (s, e) = (byte_at(text, start), byte_at(text, end));
    if s == e {
        return [&text[..s], "‸", &text[s..]].concat();
    }
    [&text[..s], "«", &text[s..e], "»", &text[e..]].concat()
}

type Op = fn(&str, usize, usize) -> Option<Edit>;

/// Each case: the marked text before, and after (`None`: the edit does nothing).
fn check(name: &str, op: Op, cases: &[(&str, Option<&str>)]) {
    for (before, after) in cases {
        let (text, start, end) = parse(before);
        let got = op(&text, start, end).map(|e| {
            // The replaced range and the new text agree.
            assert_eq!(
                e.apply(&text).len(),
                text.len() + e.insert.len() - (byte_at(&text, e.to) - byte_at(&text, e.from))
            );
            mark(&e.apply(&text), e.start, e.end)
        });
        assert_eq!(got.as_deref(), *after, "{name} on {before:?}");
    }
}

#[test]
fn tab_indents_at_the_caret_or_the_selected_lines() {
    check(
        "tab",
        tab,
        &[
            ("‸x", Some("    ‸x")),
            ("ab‸c", Some("ab  ‸c")),
            ("    ‸pass", Some("        ‸pass")),
            ("é‸", Some("é   ‸")),
            ("😀‸x", Some("😀   ‸x")),
            // A selection in one line indents the line, keeping what is selected.
            ("x = «one»", Some("    x = «one»")),
            ("«a\nb»", Some("«    a\n    b»")),
            ("a«b\n\nc»d", Some("    a«b\n\n    c»d")),
            // A selection that ends at the start of a line leaves that line.
            ("«a\n»b", Some("«    a\n»b")),
            ("x\n«é😀\ny»\nz", Some("x\n«    é😀\n    y»\nz")),
            ("«\n»", None),
        ],
    );
}

#[test]
fn shift_tab_dedents_the_selected_lines() {
    check(
        "shift_tab",
        shift_tab,
        &[
            ("    ‸x", Some("‸x")),
            ("      x‸", Some("    x‸")),
            ("  x = 1‸", Some("x = 1‸")),
            ("\tx‸", Some("x‸")),
            ("x‸", None),
            ("«    a\n        b\nc»", Some("«a\n    b\nc»")),
            ("    a«é\n    😀»b", Some("a«é\n😀»b")),
            // The caret inside the removed indentation goes to its start.
            ("  ‸  x", Some("‸x")),
        ],
    );
}

#[test]
fn enter_keeps_the_indentation_and_indents_after_a_colon() {
    let enter = |t: &str, s: usize, e: usize| Some(enter(t, s, e));
    check(
        "enter",
        enter,
        &[
            ("x = 1‸", Some("x = 1\n‸")),
            ("    x = 1‸", Some("    x = 1\n    ‸")),
            ("async def main():‸", Some("async def main():\n    ‸")),
            ("    for i in range(3):  # each‸", Some("    for i in range(3):  # each\n        ‸")),
            ("x = 'a:'‸", Some("x = 'a:'\n‸")),
            ("x = 'unterminated:‸", Some("x = 'unterminated:\n‸")),
            ("d = {1:‸", Some("d = {1:\n    ‸")),
            ("        return 1‸", Some("        return 1\n    ‸")),
            ("    pass‸", Some("    pass\n‸")),
            ("      raise‸", Some("      raise\n    ‸")),
            ("    passed = 1‸", Some("    passed = 1\n    ‸")),
            // In the middle of a line, and over a selection.
            ("    if x:‸ y", Some("    if x:\n        ‸ y")),
            ("    a«bc\nde»f", Some("    a\n    ‸f")),
            ("    é😀:‸", Some("    é😀:\n        ‸")),
            // A caret in the leading blanks keeps only the blanks before it.
            ("  ‸  x", Some("  \n  ‸  x")),
        ],
    );
}

#[test]
fn backspace_in_leading_spaces_removes_a_level() {
    check(
        "backspace",
        backspace,
        &[
            ("        ‸x", Some("    ‸x")),
            ("      ‸", Some("    ‸")),
            ("    ‸", Some("‸")),
            // One space, text before the caret, or a selection: the browser's own Backspace.
            (" ‸", None),
            ("x   ‸", None),
            ("«    »", None),
            ("‸", None),
            ("é\n    ‸", Some("é\n‸")),
        ],
    );
}

#[test]
fn toggle_comment_comments_or_uncomments_the_selected_lines() {
    check(
        "toggle_comment",
        toggle_comment,
        &[
            ("print(1)‸", Some("# print(1)‸")),
            ("‸print(1)", Some("# ‸print(1)")),
            ("# print(1)‸", Some("print(1)‸")),
            ("#print(1)‸", Some("print(1)‸")),
            ("    # await x‸", Some("    await x‸")),
            // At the block's common indentation, blank lines left alone.
            ("«    a\n\n        b»", Some("«    # a\n\n    #     b»")),
            ("«    # a\n\n    #     b»", Some("«    a\n\n        b»")),
            // Not every line commented: comment them all.
            ("«# a\nb»", Some("«# # a\n# b»")),
            // The line where a selection ends at its start is left.
            ("«a\n»b", Some("«# a\n»b")),
            ("x\n    é«😀\n    ü»\ny", Some("x\n    # é«😀\n    # ü»\ny")),
            ("«\n  \n»", None),
        ],
    );
}

#[test]
fn utf16_offsets_convert_to_bytes_and_back() {
    let text = "aé😀b";
    // Units: a=1, é=1, 😀=2, b=1. Bytes: 1, 2, 4, 1.
    assert_eq!([0, 1, 2, 3, 4, 5, 9].map(|u| byte_at(text, u)), [0, 1, 3, 3, 7, 8, 8]);
    assert_eq!([0, 1, 3, 7, 8, 99].map(|b| utf16_at(text, b)), [0, 1, 2, 4, 5, 5]);
    // 1-based line and column (characters), clamped.
    let text = "ab\né😀x\n";
    assert_eq!(position(text, 1, 1), 0);
    assert_eq!(position(text, 2, 3), 6);
    assert_eq!(position(text, 2, 99), 7);
    assert_eq!(position(text, 9, 1), 8);
    assert_eq!(position(text, 0, 0), 0);
}

#[test]
fn a_diagnostic_underlines_the_token_at_its_column() {
    let text = "x = 1\nif x print('hé', 2)\n    yield\n";
    let at = |line, col| {
        let (s, e) = Diagnostic { line, col, message: String::new() }.range(text);
        &text[s..e]
    };
    assert_eq!(at(2, 6), "print");
    assert_eq!(at(2, 12), "'hé'");
    assert_eq!(at(2, 11), "(");
    assert_eq!(at(2, 18), "2");
    assert_eq!(at(3, 5), "yield");
    // A column past the line's end: its last character; an empty line: nothing.
    assert_eq!(at(1, 40), "1");
    assert_eq!(at(4, 1), "");
    assert_eq!(at(99, 1), "");
}

// proptest's randomness does not build for wasm32 (the workspace's clippy checks that target too).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;

    proptest::proptest! {
        #[test]
        fn edits_on_any_text_and_selection_never_panic(
            text in "([a-z#: ]|\\n|    |\t|é|😀){0,40}", a in 0usize..80, b in 0usize..80,
        ) {
            let (start, end) = (a.min(b), a.max(b));
            // Backwards selections never come from the browser, but do no harm either.
            for op in [tab, shift_tab, toggle_comment] {
                let _ = op(&text, end, start);
            }
            let ops: [Op; 5] = [tab, shift_tab, |t, s, e| Some(enter(t, s, e)), backspace, toggle_comment];
            for op in ops {
                if let Some(e) = op(&text, start, end) {
                    let new = e.apply(&text);
                    let units = new.encode_utf16().count();
                    proptest::prop_assert!(e.from <= e.to && e.start <= e.end && e.end <= units, "{e:?} on {text:?}");
                    // The selection lands on characters, never between two halves of one.
                    proptest::prop_assert_eq!(utf16_at(&new, byte_at(&new, e.start)), e.start);
                    proptest::prop_assert_eq!(utf16_at(&new, byte_at(&new, e.end)), e.end);
                }
            }
            let (from, to) = Diagnostic { line: a, col: b, message: String::new() }.range(&text);
            proptest::prop_assert!(from <= to && to <= text.len() && text.is_char_boundary(from) && text.is_char_boundary(to));
        }
    }
}
