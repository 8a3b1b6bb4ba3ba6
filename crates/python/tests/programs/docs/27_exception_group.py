import asyncio

async def fail(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"failure {n}")

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1))
            tg.create_task(slow())
    except* ValueError as eg:
        for e in eg.exceptions:
            print("caught", repr(e))
    print("after the group")

asyncio.run(main())
