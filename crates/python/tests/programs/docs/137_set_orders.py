import asyncio
import random

random.seed(7)


async def collect(ids, delay):
    await asyncio.sleep(delay)
    return set(ids)


async def main():
    seen, fresh = await asyncio.gather(collect([82, 101, 38], 0.1), collect([64, 33, 3, 100, 20, 10], 0.2))
    print(seen, seen | {1, 2}, {1, 2} | seen, seen.union({1, 2}), seen.copy())
    print(fresh, set(fresh), {64, 33, 3, 100, 20, 10}, {5, 1, 3}, fresh | seen)
    t = {64, 33, 3, 100, 20, 10}
    t.add(17)
    t.update({7, 8})
    print(t, {x for x in [64, 33, 3, 100, 20, 10]})
    for n in range(3, 12):
        s = set(random.sample(range(200), n))
        c = set(s)
        c.add(999)
        print(n, s, c, set(c), s | {1, 2}, s.copy())


asyncio.run(main())
