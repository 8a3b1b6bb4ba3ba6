import asyncio


def on_done(fut):
    print("done:", fut)


async def work(n):
    print(f"work {n} starts")
    await asyncio.sleep(0.2 * n)
    if n == 3:
        raise ValueError(f"bad {n}")
    return n * 10


async def main():
    t = asyncio.create_task(work(1))
    print(t)
    await asyncio.sleep(0.1)
    print(t)
    t.add_done_callback(on_done)
    print(t)
    await t
    print(t)

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(on_done)
    f.add_done_callback(on_done)
    f.add_done_callback(print)
    print(f)
    f.set_result("ok")
    await asyncio.sleep(0)

    u = asyncio.create_task(work(2), name="second")
    await asyncio.sleep(0.05)
    u.cancel()
    print(u)
    try:
        await u
    except asyncio.CancelledError:
        print("cancelled:", u)

    bad = asyncio.create_task(work(3))
    await asyncio.sleep(0.7)
    print(bad)
    print(bad.exception())
    g = asyncio.gather(work(1), work(3))
    await asyncio.sleep(0)
    print(g)
    await asyncio.sleep(1)


asyncio.run(main())
