import asyncio

async def fetch(n, delay):
    await asyncio.sleep(delay)
    return f"page {n}"

async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [(1, 0.3), (2, 0.1), (3, 0.2)]]
    for coro in asyncio.as_completed(tasks):
        earliest = await coro
        print(earliest)

asyncio.run(main())
