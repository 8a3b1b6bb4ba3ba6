# main fails while a task it holds failed too: main's traceback first, then 'Task exception was never retrieved' (the traceback keeps main's frame, and so the task, alive until it is printed).
import asyncio

async def bad():
    raise ValueError("task failed")

async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    raise KeyError("main failed")

asyncio.run(main())
