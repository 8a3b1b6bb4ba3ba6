import asyncio

async def child(n):
    try:
        await asyncio.sleep(n / 10)
        if n == 2:
            raise ValueError(f"child {n} broke")
        print(f"child {n} ok")
        return n
    finally:
        print(f"child {n} finally")

async def forever():
    try:
        while True:
            await asyncio.sleep(0.05)
    finally:
        print("forever stopped")

def cb(fut):
    print("callback:", fut.result() if not fut.cancelled() else "cancelled")

async def main():
    t = asyncio.create_task(child(1))
    t.add_done_callback(cb)
    await t
    asyncio.create_task(forever())
    c = child(3)
    await c
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(type(c).__name__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(2))
            tg.create_task(child(4))
    except ExceptionGroup as eg:
        print("eg:", eg, [type(e).__name__ for e in eg.exceptions])
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon print")
    h = loop.call_later(0.1, print, "never")
    h.cancel()
    await asyncio.sleep(0.2)
    fut = loop.create_future()
    fut.cancel()
    try:
        await fut
    except asyncio.CancelledError:
        print("future cancelled", fut.cancelled())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(2))

asyncio.run(main())
