import asyncio

async def slow(n):
    try:
        await asyncio.sleep(n)
        return n
    finally:
        print("cleanup", n)

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.3
    for n in (0.1, 0.2, 0.5):
        try:
            async with asyncio.timeout_at(deadline) as cm:
                print(await slow(n))
        except TimeoutError:
            print("deadline passed at", n, cm.expired())
    async with asyncio.timeout_at(None) as cm:
        await asyncio.sleep(0.1)
        print(cm.when())
        cm.reschedule(loop.time() + 0.05)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise

try:
    asyncio.run(main())
except TimeoutError:
    print("main timed out")
