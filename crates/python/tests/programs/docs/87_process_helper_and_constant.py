import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

SCALE = 3
NAMES = {1: "one", 2: "two", 3: "three"}


def square(x):
    return x * x


def work(n):
    print(f"process works on {n}", flush=True)
    time.sleep(0.1 * n)
    return f"{NAMES[n]}: {square(n) * SCALE}"


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, work, n) for n in (1, 2, 3)]
        for result in await asyncio.gather(*futures):
            print(result)


if __name__ == "__main__":
    asyncio.run(main())
