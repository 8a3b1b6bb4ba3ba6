# asyncio.timeout(): the block is cancelled when its time is up, and finally still runs.

import asyncio

async def long_running_task():
    try:
        await asyncio.sleep(10)
    finally:
        print("long task cleaned up")

async def main():
    try:
        async with asyncio.timeout(0.2):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")

asyncio.run(main())
