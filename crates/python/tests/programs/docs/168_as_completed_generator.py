# asyncio.as_completed is a generator, as in 3.11's tasks.py: nothing happens until it is first
# asked for an item (then tasks are made of the coroutines given), each _wait_for_one()
# coroutine is made when asked for, a TypeError for a bad argument comes then, and one never
# iterated leaves its coroutines never awaited; a timeout leaves no coroutine unawaited.
import asyncio

async def f(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    it = asyncio.as_completed([f(2), f(1)])
    print(it.__class__.__name__, len(asyncio.all_tasks()))
    c = next(it)
    print(len(asyncio.all_tasks()), c.__qualname__ if hasattr(c, "__qualname__") else "")
    print(await c)
    for c in it:
        print(await c)
    g = asyncio.as_completed(5)
    try:
        next(g)
    except TypeError as e:
        print("TypeError:", e)
    print(list(g))
    for c in asyncio.as_completed([]):
        print("never")
    try:
        for c in asyncio.as_completed([f(1), f(5)], timeout=0.3):
            print("got", await c)
    except TimeoutError:
        print("timed out")
    unused = asyncio.as_completed([f(3)])
    del unused

asyncio.run(main())
