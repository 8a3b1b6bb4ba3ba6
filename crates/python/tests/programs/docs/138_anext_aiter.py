import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0.05)
        return self.n

async def main():
    agen = ticks(3)
    print(await anext(agen))
    print(await anext(agen, "none"))
    print(await anext(agen))
    print(await anext(agen, "done"))
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("exhausted")
    c = Countdown(2)
    it = aiter(c)
    print(it is c)
    print(await anext(it), await anext(it), await anext(it, -1))
    try:
        aiter([1, 2])
    except TypeError as e:
        print("TypeError:", e)
    try:
        anext([1, 2])
    except TypeError as e:
        print("TypeError:", e)
    first = await asyncio.wait_for(anext(ticks(5)), timeout=1)
    print("first", first)
    t = asyncio.create_task(anext(ticks(2)))
    print(await t)

asyncio.run(main())
