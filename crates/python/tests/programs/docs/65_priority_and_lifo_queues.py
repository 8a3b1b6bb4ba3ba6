import asyncio
import random

random.seed(5)

async def worker(name, q):
    while True:
        priority, job = await q.get()
        await asyncio.sleep(0.05)
        print(f"{name} did {job} (priority {priority})")
        q.task_done()

async def main():
    pq = asyncio.PriorityQueue()
    for job in ["write", "read", "compile", "test", "deploy", "lint", "doc"]:
        pq.put_nowait((random.randint(1, 4), job))
    w = asyncio.create_task(worker("w", pq))
    await pq.join()
    w.cancel()
    lq = asyncio.LifoQueue()
    for i in range(4):
        await lq.put(i)
    print([lq.get_nowait() for _ in range(lq.qsize())], lq.empty())

asyncio.run(main())
