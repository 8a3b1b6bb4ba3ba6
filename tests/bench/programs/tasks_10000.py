import asyncio


async def job(k):
    await asyncio.sleep(0.01)
    return k


async def main():
    tasks = [asyncio.create_task(job(k)) for k in range(10_000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))


asyncio.run(main())
