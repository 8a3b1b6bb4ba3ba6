import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

def cpu_bound(n):
    print(f"worker got {n}", flush=True)
    time.sleep(0.2)
    return sum(i * i for i in range(n))

async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, cpu_bound, n) for n in (10, 100)))
    print(results)

if __name__ == "__main__":
    asyncio.run(main())
