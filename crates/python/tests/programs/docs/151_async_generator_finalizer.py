# An asynchronous generator is hooked by asyncio when first asked (anext, asend...): dropped unfinished, it is closed by a task of its own, whose number the next tasks skip.
import asyncio

async def agen():
    print("body ran")
    yield 1

async def main():
    g = agen()
    try:
        await g.asend(5)
    except TypeError as e:
        print(e)
    del g
    await asyncio.sleep(0)
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name())
    h = agen()
    aw = anext(h)
    del aw, h
    await asyncio.sleep(0)
    print(asyncio.create_task(asyncio.sleep(0)).get_name())
    k = agen()
    print(await anext(k))
    del k
    await asyncio.sleep(0)
    print(asyncio.create_task(asyncio.sleep(0)).get_name())

asyncio.run(main())
