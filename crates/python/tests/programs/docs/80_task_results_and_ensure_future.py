import asyncio
import time

async def main():
    print("start")
    t0 = time.monotonic()
    tasks = []
    for i in range(3):
        async def job(i=i):
            await asyncio.sleep(0.1 * (3 - i))
            return f"job{i}"
        tasks.append(asyncio.create_task(job()))
    for t in tasks:
        print(await t, round(time.monotonic() - t0, 1))
    futs = [asyncio.ensure_future(asyncio.sleep(0.1, result=i)) if False else asyncio.create_task(asyncio.sleep(0.1, result=i)) for i in range(2)]
    print(await asyncio.gather(*futs))
    cancelled = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    cancelled.cancel()
    res = await asyncio.gather(cancelled, return_exceptions=True)
    print(type(res[0]).__name__, cancelled.cancelled())
    try:
        cancelled.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
    try:
        cancelled.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError")

asyncio.run(main())
