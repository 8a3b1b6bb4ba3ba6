import asyncio

async def load(key):
    await asyncio.sleep(0.01)
    return {"a": 1}[key]

async def main():
    try:
        await load("b")
    except KeyError as e:
        print("handling", repr(e))
        raise ValueError("could not load") from None

async def main2():
    try:
        await load("b")
    except KeyError:
        return int("x")

try:
    asyncio.run(main())
except ValueError as e:
    print("outer", e, e.__cause__, e.__suppress_context__)
asyncio.run(main2())
