import asyncio

async def ping(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

async def waiter(ev, name):
    await ev.wait()
    print(name, "released")

async def main():
    print(await asyncio.gather())
    r = await asyncio.gather(ping("a", 3), ping("b", 2), asyncio.sleep(0, result="s"))
    print(r)
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.sleep(0)
    print("after one yield")
    await asyncio.wait_for(asyncio.gather(*ws), None)
    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.05)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e) is TimeoutError)
    q = asyncio.Queue(1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("full", q.full(), q.qsize(), q.maxsize)
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)
    t = asyncio.create_task(ping("c", 1))
    t.cancel()
    print(t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())
    async def chain():
        return await asyncio.create_task(ping("d", 2))
    print(await asyncio.create_task(chain()))
    f = asyncio.Future()
    asyncio.get_running_loop().call_later(0.05, f.set_exception, ValueError("late"))
    try:
        await f
    except ValueError as e:
        print("future raised", e)

asyncio.run(main())
