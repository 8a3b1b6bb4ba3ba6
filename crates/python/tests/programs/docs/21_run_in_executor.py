import asyncio
import concurrent.futures
import time

def blocking(n):
    time.sleep(n / 10)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, blocking, n) for n in (3, 2, 1)]
        for f in asyncio.as_completed(futures):
            print("got", await f)

asyncio.run(main())
