import asyncio


async def job(k):
    await asyncio.sleep(0.01 * (k % 3))
    return k


async def slow_or_quick(k):
    await asyncio.sleep(0 if k % 2 == 0 else 1)
    return k


async def noisy(name):
    print("start", name)
    await asyncio.sleep(0)
    print("end", name)
    return name


async def main():
    # Many tasks at once: the results keep the arguments' order.
    tasks = [asyncio.create_task(job(k)) for k in range(5_000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results), results[:3], results[-3:])

    # The same task and the same coroutine twice: each runs once, its result appears twice.
    t = asyncio.create_task(noisy("t"))
    c = noisy("c")
    print(await asyncio.gather(t, c, t, c, noisy("d")))

    # A future already done: its callback runs before the new task's first step.
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError("early"))
    try:
        await asyncio.gather(f, noisy("late"))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.1)

    g = loop.create_future()
    g.set_result(7)
    print(await asyncio.gather(g, g, noisy("x"), f, return_exceptions=True))

    # Cancelling a gather of many cancels the children still running.
    many = [asyncio.create_task(slow_or_quick(k)) for k in range(2_000)]
    outer = asyncio.gather(*many)
    await asyncio.sleep(0.1)
    print("cancel:", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("cancelled", sum(t.cancelled() for t in many), "done", sum(t.done() for t in many))


asyncio.run(main())
