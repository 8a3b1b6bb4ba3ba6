"""Runs one program under CPython, recording every line it writes.

Usage: python3 harness.py DIR  -- runs DIR/main.py with DIR as the working directory and
appends one JSON object per line written to DIR/trace.jsonl: {"e": "print" | "stderr",
"x": the line, "t": real ms since the start, "w": the task that wrote it (as
asyncio.current_task().get_name()), "main" outside any task, "thread" in a worker
thread, "process" in a worker process}. Standard output and standard error are
replaced by recorders, so print, tracebacks, asyncio's messages and warnings are all caught.
"""

import asyncio
import json
import multiprocessing
import os
import sys
import threading
import time
import traceback
import types
import warnings

DIR = sys.argv[1]
T0 = time.perf_counter()
FD = os.open(os.path.join(DIR, "trace.jsonl"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


def who():
    if multiprocessing.current_process().name != "MainProcess":
        return "process"
    if threading.current_thread() is not threading.main_thread():
        return "thread"
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return "main"
    return task.get_name() if task is not None else "main"


class Recorder:
    """A text stream that records whole lines."""

    def __init__(self, event):
        self.event = event
        self.partial = {}

    def write(self, text):
        key = (os.getpid(), threading.get_ident())
        line, w, t = self.partial.pop(key, ("", who(), (time.perf_counter() - T0) * 1000))
        line += text
        parts = line.split("\n")
        for done in parts[:-1]:
            record = {"e": self.event, "x": done, "t": t, "w": w}
            os.write(FD, (json.dumps(record) + "\n").encode())
        if parts[-1]:
            self.partial[key] = (parts[-1], w, t)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


# Timers due within a few ms of each other fire in the same loop iteration, as they do on the
# virtual loop when due at the same time: program times are multiples of 0.05 s, so timers
# meant to be simultaneous fire together however the host's clock drifts (as the core's
# reference script does).
_init = asyncio.base_events.BaseEventLoop.__init__


def _init_with_resolution(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self._clock_resolution = 0.004


asyncio.base_events.BaseEventLoop.__init__ = _init_with_resolution
sys.stdout = Recorder("print")
sys.stderr = Recorder("stderr")
os.chdir(DIR)
with open("main.py", encoding="utf-8") as f:
    source = f.read()
module = types.ModuleType("__main__")
module.__file__ = "main.py"
sys.modules["__main__"] = module
failure = None
try:
    exec(compile(source, "main.py", "exec"), module.__dict__)
except SystemExit:
    pass
except BaseException as e:  # noqa: BLE001 - every uncaught exception is part of the trace
    traceback.print_exc()
    failure = e


shown_at_shutdown = set()


def show_at_shutdown(message, category, filename, lineno, file=None, line=None):
    """Writes a warning as CPython does during finalization: all at one place, 'sys:1', so
    each text once, and without a source line."""
    text = f"sys:1: {category.__name__}: {message}"
    if text not in shown_at_shutdown:
        shown_at_shutdown.add(text)
        sys.stderr.write(text + "\n")


# What is still alive when the program ends goes at the interpreter's shutdown, where CPython
# writes a coroutine never awaited as 'sys:1: RuntimeWarning: coroutine 'f' was never awaited':
# first the uncaught exception (sys.last_value) with the frames it holds, then the module's
# variables, as Py_FinalizeEx frees them, while the recorders still listen.
warnings.showwarning = show_at_shutdown
failure = None
module.__dict__.clear()
