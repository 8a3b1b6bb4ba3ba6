import asyncio


async def measure(name, delay):
    await asyncio.sleep(delay)
    return round(delay * 100)


async def main():
    names = ["a", "b", "c"]
    results = await asyncio.gather(*(measure(n, d) for n, d in zip(names, [0.3, 0.1, 0.2], strict=True)))
    table = dict(zip(names, results, strict=True))
    print(table)
    print(list(reversed(table)), list(reversed(table.values())), list(reversed(table.items())))
    print(type(reversed(table.keys())).__name__, type(reversed(table.values())).__name__,
          type(reversed(table.items())).__name__)
    for bad in ([1, 2], [1, 2, 3, 4]):
        try:
            list(zip(names, bad, strict=True))
        except ValueError as e:
            print("ValueError:", e)
    try:
        list(zip([1, 2], [1, 2], [1], strict=True))
    except ValueError as e:
        print("ValueError:", e)
    print(list(zip([1], [2, 3])), list(zip(strict=True)))


asyncio.run(main())
