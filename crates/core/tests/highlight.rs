//! The editor's colours: which spans of Python source are coloured, and as what; and that any
//! text at all gives spans in order, apart, on char boundaries, without a panic.

use playground_core::highlight::{pieces, tokens, TokenKind, TokenKind::*};

/// The coloured spans of `src` as (text, kind).
fn spans(src: &str) -> Vec<(&str, TokenKind)> {
    tokens(src).into_iter().map(|t| (&src[t.start..t.end], t.kind)).collect()
}

#[test]
fn coloured_spans_by_case() {
    let cases: &[(&str, &[(&str, TokenKind)])] = &[
        ("import asyncio", &[("import", Keyword)]),
        ("async def main():", &[("async", Keyword), ("def", Keyword), ("main", Definition)]),
        ("class Job(Base):", &[("class", Keyword), ("Job", Definition)]),
        ("    await asyncio.sleep(1.5)", &[("await", Keyword), ("1.5", Number)]),
        ("print(len(xs), range(3))", &[("print", Builtin), ("len", Builtin), ("range", Builtin), ("3", Number)]),
        ("raise ValueError('bad')", &[("raise", Keyword), ("ValueError", Builtin), ("'bad'", String)]),
        // After a dot it is an attribute, not the builtin.
        ("x.print(t.type)", &[]),
        ("x = None if y else True", &[("None", Keyword), ("if", Keyword), ("else", Keyword), ("True", Keyword)]),
        ("n = 0x1F + 1_000 + 2e-3 + .5j", &[("0x1F", Number), ("1_000", Number), ("2e-3", Number), (".5j", Number)]),
        ("x = 1  # one", &[("1", Number), ("# one", Comment)]),
        ("# 'not a string'", &[("# 'not a string'", Comment)]),
        ("'a # b'  # c", &[("'a # b'", String), ("# c", Comment)]),
        (r#""say \"hi\"" x"#, &[(r#""say \"hi\"""#, String)]),
        (
            r#"r"\d+" b'\x00' rb'x' Rb"y" u"z""#,
            &[
                (r#"r"\d+""#, String),
                (r"b'\x00'", String),
                ("rb'x'", String),
                (r#"Rb"y""#, String),
                (r#"u"z""#, String),
            ],
        ),
        // Not prefixes: the name is plain, the string a string.
        ("ur'x' bf'y'", &[("'x'", String), ("'y'", String)]),
        ("'''one\ntwo''' + 1", &[("'''one\ntwo'''", String), ("1", Number)]),
        ("\"\"\"doc \" '' \"\"\"", &[("\"\"\"doc \" '' \"\"\"", String)]),
        // Unterminated: to the end of the line, or of the text for triple quotes.
        ("x = 'abc\ny = 2", &[("'abc", String), ("2", Number)]),
        ("s = '''abc\ny = 2", &[("'''abc\ny = 2", String)]),
        ("'a\\\nb' + 1", &[("'a\\\nb'", String), ("1", Number)]),
        // f-strings: the literal parts are strings, the expressions code.
        ("f'{n} jobs'", &[("f'{", String), ("} jobs'", String)]),
        ("f\"took {len(x):.2f}s\"", &[("f\"took {", String), ("len", Builtin), (":.2f}s\"", String)]),
        ("f'{{literal}} {1}'", &[("f'{{literal}} {", String), ("1", Number), ("}'", String)]),
        ("F'{x!r:>{width}}' 2", &[("F'{", String), (":>{", String), ("}}'", String), ("2", Number)]),
        ("f'{d[\"k\"]}'", &[("f'{", String), ("\"k\"", String), ("}'", String)]),
        ("f'{f\"{1}\"}'", &[("f'{", String), ("f\"{", String), ("1", Number), ("}\"", String), ("}'", String)]),
        ("f'''{\n  x # c\n}'''", &[("f'''{", String), ("# c", Comment), ("}'''", String)]),
        ("rf'{x}\\d'", &[("rf'{", String), ("}\\d'", String)]),
        ("t'{x}'", &[("t'{", String), ("}'", String)]),
        // An f-string left open ends with its line; the next line is code again.
        ("f'{x\nprint(1)", &[("f'{", String), ("print", Builtin), ("1", Number)]),
        ("f'abc\nprint(1)", &[("f'abc", String), ("print", Builtin), ("1", Number)]),
        // Decorators at the start of a line; elsewhere `@` is an operator.
        (
            "@functools.cache\ndef f(): pass",
            &[("@functools.cache", Decorator), ("def", Keyword), ("f", Definition), ("pass", Keyword)],
        ),
        ("  @ dec\nx = a @ b", &[("@ dec", Decorator)]),
        // Soft keywords: only where they start a statement.
        (
            "match command:\n    case 'go':\n        pass",
            &[("match", Keyword), ("case", Keyword), ("'go'", String), ("pass", Keyword)],
        ),
        ("match = re.match(p, s)\ncase(x)", &[]),
        ("match(x)\nmatch (x):", &[("match", Keyword)]),
        // Names that only look like keywords.
        ("async_job defined classy printer", &[]),
        ("def\nf", &[("def", Keyword), ("f", Definition)]),
        // Non-ASCII names and text.
        ("café = 'thé' # ☕", &[("'thé'", String), ("# ☕", Comment)]),
        (
            "def ünïcode(): return '😀'",
            &[("def", Keyword), ("ünïcode", Definition), ("return", Keyword), ("'😀'", String)],
        ),
        ("", &[]),
    ];
    for (src, expected) in cases {
        assert_eq!(spans(src), *expected, "in {src:?}");
    }
}

#[test]
fn pieces_cover_the_text_and_cut_at_the_mark() {
    let src = "x = len('abc')";
    let all = pieces(src, None);
    let text: Vec<_> = all.iter().map(|p| (&src[p.start..p.end], p.kind, p.marked)).collect();
    assert_eq!(
        text,
        [
            ("x = ", None, false),
            ("len", Some(Builtin), false),
            ("(", None, false),
            ("'abc'", Some(String), false),
            (")", None, false)
        ]
    );
    // The mark from inside `len` into the string.
    let marked = pieces(src, Some((5, 10)));
    let text: Vec<_> = marked.iter().map(|p| (&src[p.start..p.end], p.marked)).collect();
    assert_eq!(
        text,
        [("x = ", false), ("l", false), ("en", true), ("(", true), ("'a", true), ("bc'", false), (")", false)]
    );
    assert!(pieces("", Some((0, 0))).is_empty());
}

#[test]
fn a_long_text_is_read_in_linear_time() {
    // Deep nesting, long runs of quotes and blanks: each would be quadratic if rescanned.
    let src = ["f'{".repeat(20_000), "'''".repeat(20_000), " ".repeat(100_000), "print ".repeat(20_000)].concat();
    let started = std::time::Instant::now();
    let n = tokens(&src).len();
    assert!(n > 20_000);
    assert!(started.elapsed().as_secs_f64() < 2.0, "took {:?}", started.elapsed());
}

// proptest's randomness does not build for wasm32 (the workspace's clippy checks that target too).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(src: &str) {
        let toks = tokens(src);
        let mut at = 0;
        for t in &toks {
            assert!(t.start >= at && t.start < t.end && t.end <= src.len(), "{t:?} after {at} in {src:?}");
            assert!(src.is_char_boundary(t.start) && src.is_char_boundary(t.end), "{t:?} in {src:?}");
            at = t.end;
        }
        let all = pieces(src, Some((src.len() / 3, src.len() / 2)));
        assert_eq!(all.iter().map(|p| p.end - p.start).sum::<usize>(), src.len());
        assert!(all.windows(2).all(|w| w[0].end == w[1].start));
    }

    proptest! {
        #[test]
        fn any_text_gives_ordered_spans_on_char_boundaries(src in any::<std::string::String>()) {
            check(&src);
        }

        #[test]
        fn python_like_text_gives_ordered_spans(src in "([a-z]{1,6}|[ \\n\\t#'\"{}():\\\\@.0-9]|f'|rb\"|'''|é|😀){0,60}") {
            check(&src);
        }
    }
}
