# Queues' reprs as CPython writes them, and the TimeoutError of asyncio.timeout and wait_for, raised from the cancellation.
import asyncio
async def main():
    q = asyncio.Queue(maxsize=1)
    print(q)
    await q.put(1)
    print(q)
    q.get_nowait()
    print(q)
    q.task_done()
    print(q)
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue(3)
    print(lq, pq)
    async def getter():
        return await lq.get()
    t = asyncio.create_task(getter())
    await asyncio.sleep(0)
    print(lq)
    lq.put_nowait(5)
    print(await t, lq)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.05)
    except TimeoutError as e:
        print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
    print(ValueError().__suppress_context__)
asyncio.run(main())
