import asyncio, time
async def main():
    q = asyncio.Queue()
    loop = asyncio.get_running_loop()
    for x in [q, asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(2), loop, asyncio, time, [1, 2, 3][1:2], ..., NotImplemented, asyncio.gather(), asyncio.current_task()]:
        print(type(x).__name__)
    g = asyncio.gather(asyncio.sleep(0))
    print(type(g).__name__, isinstance(g, asyncio.Future), isinstance(g, asyncio.Task))
    await g
asyncio.run(main())
