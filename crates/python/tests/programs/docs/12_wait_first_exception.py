import asyncio

async def ok(n):
    await asyncio.sleep(n / 10)
    return n

async def bad():
    await asyncio.sleep(0.2)
    raise ValueError("bad thing")

async def main():
    tasks = [asyncio.create_task(ok(1)), asyncio.create_task(bad()), asyncio.create_task(ok(4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    for t in tasks:
        if t.done() and t.exception():
            print("failed with", repr(t.exception()))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
