# asyncio.Barrier (3.11), as the Python documentation's Synchronization Primitives page shows it
# (its repr while filling and draining), async with giving each task its index, reset() and
# abort() raising BrokenBarrierError in its waiters, and a barrier of 0 parties refused.
import asyncio

async def example_barrier():
    b = asyncio.Barrier(3)
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(str(b).split(" at ")[1].split(" ", 1)[1])
    await b.wait()
    print(str(b).split(" at ")[1].split(" ", 1)[1])
    print("barrier passed")
    await asyncio.sleep(0)
    print(str(b).split(" at ")[1].split(" ", 1)[1])

async def worker(b, n):
    await asyncio.sleep(0.1 * n)
    print("worker", n, "arrives")
    async with b as index:
        print("worker", n, "passes with index", index)
    return n

async def breaker(b):
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("broken:", repr(e), isinstance(e, RuntimeError))

async def main():
    await example_barrier()
    b = asyncio.Barrier(2)
    print(await asyncio.gather(*(worker(b, n) for n in range(4))))
    print(b.parties, b.n_waiting, b.broken)
    c = asyncio.Barrier(3)
    t = asyncio.create_task(breaker(c))
    await asyncio.sleep(0)
    print(c.n_waiting)
    await c.reset()
    await t
    t = asyncio.create_task(breaker(c))
    await asyncio.sleep(0)
    await c.abort()
    await t
    print(c.broken, str(c).split(" [")[1])
    try:
        await c.wait()
    except asyncio.BrokenBarrierError as e:
        print("still broken:", e)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
