#!/usr/bin/env python3
"""CPython's side of the benchmark's scale figure: the wall time of asyncio.run for
`main` gathering N jobs of 1 s, the work the playground's scale scenario does.

    python3 tests/bench/cpython_scale.py [--runs R] [--seconds S] N [N ...]

prints one JSON object per N: {"jobs": N, "ms": [R wall times], "median_ms": M}.

The program is the playground's `mode=gather` scenario with N jobs of S seconds
(`?v=1&mode=gather&jobs=...`): `main` creates a task per job, each job's coroutine
(the seed's fetch_data) sleeps S seconds with asyncio.sleep and returns its result,
and `main` awaits asyncio.gather of the tasks. The wall time is asyncio.run's, from
its call until it returns (loop creation, the run, the shutdown), on the default loop.
"""

import argparse
import asyncio
import json
import statistics
import sys
import time


async def fetch_data(k, seconds):
    await asyncio.sleep(seconds)
    return f"Result of {k}"


async def main(n, seconds):
    tasks = [asyncio.create_task(fetch_data(k, seconds)) for k in range(1, n + 1)]
    results = await asyncio.gather(*tasks)
    assert len(results) == n


def wall_ms(n, seconds):
    started = time.perf_counter()
    asyncio.run(main(n, seconds))
    return (time.perf_counter() - started) * 1000.0


def run():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jobs", type=int, nargs="+", help="how many jobs, one figure each")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is reported)")
    parser.add_argument("--seconds", type=float, default=1.0, help="each job's sleep")
    args = parser.parse_args()
    for n in args.jobs:
        times = [wall_ms(n, args.seconds) for _ in range(args.runs)]
        print(json.dumps({"jobs": n, "ms": [round(t, 1) for t in times], "median_ms": round(statistics.median(times), 1)}))
        sys.stdout.flush()


if __name__ == "__main__":
    run()
