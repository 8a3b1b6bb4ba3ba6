# A generator's life: closed when it is dropped unfinished (its finally runs at once, or on
# the loop's next step for an asynchronous one), its type and repr, and asking it for an
# item from its own body.
import asyncio


def numbers(tag):
    try:
        yield 1
        yield 2
    finally:
        print("closed", tag)


def stubborn():
    try:
        yield 1
    finally:
        yield 2


def reenter():
    yield next(me)


async def ticks():
    try:
        yield 1
        await asyncio.sleep(0.1)
        yield 2
    finally:
        print("ticks closed")


async def main():
    for x in numbers("by break"):
        print("got", x)
        break
    print("after the loop")
    unused = numbers("never started")
    del unused
    h = numbers("by rebinding")
    print(next(h))
    h = None
    print("after rebinding")
    print(sum(numbers("exhausted")))
    print(type(numbers("t")).__name__, type(x for x in []).__name__, type(iter([])).__name__)
    kinds = [enumerate([]), zip(), map(str, []), reversed([1]), iter(range(3)), iter("ab"),
             iter({}), reversed("ab"), iter((1,)), iter({1})]
    print([type(k).__name__ for k in kinds])
    print(repr(numbers("r")).split(" at ")[0])
    print(repr(x for x in []).split(" at ")[0])
    s = stubborn()
    next(s)
    del s
    print("after stubborn")
    global me
    me = reenter()
    try:
        next(me)
    except ValueError as e:
        print("ValueError:", e)
    async for v in ticks():
        print("tick", v)
        break
    print("after async for")
    await asyncio.sleep(0)
    print("end")


print(repr(x for x in []).split(" at ")[0])
asyncio.run(main())
