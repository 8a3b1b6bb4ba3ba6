//! Where `RuntimeWarning: coroutine '...' was never awaited` is given, as CPython 3.11 writes
//! it: a coroutine dropped with the variables of a function that returned is reported at its
//! caller's line; one dropped when a task's coroutine ended, at the loop's call of the task's step
//! (`asyncio/events.py:80`, under Debian's path); the same place warns once. Each case's expected
//! text is what `python3` (3.11.7) wrote for the same program.

use playground_python::{run_virtual, TraceEvent};

const CASES: [(&str, &str); 2] = [
    (
        "import asyncio\n\nasync def ping():\n    pass\n\ndef f():\n    c = ping()\n    print(\"in f\")\n\nasync def g():\n    c = ping()\n    await asyncio.sleep(0)\n    print(\"in g\")\n\nasync def main():\n    f()\n    print(\"after f\")\n    await g()\n    print(\"after g\")\n    t = asyncio.create_task(g())\n    await t\n    print(\"after task\")\n\nasyncio.run(main())\n",
        "main.py:16: RuntimeWarning: coroutine 'ping' was never awaited\n  f()\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\nmain.py:18: RuntimeWarning: coroutine 'ping' was never awaited\n  await g()\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n/usr/lib/python3.11/asyncio/events.py:80: RuntimeWarning: coroutine 'ping' was never awaited\n  self._context.run(self._callback, *self._args)\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback",
    ),
    (
        "import asyncio\n\nasync def ping(n):\n    await asyncio.sleep(0.1)\n    return f\"pong {n}\"\n\nasync def main():\n    coros = [ping(i) for i in range(3)]\n    print(coros[0].__class__.__name__, asyncio.iscoroutine(coros[0]))\n    tasks = [asyncio.ensure_future(c) for c in coros]\n    print([t.get_name() for t in tasks])\n    for t in tasks:\n        t.add_done_callback(lambda t: print(\"done:\", t.result()))\n    print(await asyncio.gather(*tasks))\n    unawaited = ping(99)\n    print(\"created a coroutine and forgot it\")\n\nasyncio.run(main())\nprint(\"after run\")\n",
        "/usr/lib/python3.11/asyncio/events.py:80: RuntimeWarning: coroutine 'ping' was never awaited\n  self._context.run(self._callback, *self._args)\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback",
    ),
];

#[test]
fn coroutines_never_awaited_are_reported_where_cpython_reports_them() {
    for (src, expected) in CASES {
        let lines = run_virtual(src, 1000.0, 4).expect("it runs");
        let stderr: Vec<&str> =
            lines.iter().filter(|l| l.event == TraceEvent::Stderr).map(|l| l.text.as_str()).collect();
        assert_eq!(stderr, expected.lines().collect::<Vec<_>>(), "for the program:\n{src}");
    }
}
