//! Robustness: prefixes and random mutations of the corpus programs are checked without
//! a panic (they parse, or give a syntax error or a refusal), and the prefixes that pass
//! the checker run without a panic.

use playground_python::Limits;
use std::path::PathBuf;

fn limits() -> Limits {
    Limits { max_ops: 2_000_000, ..Limits::default() }
}

fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for set in ["seed", "docs"] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs").join(set);
        for entry in std::fs::read_dir(dir).expect("the corpus") {
            let path = entry.expect("an entry").path();
            out.push(std::fs::read_to_string(path).expect("a program"));
        }
    }
    out
}

#[test]
fn truncated_programs_never_panic() {
    let mut checked = 0;
    for src in corpus() {
        let chars: Vec<char> = src.chars().collect();
        let step = (chars.len() / 150).max(1);
        for cut in (0..chars.len()).step_by(step) {
            let prefix: String = chars[..cut].iter().collect();
            let _ = playground_python::check(&prefix);
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} prefixes checked");
}

#[test]
fn truncated_programs_that_parse_run_without_panic() {
    let mut ran = 0;
    for src in corpus() {
        let lines: Vec<&str> = src.lines().collect();
        for cut in (1..lines.len()).step_by(3) {
            let prefix = lines[..cut].join("\n") + "\n";
            if playground_python::check(&prefix).is_ok() && !prefix.contains("Pool") && !prefix.contains("while True") {
                let src = prefix.clone();
                let checked = std::thread::Builder::new()
                    .stack_size(256 << 20)
                    .spawn(move || playground_python::run_virtual_limited(&src, 1000.0, 4, limits()))
                    .expect("a thread")
                    .join()
                    .expect("no panic");
                assert!(checked.is_ok(), "it was checked before");
                ran += 1;
            }
        }
    }
    assert!(ran > 50, "{ran} prefixes ran");
}

#[test]
fn mutated_programs_never_panic() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = ["(", ")", "[", "]", "{", "}", ":", "\n", "    ", "'", "\"", "f'{", "}", "=", "await ", "*", ",", "."];
    let programs = corpus();
    for _ in 0..3000 {
        let src = &programs[(next() % programs.len() as u64) as usize];
        let mut chars: Vec<char> = src.chars().collect();
        for _ in 0..1 + next() % 3 {
            let at = (next() % (chars.len() as u64 + 1)) as usize;
            if next() % 2 == 0 && at < chars.len() {
                chars.remove(at);
            } else {
                let piece = pieces[(next() % pieces.len() as u64) as usize];
                for (k, c) in piece.chars().enumerate() {
                    chars.insert(at + k, c);
                }
            }
        }
        let mutated: String = chars.into_iter().collect();
        let _ = playground_python::check(&mutated);
    }
}

/// Values nested far deeper than the stack could follow (100 000 levels; tuples 5000) are written, compared
/// and hashed up to a limit, then `RecursionError`, as CPython raises it, instead of the
/// engine overflowing its stack; a list or dict nested so deep is dropped without overflowing it.
#[test]
fn deeply_nested_values_raise_recursion_error_instead_of_overflowing() {
    let cases = [
        (
            "x = []\nfor i in range(100000):\n    x = [x]\nprint(repr(x))\n",
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object",
        ),
        (
            "d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(d)\n",
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object",
        ),
        (
            "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n",
            "RecursionError: maximum recursion depth exceeded in comparison",
        ),
        ("t = ()\nfor i in range(5000):\n    t = (t,)\nprint(t < t)\n", "False"),
        (
            "t = 1\nfor i in range(5000):\n    t = (t,)\nprint({t: 1})\n",
            "RecursionError: maximum recursion depth exceeded while calling a Python object",
        ),
        ("d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(d == d)\ndel d\nprint('dropped')\n", "dropped"),
    ];
    for (src, last) in cases {
        let lines = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || playground_python::run_virtual_limited(src, 1000.0, 4, limits()).expect("it runs"))
            .expect("a thread")
            .join()
            .expect("no stack overflow");
        assert_eq!(lines.last().map(|l| l.text.as_str()), Some(last), "{src}");
    }
}
