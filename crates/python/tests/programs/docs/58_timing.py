import asyncio
import time

async def tick(name, n, delay):
    for i in range(n):
        print(f"{name}: {i}")
        await asyncio.sleep(delay)

def cpu(n):
    return sum(i * i for i in range(n))

async def main():
    start = time.perf_counter()
    await asyncio.gather(tick("fast", 3, 0.1), tick("slow", 2, 0.25))
    print(f"gathered in {time.perf_counter() - start:.2f}s")
    start = time.perf_counter()
    for name, n, d in [("a", 2, 0.1), ("b", 1, 0.2)]:
        await tick(name, n, d)
    print(f"sequential in {time.perf_counter() - start:.2f}s")
    print(cpu(1000))
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.2)
    print(f"loop time advanced by {loop.time() - t0:.1f}")

asyncio.run(main())
