import asyncio


def make_counter_class(start):
    class Counter:
        def __init__(self):
            self.n = start

        @property
        def value(self):
            return self.n

        async def tick(self, delay):
            await asyncio.sleep(delay)
            self.n += 1
            return self.n

    return Counter


async def main():
    Counter = make_counter_class(10)
    c = Counter()
    print(Counter.__name__, Counter.__qualname__, Counter.tick.__qualname__)
    task = asyncio.create_task(c.tick(0.1), name="ticker")
    coro = task.get_coro()
    print(coro.__name__, coro.__qualname__, task.get_name())
    print(await task, c.value)
    try:
        c.value = 5
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        c.missing
    except AttributeError as e:
        print("AttributeError:", e)

    class LocalError(Exception):
        pass

    print(repr(LocalError("x")), LocalError.__qualname__)
    raise LocalError("boom")


asyncio.run(main())
