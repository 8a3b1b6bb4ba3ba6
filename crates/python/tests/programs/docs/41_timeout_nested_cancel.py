import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def main():
    try:
        async with asyncio.timeout(0.1) as cm:
            await inner()
    except TimeoutError:
        print("timed out:", cm.expired())
    task = asyncio.create_task(inner())
    await asyncio.sleep(0.1)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)

asyncio.run(main())
