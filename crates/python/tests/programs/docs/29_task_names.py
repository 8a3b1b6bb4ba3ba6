import asyncio

async def show():
    task = asyncio.current_task()
    print(f"running in {task.get_name()}")
    await asyncio.sleep(0.1)
    return task.get_name()

async def main():
    print(asyncio.current_task().get_name())
    t1 = asyncio.create_task(show())
    t2 = asyncio.create_task(show(), name="custom")
    t3 = asyncio.create_task(show())
    print(len(asyncio.all_tasks()))
    print(await asyncio.gather(t1, t2, t3))
    t3.set_name("renamed")
    print(t3.get_name())

asyncio.run(main())
