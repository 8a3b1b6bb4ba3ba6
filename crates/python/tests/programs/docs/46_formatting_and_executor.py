import asyncio
import time

total = 0

async def compute(i):
    global total
    await asyncio.sleep(0.01 * (3 - i))
    total += i
    return i * i

def risky(kind):
    if kind == 1:
        raise ValueError("bad value")
    if kind == 2:
        raise TypeError("bad type")
    return "fine"

def with_finally():
    try:
        return "from try"
    finally:
        print("finally runs")

async def main():
    tasks = [asyncio.create_task(compute(i)) for i in range(3)]
    for t in tasks:
        result = await t
        print("result", result, end="; ")
    print()
    print("total", total, *[1, 2, 3], sep=" | ")
    for k in range(3):
        try:
            print(risky(k))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, "->", e)
    try:
        try:
            risky(1)
        except ValueError:
            print("re-raising")
            raise
    except Exception as e:
        print("outer caught", repr(e))
    print(with_finally())
    d = {"k": [1, 2], "n": "name"}
    print(f"{d['k'][0]} and {d['n'].upper()!r} {len(d):03}")
    print("{} + {} = {total}".format(1, 2, total=3), "{0}{1}{0}".format("a", "b"))
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, risky, 0)
    print(r)
    t0 = time.time()
    await asyncio.sleep(0.1)
    print(round(time.time() - t0, 1))
    pending = [compute(5), compute(6)]
    return "main result"

print(asyncio.run(main()))
