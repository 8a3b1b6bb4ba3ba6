# Calls with arguments missing or unexpected: the loop's methods (written in Python in
# Lib/asyncio, so their messages are those of Python functions) and the program's own
# functions, whose missing parameters are listed as CPython lists them.
import asyncio
from concurrent.futures import ThreadPoolExecutor


def box(width, height, depth):
    return width * height * depth


def label(*, text, color):
    return f"{text} in {color}"


def both(a, b, *, c):
    return a + b + c


async def main():
    loop = asyncio.get_running_loop()
    attempts = [
        lambda: loop.call_soon(),
        lambda: loop.call_soon(print, "x", end=" "),
        lambda: loop.call_later(),
        lambda: loop.call_later(1),
        lambda: loop.call_later(0.1, print, "y", sep="-"),
        lambda: loop.call_at(),
        lambda: loop.run_in_executor(),
        lambda: loop.run_in_executor(None),
        lambda: loop.run_in_executor(None, print, "z", end=""),
        lambda: loop.time(1),
        lambda: loop.create_future(1),
        lambda: box(),
        lambda: box(1),
        lambda: box(1, 2),
        lambda: label(),
        lambda: label(text="a"),
        lambda: both(),
        lambda: both(1, 2),
    ]
    for attempt in attempts:
        try:
            attempt()
            print("accepted")
        except TypeError as e:
            print(e)
    loop.call_soon(print, "soon", context=None)
    loop.call_later(0.1, print, "later", context=None)
    print(await loop.run_in_executor(None, box, 2, 3, 4))
    await asyncio.sleep(0.2)
    with ThreadPoolExecutor() as pool:
        try:
            pool.submit()
        except TypeError as e:
            print(e)


asyncio.run(main())
