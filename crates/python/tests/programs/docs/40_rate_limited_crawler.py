import asyncio
import time

URLS = [f"https://example.com/{i}" for i in range(6)]

async def fetch(url, sem, started):
    async with sem:
        t = time.perf_counter() - started
        print(f"fetch {url[-1]} at {t:.1f}")
        await asyncio.sleep(0.2)
        return len(url)

async def main():
    sem = asyncio.Semaphore(3)
    started = time.perf_counter()
    tasks = [asyncio.create_task(fetch(u, sem, started)) for u in URLS]
    sizes = await asyncio.gather(*tasks)
    print(sum(sizes), f"in {time.perf_counter() - started:.1f} s")

if __name__ == "__main__":
    asyncio.run(main())
