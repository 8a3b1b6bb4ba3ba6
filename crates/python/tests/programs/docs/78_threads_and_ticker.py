import asyncio
import time

def blocking_job(n):
    print(f"job {n} starts")
    time.sleep(0.2 * n)
    print(f"job {n} ends")
    return n

async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.15)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    results = await asyncio.gather(
        asyncio.to_thread(blocking_job, 1),
        asyncio.to_thread(blocking_job, 2),
    )
    print("threads:", results)
    loop.call_later(0.1, print, "call_later fired")
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "future set")
    print(await fut)
    await t
    time.sleep(0.05)
    print("blocked briefly")

asyncio.run(main())
