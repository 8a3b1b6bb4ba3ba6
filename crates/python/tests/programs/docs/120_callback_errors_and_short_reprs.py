import asyncio

def on_done(task):
    print("callback for", task.get_name())
    raise ValueError("callback failed")

def report(*args):
    raise RuntimeError(f"report got {len(args)} arguments")

async def work(result):
    await asyncio.sleep(0.1)
    return result

async def main():
    for result in [1, "x" * 50, list(range(10)), {"b": 2, "a": 1, "c": 3, "d": 4, "e": 5}, (7,), 2 ** 100]:
        t = asyncio.create_task(work(result), name="worker")
        await t
        print(t)
    t.add_done_callback(on_done)
    await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: 1 / 0)
    loop.call_soon(report, "a" * 40, [1, [2, [3]]], {3, 1, 2}, 1.5, None)
    await asyncio.sleep(0.1)
    print("still running")

asyncio.run(main())
