# A frame left by an exception lives as long as the exception: a task held there is reported when the exception goes.
import asyncio

async def bad():
    raise ValueError("task failed")

async def helper():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    raise KeyError("helper failed")

def sync_helper(items):
    copy = list(items)
    return copy[10]

async def main():
    try:
        await helper()
    except KeyError as e:
        print("caught", e)
    print("after")
    try:
        sync_helper([1, 2])
    except IndexError:
        print("index error")
    err = None
    try:
        await helper()
    except KeyError as e:
        err = e
    print("kept the error")
    await asyncio.sleep(0.1)
    print("still kept")
    err = None
    print("dropped it")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
