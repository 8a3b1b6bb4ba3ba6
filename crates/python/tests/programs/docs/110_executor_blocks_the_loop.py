# A pool's with block ends by waiting for its calls, and a concurrent future's result() waits for it, blocking the event loop as CPython's do: the ticker's timers fire late, after the block, in CPython's order.
import asyncio, time
from concurrent.futures import ThreadPoolExecutor
def work(n):
    time.sleep(0.2)
    print("work", n, flush=True)
    return n
async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.05)
async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.06)
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        fut = loop.run_in_executor(pool, work, 1)
        print("leaving the with block")
    print("left", fut.done())
    print(await fut)
    with ThreadPoolExecutor() as pool:
        cf = pool.submit(work, 2)
        print("result", cf.result())
        try:
            await cf
        except TypeError as e:
            print(e)
    await t
asyncio.run(main())
