import asyncio


async def report(name, delay):
    await asyncio.sleep(delay)
    return name, round(delay * 1000)


async def main():
    results = await asyncio.gather(*(report(n, d) for n, d in [("a", 0.012), ("b", 0.0345), ("c", 0.1)]))
    for name, ms in results:
        print(f"{name}: {ms:_} ms, {ms:#x} {ms:#06x} {ms:#b} {ms:#o} {-ms:#X} {ms * 10**6:_}")
        print(f"  {ms * 123456:,} {ms / 7:_.3f} {0xDEADBEEF:_x} {ms:>+8} {ms:=+8}")
    for name, ms in results:
        print("%-4s|%5d ms|%-6.2f|%#x|%+d|%05.1f|%c%%" % (name, ms, ms / 7, ms, ms, ms / 3, 65 + ms % 26))
        print("%s took %s ms; %*d; %r; %.2e; %G" % (name, ms, 6, ms, name, ms * 1e6, ms * 1e20))
    print("%(who)s waited %(ms)d ms" % {"who": "main", "ms": 12})
    for template, values in [("%d", "x"), ("%x", 1.5), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", {"j": 1})]:
        try:
            print(template % values)
        except (TypeError, KeyError) as e:
            print(type(e).__name__, e)
    t = tuple(ms for _, ms in results) + (12,)
    print(t.count(12), t.index(100), (100).bit_length(), (-8).bit_length(), f"{1e20:G} {float('inf'):F}")
    for a, b in [("x", "y"), ([1], 2.5), (1.5, "ab"), ((1,), [2])]:
        try:
            print(a * b)
        except TypeError as e:
            print("TypeError:", e)
    print(pow(3, 4, 5), pow(10, 20, 7), pow(2, 100, 1_000_007), pow(3, 4, -5), pow(7, 0, 1))
    print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -3), round(99, -1))
    seen, wanted = {"a", "b"}, {"a", "b", "c"}
    print(seen <= wanted, seen < wanted, wanted >= seen, seen > seen, seen >= seen, set() < seen)
    for deadline in (0, -1):
        try:
            async with asyncio.timeout(deadline):
                await asyncio.sleep(0)
            print("no timeout")
        except TimeoutError:
            print("expired at once:", deadline)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired later")


asyncio.run(main())
