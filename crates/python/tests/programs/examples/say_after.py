# The Python documentation's say_after, with tasks: the two sleeps overlap.

import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(0.2, 'hello'))
    task2 = asyncio.create_task(say_after(0.3, 'world'))
    start = time.perf_counter()
    print("started")
    await task1
    await task2
    print(f"finished after {time.perf_counter() - start:.1f} s")

asyncio.run(main())
