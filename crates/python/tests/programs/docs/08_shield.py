import asyncio

async def something():
    print("something started")
    await asyncio.sleep(0.3)
    print("something finished")
    return "result"

async def main():
    task = asyncio.create_task(something())
    try:
        res = await asyncio.wait_for(asyncio.shield(task), timeout=0.1)
    except TimeoutError:
        print("timed out, but the task goes on")
    print(await task)

asyncio.run(main())
