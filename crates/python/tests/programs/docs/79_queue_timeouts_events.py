import asyncio

async def producer(name, q, n):
    for i in range(n):
        await q.put(f"{name}-{i}")
        await asyncio.sleep(0.05)
    print(f"{name} finished producing")

async def consumer(name, q):
    handled = []
    try:
        while True:
            item = await asyncio.wait_for(q.get(), timeout=0.3)
            handled.append(item)
            q.task_done()
    except asyncio.TimeoutError:
        print(f"{name} idle, handled {len(handled)}: {handled}")
    return len(handled)

async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"c{i}", q)) for i in range(2)]
    await asyncio.gather(producer("p1", q, 3), producer("p2", q, 2))
    await q.join()
    counts = await asyncio.gather(*consumers)
    print("total handled:", sum(counts))
    e = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.1)
        e.set()
    asyncio.create_task(setter())
    print("event:", await asyncio.wait_for(e.wait(), 1))
    e.clear()
    try:
        await asyncio.wait_for(e.wait(), 0.05)
    except TimeoutError:
        print("event stayed clear", e.is_set())

asyncio.run(main())
