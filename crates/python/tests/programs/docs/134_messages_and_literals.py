import asyncio


def total(*parts):
    return sum(parts)


async def worker(n):
    await asyncio.sleep(0.01 * n)
    return n * 10**20


async def main():
    big = await asyncio.gather(*(worker(n) for n in range(1, 4)))
    print(big, 12345678901234567890 + 1, 0xFFFF_FFFF_FFFF_FFFF_FFFF, -9223372036854775809)
    print(sum(big) // 99999999999999999999, 2**100 // 3**40)
    print(912488688764183449087 / 549512532853, 10**20 / 7, (2**60 + 1) / 3, -(10**30) / 3, 2**120 / -(10**17 + 3))
    checks = [
        lambda: total(*5),
        lambda: print(*None),
        lambda: [*3],
        lambda: (*1.5,),
        lambda: sum(["a", "b"], ""),
        lambda: "abc"[1.0],
        lambda: [1, 2]["x"],
        lambda: (1, 2)[None],
        lambda: "%f" % "x",
        lambda: "%d" % "x",
        lambda: "%x" % "x",
        lambda: int("ff", base=16) + int("z", 36) + int("0o17", 0),
        lambda: sum([0.1] * 10),
        lambda: max([]),
    ]
    for i, check in enumerate(checks):
        try:
            print(i, repr(check()))
        except (TypeError, ValueError) as e:
            print(i, type(e).__name__, e)
    lock = asyncio.Lock()
    sem = asyncio.BoundedSemaphore(2)
    q = asyncio.LifoQueue(3)
    for obj in (lock, sem, q, asyncio.Event()):
        print(type(obj).__name__, repr(obj).split(" at 0x")[0], str(q))


asyncio.run(main())
