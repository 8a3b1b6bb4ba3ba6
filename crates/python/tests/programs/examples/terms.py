# terms.py: coroutine, task and future, the vocabulary of asyncio. Comment out and
# uncomment pieces (Ctrl+/ toggles comments) and run it again to see what changes.

import asyncio


async def fetch_data(param):
    print(f"Do something with {param}...")
    await asyncio.sleep(param)
    print(f"Done with {param}")
    return f"Result of {param}"


async def main():
    # Coroutine: calling an async function only creates a coroutine object
    coroutine_obj = fetch_data(1)
    print(type(coroutine_obj))
    print(asyncio.iscoroutine(coroutine_obj))
    result = await coroutine_obj
    print(result)

    # Task: wraps a coroutine and schedules it on the event loop
    task = asyncio.create_task(fetch_data(1))
    print(task.done())
    result = await task
    print(result, task.done())

    # Future: a low-level awaitable that holds a state
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(1, future.set_result, "Future result")
    result = await future
    print(result)


asyncio.run(main())
