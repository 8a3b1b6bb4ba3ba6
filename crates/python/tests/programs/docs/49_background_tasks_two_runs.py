import asyncio

background_tasks = set()

async def some_coro(param):
    await asyncio.sleep(0.1 * param)
    print("finished", param)
    return param

async def main():
    for i in range(3):
        task = asyncio.create_task(some_coro(param=i))
        background_tasks.add(task)
        task.add_done_callback(background_tasks.discard)
    print(len(background_tasks))
    await asyncio.sleep(0.35)
    print(len(background_tasks))

asyncio.run(main())
asyncio.run(main())
print("two runs done")

async def first():
    await asyncio.sleep(0.1)
    return "first"

print(asyncio.run(first()))
