import asyncio

items = []

async def consumer(cond, name):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(f"{name} consumed {item}")

async def producer(cond):
    for i in range(3):
        await asyncio.sleep(0.1)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify()

async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(3)]
    await producer(cond)
    await asyncio.gather(*consumers)
    async with cond:
        print("locked inside:", cond.locked())
    print("locked after:", cond.locked())
    async def waiter(n):
        async with cond:
            await cond.wait()
            print("woken", n)
    ws = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)

asyncio.run(main())
