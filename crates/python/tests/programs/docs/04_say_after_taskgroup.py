import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(0.2, 'hello'))
        task2 = tg.create_task(say_after(0.3, 'world'))
        print("started")
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")

asyncio.run(main())
