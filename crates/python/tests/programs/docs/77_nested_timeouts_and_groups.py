import asyncio

async def step(name, d, fail=False):
    try:
        await asyncio.sleep(d)
        if fail:
            raise RuntimeError(f"{name} failed")
        print(f"{name} ok")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def group(fail_at):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("g1", 0.1))
        tg.create_task(step("g2", 0.2, fail=fail_at == 2))
    return "group done"

async def main():
    print(await asyncio.wait_for(group(None), timeout=1))
    try:
        await asyncio.wait_for(group(None), timeout=0.15)
    except TimeoutError:
        print("group timed out")
    try:
        await group(2)
    except* RuntimeError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    task = asyncio.current_task()
    print("cancelling:", task.cancelling())
    async with asyncio.timeout(0.05):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("sleep cancelled by timeout, cancelling =", task.cancelling())
            await asyncio.sleep(0.01)
            print("still inside")
            raise
    print("not reached")

try:
    asyncio.run(main())
except TimeoutError:
    print("main timed out")
