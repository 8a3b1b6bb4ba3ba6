# Every value's __class__ is its type, as type(v) gives it.
import asyncio

async def job():
    return 1

async def main():
    t = asyncio.create_task(job())
    items = [[], (1,), {}, set(), "s", 3, 2.5, True, None, range(2), job, len, iter([1]), (x for x in [1]), {1: 2}.keys(), t]
    print([v.__class__.__name__ for v in items])
    print([1].__class__ is list, "a".__class__ is str, (3).__class__ is int, t.__class__.__name__)
    await t

asyncio.run(main())
