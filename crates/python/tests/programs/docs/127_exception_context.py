import asyncio


async def fetch(url):
    await asyncio.sleep(0.1)
    if "bad" in url:
        raise ConnectionError(f"cannot reach {url}")
    return f"<html of {url}>"


async def fetch_with_fallback(url, fallback):
    try:
        return await fetch(url)
    except ConnectionError:
        try:
            return await fetch(fallback)
        except ConnectionError as second:
            print("second failure:", second)
            print("  while handling:", repr(second.__context__))
            raise


async def main():
    print(await fetch_with_fallback("bad.example", "good.example"))
    try:
        await fetch_with_fallback("bad.one", "bad.two")
    except ConnectionError as e:
        print("gave up:", e, "| context:", e.__context__)

    try:
        {}["missing"]
    except KeyError:
        try:
            int("x")
        except ValueError as inner:
            print("inner context:", repr(inner.__context__))

    try:
        try:
            raise KeyError("k")
        except KeyError as k:
            raise RuntimeError("wrapped") from k
    except RuntimeError as r:
        print(repr(r.__cause__), repr(r.__context__), r.__suppress_context__)

    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("no context") from None
    except ValueError as v:
        print(v.__cause__, repr(v.__context__), v.__suppress_context__)

    task = asyncio.create_task(fetch_with_fallback("bad.a", "bad.b"))
    await asyncio.sleep(0.5)
    print(type(task.exception()).__name__, type(task.exception().__context__).__name__)
    try:
        raise ValueError("outer")
    except ValueError:
        raise TypeError("during handling")


asyncio.run(main())
