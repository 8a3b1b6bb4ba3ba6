import asyncio

async def bad_cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleaning up badly")
        raise ValueError("cleanup failed")

async def good_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0.1)
        print("cleaned up after a sleep")

async def main():
    asyncio.create_task(bad_cleanup())
    asyncio.create_task(good_cleanup())
    await asyncio.sleep(0.1)
    print("main ends")

asyncio.run(main())
print("after run")
