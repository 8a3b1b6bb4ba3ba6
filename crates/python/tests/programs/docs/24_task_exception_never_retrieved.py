import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("something went wrong")

async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.2)
    print("main is done")

asyncio.run(main())
