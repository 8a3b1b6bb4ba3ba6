# asyncio.Semaphore(2): at most two downloads at a time.

import asyncio

async def download(sem, n):
    async with sem:
        print(f"downloading {n}")
        await asyncio.sleep(0.2)
        print(f"finished {n}")
        return n * 10

async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*[download(sem, n) for n in range(5)])
    print(results)

asyncio.run(main())
