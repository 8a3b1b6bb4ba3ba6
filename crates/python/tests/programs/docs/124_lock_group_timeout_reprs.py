import asyncio


async def holder(lock, ev):
    async with lock:
        await ev.wait()


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    ev = asyncio.Event()
    await lock.acquire()
    await sem.acquire()
    waiters = [asyncio.create_task(holder(lock, ev)) for _ in range(2)]
    w2 = asyncio.create_task(sem.acquire())
    w3 = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(repr(lock).split(" [")[1], repr(sem).split(" [")[1], repr(ev).split(" [")[1])
    lock.release()
    sem.release()
    ev.set()
    ev.clear()
    print(repr(lock).split(" [")[1], repr(sem).split(" [")[1], repr(ev).split(" [")[1])
    ev.set()
    await asyncio.gather(*waiters, w2, w3)
    print(repr(lock).split(" [")[1], repr(sem).split(" [")[1], repr(ev).split(" [")[1])

    tg = asyncio.TaskGroup()
    print(tg)
    async with tg:
        tg.create_task(asyncio.sleep(0.1))
        tg.create_task(asyncio.sleep(0.2))
        print(tg)
    print(tg)
    try:
        tg.create_task(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)

    cm = asyncio.timeout(None)
    print(cm)
    async with cm:
        print(cm)
    print(cm)
    try:
        async with asyncio.timeout(0.1) as late:
            await asyncio.sleep(1)
    except TimeoutError:
        print(late, late.expired())


asyncio.run(main())
