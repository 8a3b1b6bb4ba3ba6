import asyncio

async def work(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    tasks = [asyncio.create_task(work(n)) for n in range(1, 6)]
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
