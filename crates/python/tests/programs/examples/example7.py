# example7.py: asyncio.gather() and asyncio.TaskGroup run coroutines together and
# hand back their results in the order they were given.

import asyncio


async def fetch_data(param):
    print(f"Do something with {param}...")
    await asyncio.sleep(param)
    print(f"Done with {param}")
    return f"Result of {param}"


async def main():
    # Gather
    coroutines = [fetch_data(i / 10) for i in range(1, 4)]
    results = await asyncio.gather(*coroutines, return_exceptions=True)
    print(f"Coroutine Results: {results}")

    tasks = [asyncio.create_task(fetch_data(i / 10)) for i in range(1, 4)]
    results = await asyncio.gather(*tasks)
    print(f"Task Results: {results}")

    # Task Groups
    async with asyncio.TaskGroup() as tg:
        results = [tg.create_task(fetch_data(i / 10)) for i in range(1, 4)]
        print("Awaiting the task group")
    print(f"Task Group Results: {[result.result() for result in results]}")


asyncio.run(main())
