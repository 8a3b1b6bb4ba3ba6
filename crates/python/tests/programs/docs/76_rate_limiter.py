import asyncio
import sys

class RateLimiter:
    def __init__(self, per_second):
        self.sem = asyncio.Semaphore(per_second)
        self.calls = 0

    async def __aenter__(self):
        await self.sem.acquire()
        self.calls += 1
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.1)
        self.sem.release()

async def call_api(limiter, i):
    async with limiter:
        print(f"call {i} (calls so far: {limiter.calls})")
        if i == 3:
            print(f"warning: call {i} is slow", file=sys.stderr)
        return i * i

async def main():
    limiter = RateLimiter(2)
    results = await asyncio.gather(*(call_api(limiter, i) for i in range(5)))
    print("results:", results)
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.1)
    print("expired?", cm.expired())
    try:
        async with asyncio.timeout(0.05):
            await asyncio.gather(*(call_api(limiter, i) for i in range(10, 14)))
    except TimeoutError:
        print("batch timed out; calls:", limiter.calls)

asyncio.run(main())
