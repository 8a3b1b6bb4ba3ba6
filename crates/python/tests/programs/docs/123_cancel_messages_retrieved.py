import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "cleans up")


async def main():
    t = asyncio.create_task(child("t"))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await gives", e.args)
    for _ in range(2):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("result gives", e.args)

    f = asyncio.get_running_loop().create_future()
    f.cancel("future message")
    for _ in range(2):
        try:
            f.result()
        except asyncio.CancelledError as e:
            print("future gives", e.args)

    g = asyncio.gather(child("g1"), child("g2"))
    await asyncio.sleep(0)
    g.cancel("gather message")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather gives", e.args, g)

    a = asyncio.create_task(asyncio.sleep(1))
    b = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    a.cancel()
    b.cancel("msg")
    print(await asyncio.gather(a, b, return_exceptions=True))


asyncio.run(main())
