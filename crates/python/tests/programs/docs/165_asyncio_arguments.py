# asyncio's functions, classes and methods called with arguments they do not take: the
# messages of Lib/asyncio's Python functions and of _asyncio's C tasks and futures, at the call
# (a coroutine function's arguments are bound when it is called, not when it is awaited).
import asyncio
async def main():
    q = asyncio.Queue(); ev = asyncio.Event(); lk = asyncio.Lock(); sem = asyncio.Semaphore(1); cond = asyncio.Condition()
    bs = asyncio.BoundedSemaphore(1)
    t = asyncio.create_task(asyncio.sleep(0)); f = asyncio.get_running_loop().create_future()
    calls = {
      "q.put()": lambda: q.put(), "q.put(1,2)": lambda: q.put(1, 2), "q.get(1)": lambda: q.get(1),
      "q.put_nowait()": lambda: q.put_nowait(), "q.put_nowait(1,2)": lambda: q.put_nowait(1, 2), "q.get_nowait(1)": lambda: q.get_nowait(1),
      "q.task_done(1)": lambda: q.task_done(1), "q.join(1)": lambda: q.join(1), "q.qsize(1)": lambda: q.qsize(1), "q.empty(1)": lambda: q.empty(1), "q.full(1)": lambda: q.full(1),
      "q.put(item=1)": lambda: q.put(x=1),
      "ev.set(1)": lambda: ev.set(1), "ev.clear(1)": lambda: ev.clear(1), "ev.is_set(1)": lambda: ev.is_set(1), "ev.wait(1)": lambda: ev.wait(1),
      "lk.acquire(1)": lambda: lk.acquire(1), "lk.release(1)": lambda: lk.release(1), "lk.locked(1)": lambda: lk.locked(1),
      "sem.acquire(1)": lambda: sem.acquire(1), "sem.release(1)": lambda: sem.release(1), "sem.locked(1)": lambda: sem.locked(1),
      "bs.release(1)": lambda: bs.release(1),
      "cond.wait(1)": lambda: cond.wait(1), "cond.notify(1,2)": lambda: cond.notify(1, 2), "cond.notify_all(1)": lambda: cond.notify_all(1), "cond.wait_for()": lambda: cond.wait_for(),
      "t.done(1)": lambda: t.done(1), "t.cancelled(1)": lambda: t.cancelled(1), "t.result(1)": lambda: t.result(1), "t.exception(1)": lambda: t.exception(1),
      "t.get_name(1)": lambda: t.get_name(1), "t.set_name()": lambda: t.set_name(), "t.cancel(1,2)": lambda: t.cancel(1, 2), "t.cancel(x=1)": lambda: t.cancel(x=1),
      "t.add_done_callback()": lambda: t.add_done_callback(), "t.add_done_callback(print,1)": lambda: t.add_done_callback(print, 1),
      "t.remove_done_callback()": lambda: t.remove_done_callback(), "t.get_coro(1)": lambda: t.get_coro(1),
      "f.set_result()": lambda: f.set_result(), "f.set_result(1,2)": lambda: f.set_result(1, 2), "f.set_exception()": lambda: f.set_exception(), "f.done(1)": lambda: f.done(1),
      "Queue(1,2)": lambda: asyncio.Queue(1, 2), "Event(1)": lambda: asyncio.Event(1), "Lock(1)": lambda: asyncio.Lock(1), "Semaphore(1,2)": lambda: asyncio.Semaphore(1, 2), "Condition(1,2)": lambda: asyncio.Condition(1, 2),
      "sleep()": lambda: asyncio.sleep(), "sleep(1,2,3)": lambda: asyncio.sleep(1, 2, 3), "current_task(1,2)": lambda: asyncio.current_task(1, 2), "all_tasks(1,2)": lambda: asyncio.all_tasks(1, 2),
      "create_task()": lambda: asyncio.create_task(), "wait_for()": lambda: asyncio.wait_for(), "shield()": lambda: asyncio.shield(), "wait()": lambda: asyncio.wait(), "as_completed()": lambda: asyncio.as_completed(),
      "to_thread()": lambda: asyncio.to_thread(), "get_running_loop(1)": lambda: asyncio.get_running_loop(1), "timeout()": lambda: asyncio.timeout(), "TaskGroup(1)": lambda: asyncio.TaskGroup(1),
      "iscoroutine()": lambda: asyncio.iscoroutine(), "run()": lambda: asyncio.run(),
    }
    for k, c in calls.items():
        try:
            r = c()
            if asyncio.iscoroutine(r):
                try:
                    await asyncio.wait_for(r, 0.01)
                except TypeError as e:
                    print(k, "|at await|", e); continue
                except BaseException as e:
                    print(k, "|awaited|", type(e).__name__); continue
            print(k, "| ok")
        except TypeError as e:
            print(k, "|", e)
        except Exception as e:
            print(k, "| other", type(e).__name__, e)
    c = asyncio.sleep("x")
    print("made, not yet awaited")
    c.close()
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("sleep:", e)
    t2 = asyncio.create_task(asyncio.sleep(0))
    try:
        await asyncio.wait_for(t2, timeout="1")
    except TypeError as e:
        print("wait_for:", e)
    await t2
    await asyncio.wait_for(asyncio.sleep(0), timeout=True)
    print("a bool is a number of seconds")
asyncio.run(main())
