import asyncio


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def squares(xs):
    for x in xs:
        if x < 0:
            raise ValueError(f"negative: {x}")
        yield x * x
    return "done"


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


async def mygen(u: int = 10):
    """Yield powers of 2."""
    i = 0
    while i < u:
        yield 2 ** i
        i += 1
        await asyncio.sleep(0.01)


async def ticker(name, n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield f"{name}{i}"
        print(name, "exhausted")
    finally:
        print(name, "closed")


async def failing():
    yield 1
    raise KeyError("in the generator")


async def consume(name, n, delay):
    async for tick in ticker(name, n, delay):
        print("got", tick)
        if tick == "b1":
            break


async def main():
    firsts = []
    for x in fib():
        if len(firsts) == 10:
            break
        firsts.append(x)
    print(firsts, sum(squares([1, 2, 3])), list(squares([])), max(squares([3, 1])))
    try:
        list(squares([1, -2]))
    except ValueError as e:
        print("ValueError:", e)
    g = squares([4, 5])
    print(next(g), next(g), next(g, "end"))
    print(list(chunks("abcdefg", 3)), list(zip(fib(), "abc")), dict(enumerate(chunks("xyz", 1))))
    powers = [i async for i in mygen()]
    some = [j async for j in mygen() if not (j // 3 % 5)]
    print(powers, some)
    await asyncio.gather(consume("a", 3, 0.1), consume("b", 4, 0.17))
    try:
        async for x in failing():
            print("failing gave", x)
    except KeyError as e:
        print("KeyError:", e)
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(consume("c", 2, 0.05))
    print(task.done(), {k: v async for k, v in pairs(3)})


async def pairs(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i, i * i


asyncio.run(main())
