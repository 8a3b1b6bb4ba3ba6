# asend, athrow and aclose of asynchronous generators; send, throw and close of generators.
import asyncio


def counter():
    n = 0
    while True:
        try:
            got = yield n
            print("got", got)
            n += 1
        except ValueError as e:
            print("counter caught", e)
            n = 100


async def echo():
    value = None
    try:
        while True:
            try:
                value = yield value
                print("echo received", value)
            except KeyError as e:
                print("echo caught", repr(e))
                value = "recovered"
    finally:
        print("echo cleaning up")
        await asyncio.sleep(0.1)
        print("echo cleaned")


async def main():
    c = counter()
    print(next(c), c.send("a"), c.throw(ValueError("reset")), next(c))
    c.close()
    fresh = counter()
    try:
        fresh.throw(RuntimeError, )
    except RuntimeError as e:
        print("fresh generator raised", repr(e))
    print(next(fresh, "done"))

    e = echo()
    print(await e.asend(None))
    print(await e.asend(1))
    print(await e.athrow(KeyError("k")))
    print(await e.asend(2))
    await e.aclose()
    print("closed")
    await e.aclose()
    try:
        await e.asend(3)
    except StopAsyncIteration:
        print("StopAsyncIteration after close")

    unstarted = echo()
    await unstarted.aclose()
    try:
        await anext(unstarted)
    except StopAsyncIteration:
        print("unstarted closed: nothing ran")
    e2 = echo()
    try:
        await e2.asend(5)
    except TypeError as err:
        print("TypeError:", err)
    try:
        await echo().athrow(ValueError("early"))
    except ValueError as err:
        print("early:", err)


asyncio.run(main())
