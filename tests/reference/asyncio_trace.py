#!/usr/bin/env python3
"""Runs playground scenarios under CPython's own asyncio and prints their traces.

Each line of standard input is a scenario in the link contract's keys, all given
(`mode=tasks&jobs=1,2!&order=1,2&sleep=async&linger=0&unit=1000`). For each, the
same program the playground runs (main and the seed's fetch_data) runs here for
real, on a real event loop and a real clock, with `--unit` real milliseconds per
scenario second. The output is, per scenario, a line `# <scenario>`, then one line
per event: `who event seconds [of]`, then an empty line.

The loop's `_clock_resolution` (the window within which CPython treats timers as
due together) is set to a few milliseconds: scenario times are multiples of 0.1 s,
so timers meant to be simultaneous are fired together however the host's clock
drifts, while distinct times (at least 0.1 s apart) are never merged.

Thread and process pools (`sleep=thread`, `sleep=process`, `workers=`) have all their
threads or processes started before the run begins, as the playground starts its Web
Workers before a run: their start-up is not part of the run's times.
"""

import argparse
import asyncio
import concurrent.futures
import logging
import os
import sys
import tempfile
import threading
import time


class FetchError(Exception):
    """The error a failing job raises."""


def parse(query):
    cfg = dict(part.split("=", 1) for part in query.strip().split("&") if part)
    jobs = []
    for item in cfg["jobs"].split(","):
        jobs.append((float(item.rstrip("!")), item.endswith("!")))
    order = [int(k) for k in cfg["order"].split(",")]
    workers = int(cfg["workers"]) if "workers" in cfg else None
    return cfg["mode"], jobs, order, cfg["sleep"], float(cfg.get("linger", "0")), workers


def blocking_in_process(seconds, log_path, k):
    """A process pool's call: time.sleep, noting (in a file) when a worker took it and came free."""
    started = time.perf_counter()
    time.sleep(seconds)
    with open(log_path, "a") as log:
        log.write(f"{k} worker-start {started}\n{k} worker-free {time.perf_counter()}\n")


def run(query, unit_ms, resolution_ms):
    mode, jobs, order, sleep, linger, workers = parse(query)
    scale = unit_ms / 1000.0  # real seconds per scenario second
    cores = os.cpu_count() or 1
    if sleep == "thread" and mode != "sync":
        size = workers or min(32, cores + 4)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=size)
        # Start every thread before the run, as the playground starts its workers: each
        # call waits for all the others, so no thread is reused and every one is spawned.
        barrier = threading.Barrier(size)
        concurrent.futures.wait([pool.submit(barrier.wait) for _ in range(size)])
    elif sleep == "process" and mode != "sync":
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers or cores)
        # Start every process before the run, as the playground starts its workers.
        list(pool.map(time.sleep, [0.05] * (workers or cores)))
        worker_log = tempfile.NamedTemporaryFile(delete=False).name
    else:
        pool = None
    keys = range(1, len(jobs) + 1)
    events = []
    t0 = []

    def trace(who, event, of=None):
        now = time.perf_counter()
        if not t0:
            t0.append(now)
        events.append((who, event, (now - t0[0]) / scale, of))

    def fetch_data_sync(k):
        trace(k, "start")
        d, fails = jobs[k - 1]
        time.sleep(d * scale)
        if fails:
            trace(k, "raise")
            raise FetchError(f"fetch_data({k}) failed")
        trace(k, "return")
        return f"Result of {k}"

    if mode == "sync":
        trace("main", "start")
        try:
            for k in order:
                fetch_data_sync(k)
                trace("main", "result", k)
        except FetchError:
            trace("main", "raise")
        time.sleep(linger * scale)
        trace("main", "end")
        return events

    started = set()

    async def fetch_data(k):
        started.add(k)
        trace(k, "start")
        d, fails = jobs[k - 1]
        try:
            if sleep == "blocking":
                time.sleep(d * scale)
            elif sleep == "thread":
                def blocking():
                    trace(k, "worker-start")
                    time.sleep(d * scale)
                    trace(k, "worker-free")
                await asyncio.to_thread(blocking)
            elif sleep == "process":
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(pool, blocking_in_process, d * scale, worker_log, k)
            else:
                await asyncio.sleep(d * scale)
        except asyncio.CancelledError:
            trace(k, "cancel")
            raise
        if fails:
            trace(k, "raise")
            raise FetchError(f"fetch_data({k}) failed")
        trace(k, "return")
        return f"Result of {k}"

    def watch(task, k):
        # A task cancelled before its first step never runs its body: record it here.
        task.add_done_callback(lambda t: t.cancelled() and k not in started and trace(k, "cancel"))
        return task

    async def main():
        trace("main", "start")
        try:
            if mode == "await":
                coroutines = [fetch_data(k) for k in keys]
                try:
                    for k in order:
                        await coroutines[k - 1]
                        trace("main", "result", k)
                finally:
                    for c in coroutines:
                        c.close()
            elif mode == "tasks":
                tasks = [watch(asyncio.create_task(fetch_data(k)), k) for k in keys]
                for k in order:
                    await tasks[k - 1]
                    trace("main", "result", k)
            elif mode in ("gather", "gather-rx"):
                tasks = [watch(asyncio.create_task(fetch_data(k)), k) for k in keys]
                await asyncio.gather(*tasks, return_exceptions=(mode == "gather-rx"))
                for k in keys:
                    trace("main", "result", k)
            elif mode == "group":
                async with asyncio.TaskGroup() as tg:
                    tasks = [watch(tg.create_task(fetch_data(k)), k) for k in keys]
                for k in keys:
                    trace("main", "result", k)
            else:
                raise SystemExit(f"unknown mode {mode}")
        except Exception:  # a FetchError, or the TaskGroup's ExceptionGroup
            trace("main", "raise")
        if linger:
            await asyncio.sleep(linger * scale)

    def new_loop():
        loop = asyncio.new_event_loop()
        loop._clock_resolution = resolution_ms / 1000.0
        if sleep == "thread":
            loop.set_default_executor(pool)  # what asyncio.to_thread uses
        return loop

    with asyncio.Runner(loop_factory=new_loop) as runner:  # what asyncio.run does
        runner.run(main())
    if sleep == "process":
        pool.shutdown(wait=True)  # the end of the pool's `with` block
        with open(worker_log) as log:
            for line in log:
                k, event, at = line.split()
                events.append((int(k), event, (float(at) - t0[0]) / scale, None))
        os.unlink(worker_log)
        events.sort(key=lambda e: e[2])
    trace("main", "end")
    return events


def render(query, events):
    lines = [f"# {query.strip()}"]
    for who, event, seconds, of in events:
        lines.append(f"{who} {event} {seconds:.3f}" + (f" {of}" if of is not None else ""))
    return "\n".join(lines) + "\n"


def main():
    # Orphaned tasks that raise are logged by asyncio at exit: expected here, so quiet.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=float, default=200, help="real ms per scenario second")
    parser.add_argument("--resolution", type=float, default=4, help="the loop's clock resolution, ms")
    parser.add_argument("--parallel", type=int, default=12, help="scenarios run at once (they mostly sleep)")
    args = parser.parse_args()
    queries = [q for q in sys.stdin.read().splitlines() if q.strip()]
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.parallel) as pool:
        runs = pool.map(run, queries, [args.unit] * len(queries), [args.resolution] * len(queries))
        for query, events in zip(queries, runs):
            sys.stdout.write(render(query, events) + "\n")


if __name__ == "__main__":
    main()
