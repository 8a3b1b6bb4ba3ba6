#!/usr/bin/env python3
"""CPython's side of the benchmark's `python` figures: the wall time of a learner's program
(a file of tests/bench/programs/), run several times in this one process.

    python3 tests/bench/cpython_program.py [--runs R] PROGRAM.py

prints one JSON object: {"program": path, "ms": [R wall times, in run order],
"stdout": what the runs printed} (bench.mjs takes the median and the range of "ms", the same
way as for the page's runs).

Each run executes the file's source as `__main__` (in a fresh namespace) with its standard
output captured. The timer starts just before the source is compiled and stops when its
last statement (`asyncio.run(main())`) returns: it includes compiling the program, creating
the event loop, the run and the loop's shutdown; it excludes the interpreter's start-up and
the import of asyncio, which is done once before the first run (the playground's engine is
likewise loaded once, before its runs). That is what the page's timer covers too: from just
before `startRun` (which checks and compiles the source) until the run is over.
"""

import argparse
import asyncio  # noqa: F401 -- imported before the timed runs (see above)
import contextlib
import io
import json
import sys
import time


def timed_run(path, src):
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        started = time.perf_counter()
        code = compile(src, path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path})
        ms = (time.perf_counter() - started) * 1000.0
    return ms, captured.getvalue()


def run():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="the program's file")
    parser.add_argument("--runs", type=int, default=5, help="how many runs")
    args = parser.parse_args()
    with open(args.program, encoding="utf-8") as f:
        src = f.read()
    times, outputs = [], []
    for _ in range(args.runs):
        ms, stdout = timed_run(args.program, src)
        times.append(ms)
        outputs.append(stdout)
    if any(o != outputs[0] for o in outputs):
        sys.exit(f"{args.program}: the runs printed different output")
    print(json.dumps({"program": args.program, "ms": [round(t, 1) for t in times], "stdout": outputs[0]}))


if __name__ == "__main__":
    run()
