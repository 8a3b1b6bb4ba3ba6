import asyncio

async def work(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    tasks = [asyncio.create_task(work(n), name=f"work-{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", [t.result() for t in done])
    print("pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print("all done:", sorted(t.result() for t in done), len(pending))

asyncio.run(main())
