import asyncio
import random

random.seed(7)


async def measure(name, delay):
    await asyncio.sleep(delay)
    return name, round(delay * 100)


async def main():
    names = ["ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"]
    delays = [random.randint(1, 5) / 100 for _ in names]
    results = await asyncio.gather(*(measure(n, d) for n, d in zip(names, delays)))
    print(sorted(results, key=lambda r: r[1]))
    print(sorted(results, key=lambda r: r[1], reverse=True))
    by_score = list(results)
    by_score.sort(key=lambda r: (-r[1], r[0]))
    print(by_score[:3])
    print(sorted(name for name, _ in results))
    print(sorted([3, 1, 2], reverse=True), sorted("asyncio"))
    for bad in ([3, "a", 1], [1, 2, None], ["b", 2.5, "a", 1]):
        try:
            sorted(bad)
        except TypeError as e:
            print("TypeError:", e)
        try:
            sorted(bad, reverse=True)
        except TypeError as e:
            print("reversed TypeError:", e)
        for reverse in (False, True):
            partly = [5, 3, 4] + bad + [0]
            try:
                partly.sort(reverse=reverse)
            except TypeError:
                print("left as", partly)
    mixed = [random.randint(0, 9) for _ in range(80)] + ["x"]
    try:
        mixed.sort()
    except TypeError as e:
        print("long list TypeError:", e)


asyncio.run(main())
