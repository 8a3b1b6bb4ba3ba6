# What asyncio refuses to await, and a gather that raised leaving the task it had made: that task runs on, and nothing is reported of it.
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return 1

async def main():
    try:
        await asyncio.gather(job(), 3)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait_for(5, 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await job
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.run(job)
    except Exception as e:
        print(type(e).__name__, e)

asyncio.run(main())
