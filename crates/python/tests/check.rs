//! The checker's table: syntax errors reported as CPython reports them (line, column,
//! message: compared with what `python3` itself says), and every refusal of a construct
//! outside the playground's language, with its line, column and wording.

use playground_python::{check, CheckError};
use std::process::Command;

/// Programs with a syntax error.
const SYNTAX: [&str; 71] = [
    "nonlocal x\n",
    "if x\n  pass\n",
    "def f(:\n pass\n",
    "if x:\npass\n",
    "x = (1,\n2\n",
    "print(\"a)\n",
    "x = 1 +\n",
    "f() = 3\n",
    "  x = 1\n",
    "for x in y\n  pass\n",
    "return 5\n",
    "x = [1, 2\n",
    "try:\n  pass\nx=1\n",
    "def f():\n  await g()\n",
    "class A\n  pass\n",
    "print \"hi\"\n",
    "while True:\n    x = 1\n  y = 2\n",
    "break\n",
    "x = 1 2\n",
    "a b\n",
    "def f():\nreturn\n",
    "for x in y:\nz\n",
    "f(x for x in y, 1)\n",
    "a = 1 if b\n",
    "f(a=1, b)\n",
    "1 = x\n",
    "print(f\"{}\")\n",
    "async with x: pass\n",
    "else:\n",
    "x == 1 = 2\n",
    "async def f():\n    x = [\n",
    "x = 1__0\n",
    "x = 1_\n",
    "x = 0x__f\n",
    "x = 1_.5\n",
    "x = 1e_5\n",
    "x = 5_e3\n",
    "x = 1._5\n",
    "x = 1e1__0\n",
    "x = 0x_1__2\n",
    "x = 1_0_\n",
    "x = 5_._5\n",
    // Brackets never closed, forgotten commas, `=` for `==`, parameters twice or out of order.
    "d = {'a': 1 'b': 2}\n",
    "y = {1: 2 3: 4}\n",
    "z = (a.b c)\n",
    "z = [x for x in range(3) y]\n",
    "z = [-1 -2 3]\n",
    "xs = [\"c\" 1]\n",
    "print(1 + 2 3)\n",
    "f(a, b c=1)\n",
    "x = 1\nif x = 5:\n    pass\n",
    "while x = 5:\n    pass\n",
    "xs = [foo \"bar\"]\n",
    "xs = [1, 2\n  3]\n",
    "print(\"a\" x)\n",
    "f = lambda a, a: 1\n",
    "def g(a, *, b, **a):\n    pass\n",
    "print(\"hello\"\nx = 1\n",
    "d = {\n  \"a\": 1,\n  \"b\": 2\n\nprint(d)\nx = [1, 2\n",
    "foo([1, 2\n",
    "x = (1,\n  2 3)\n",
    "y = f(1, [2,\n  3)\nz = 1\n",
    "x = 5\nif x = 5:\n    print(\"five\")\n",
    "d = {'a': 1 'b': 2}\n",
    "def f(a=1, b):\n    pass\n",
    "def f(x, x):\n    pass\n",
    "data = {\n    \"a\": 1,\n    \"b\": 2,\n\nprint(data)\n",
    "x = [\"a\" \"b\", \"c\" 1]\n",
    "print(\"hello\"\nx = 1\n",
    "x = [1, 2, 3\nprint(x)\n",
    "async def f():\n    yield 1\n    return 2\n",
];

/// Programs refused, with the line, column and a piece of the message.
const REFUSED: [(&str, usize, usize, &str); 24] = [
    ("async def f(xs):\n    return sum(await g(x) for x in xs)\n", 2, 15, "an asynchronous generator expression"),
    ("cmd = 'go'\nmatch cmd:\n    case 'go':\n        pass\n", 2, 1, "the 'match' statement"),
    ("s = 'abc'\nprint(s.translate({}))\n", 2, 7, "the method '.translate()'"),
    ("print(dir())\n", 1, 7, "'dir()'"),
    ("import os\n", 1, 8, "the module 'os'"),
    ("import asyncio, threading\n", 1, 17, "the module 'threading'"),
    ("from os import path\n", 1, 1, "the module 'os'"),
    ("from asyncio import start_server\n", 1, 21, "'asyncio.start_server'"),
    ("import asyncio\nasyncio.run_coroutine_threadsafe(c, l)\n", 2, 1, "'asyncio.run_coroutine_threadsafe'"),
    ("import asyncio\ndef f():\n    return asyncio.open_connection('h', 1)\n", 3, 12, "'asyncio.open_connection'"),
    ("import time\nprint(time.localtime())\n", 2, 7, "'time.localtime'"),
    ("name = input('?')\n", 1, 8, "'input()'"),
    ("f = open('x.txt')\n", 1, 5, "'open()'"),
    ("eval('1')\n", 1, 1, "'eval()'"),
    ("def g():\n    yield from range(3)\n", 2, 5, "'yield from'"),
    ("def g():\n    x = yield from range(3)\n", 2, 9, "'yield from'"),
    ("class A(metaclass=M):\n    pass\n", 1, 19, "a metaclass"),
    ("@dataclass\nclass A:\n    x: int = 1\n", 1, 2, "a class decorator"),
    ("class A:\n    @x.deleter\n    def x(self):\n        pass\n", 2, 6, "the property decorator '.deleter'"),
    ("class A:\n    def __add__(self, k):\n        return k\n", 2, 5, "the special method '__add__'"),
    ("import sys\nsys.exit(1)\n", 2, 1, "'sys.exit'"),
    ("from asyncio import *\n", 1, 1, "'from asyncio import *'"),
    ("async def f():\n    return (x async for x in g())\n", 2, 15, "an asynchronous generator expression"),
    ("x = b'bytes'\n", 1, 5, "bytes literals"),
];

fn cpython(sources: &[&str]) -> Vec<(String, usize, usize, String)> {
    let script = r#"
import json, sys
for src in json.load(sys.stdin):
    try:
        compile(src, "main.py", "exec")
        print(json.dumps(["OK", 0, 0, ""]))
    except SyntaxError as e:
        print(json.dumps([type(e).__name__, e.lineno, e.offset, e.msg]))
"#;
    let input = format!(
        "[{}]",
        sources
            .iter()
            .map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (it is the reference)");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write to python3");
    let out = child.wait_with_output().expect("python3 finishes");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let l = l.trim_start_matches('[').trim_end_matches(']');
            let mut parts = l.splitn(4, ", ");
            let kind = parts.next().unwrap_or("").trim_matches('"').to_string();
            let line = parts.next().unwrap_or("0").parse().unwrap_or(0);
            let col = parts.next().unwrap_or("0").parse().unwrap_or(0);
            let msg = parts.next().unwrap_or("").trim_matches('"').replace("\\\"", "\"");
            (kind, line, col, msg)
        })
        .collect()
}

#[test]
fn syntax_errors_are_reported_as_cpython_reports_them() {
    let expected = cpython(&SYNTAX);
    assert_eq!(expected.len(), SYNTAX.len());
    let mut failures = Vec::new();
    for (src, (kind, line, col, msg)) in SYNTAX.iter().zip(expected) {
        match check(src) {
            Err(CheckError::Syntax(e)) => {
                if (e.kind, e.line, e.col, e.msg.as_str()) != (kind.as_str(), line, col, msg.as_str()) {
                    failures.push(format!(
                        "{src:?}: CPython {kind} {line}:{col} {msg:?}, ours {} {}:{} {:?}",
                        e.kind, e.line, e.col, e.msg
                    ));
                }
            }
            other => failures.push(format!("{src:?}: CPython {kind} {line}:{col} {msg:?}, ours {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), SYNTAX.len(), failures.join("\n"));
}

#[test]
fn constructs_outside_the_language_are_refused() {
    let mut failures = Vec::new();
    for (src, line, col, what) in REFUSED {
        match check(src) {
            Err(e @ CheckError::Refused(_)) => {
                let text = e.to_string();
                let want = format!("line {line}, column {col}: {what}");
                if !text.starts_with(&want) || !text.ends_with("is not supported by the playground") {
                    failures.push(format!("{src:?}: want {want:?}, got {text:?}"));
                }
            }
            Err(CheckError::Syntax(e)) if what == "bytes literals" => {
                if (e.line, e.col) != (line, col) || !e.msg.contains(what) {
                    failures.push(format!("{src:?}: got {e}"));
                }
            }
            other => failures.push(format!("{src:?}: want a refusal, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), REFUSED.len(), failures.join("\n"));
}

#[test]
fn the_language_is_accepted() {
    let src = "import asyncio\nimport time\nimport random\nfrom concurrent.futures import ThreadPoolExecutor\n\
               import concurrent.futures\nimport sys\n\n\
               class E(Exception):\n    pass\n\n\
               async def f(a, b=1, *args, key=None):\n    global G\n    x, *y = [1, 2, 3]\n    \
               z = {k: v for k, v in zip('ab', (1, 2))}\n    s = {1, 2}\n    \
               g = (i * i for i in range(3) if i)\n    try:\n        await asyncio.sleep(0)\n    \
               except* E as eg:\n        pass\n    async with asyncio.timeout(1):\n        pass\n    \
               with concurrent.futures.ThreadPoolExecutor() as pool:\n        pass\n    \
               print(f\"{a:>3} {b!r}\", file=sys.stderr)\n    return lambda q: q + 1\n\n\
               if __name__ == \"__main__\":\n    asyncio.run(f(1))\n";
    if let Err(e) = check(src) {
        panic!("refused: {e}");
    }
}
