import asyncio
import time


def slow_steps(name, steps, pause):
    for i in range(steps):
        print(f"{name} step {i}")
        time.sleep(pause)
    print(f"{name} done")
    return steps


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.2)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    total = await asyncio.gather(asyncio.to_thread(slow_steps, "a", 3, 0.3), asyncio.to_thread(slow_steps, "b", 2, 0.25))
    print("steps", total)
    await t


asyncio.run(main())
