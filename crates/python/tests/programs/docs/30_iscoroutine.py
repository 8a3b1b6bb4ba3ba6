import asyncio

async def coro_func():
    return 1

def plain():
    return 2

async def main():
    c = coro_func()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(plain()))
    print(asyncio.iscoroutinefunction(coro_func), asyncio.iscoroutinefunction(plain))
    print(await c)
    t = asyncio.create_task(coro_func())
    print(asyncio.iscoroutine(t), isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    await t

asyncio.run(main())
