import asyncio
import time

def not_async():
    return 42

async def forgot():
    asyncio.sleep(0.1)
    print("no wait happened")

async def main():
    await forgot()
    try:
        await not_async()
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.run(forgot())
    except RuntimeError as e:
        print("RuntimeError:", e)
    start = time.perf_counter()
    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.1))
    print(f"{time.perf_counter() - start:.1f}")

try:
    asyncio.create_task(forgot())
except RuntimeError as e:
    print("outside loop:", e)
asyncio.run(main())
