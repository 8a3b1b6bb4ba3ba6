# Learners' mistakes with asyncio's protocols: a list given to gather, async for over a list,
# with (not async with) on a lock, async with on a plain context manager; an exception raised
# in finally while another passes through it (a cleanup that fails when its task is
# cancelled) has that one as its context.
import asyncio


class Plain:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Half:
    def __enter__(self):
        return self


async def work():
    try:
        await asyncio.sleep(1)
    finally:
        raise RuntimeError("cleanup broke")


async def main():
    tasks = [asyncio.create_task(asyncio.sleep(0.01))]
    try:
        await asyncio.gather(tasks)
    except TypeError as e:
        print("gather:", e)
    await asyncio.gather(*tasks)
    try:
        async for x in [1, 2]:
            print(x)
    except TypeError as e:
        print("async for:", e)
    for manager in (asyncio.Lock(), asyncio.Semaphore(), Half(), 5):
        try:
            with manager:
                print("inside")
        except TypeError as e:
            print("with:", e)
    try:
        async with Plain():
            print("inside")
    except TypeError as e:
        print("async with:", e)
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        print("context:", repr(e.__context__))
    for done in (tasks[0], asyncio.get_running_loop().create_future()):
        try:
            done.results()
        except AttributeError as e:
            print(e)
    t = asyncio.create_task(work())
    await asyncio.sleep(0.01)
    t.cancel()
    await t


asyncio.run(main())
