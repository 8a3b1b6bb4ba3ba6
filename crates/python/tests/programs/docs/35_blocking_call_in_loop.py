import asyncio
import time

async def heartbeat():
    for i in range(4):
        print(f"beat {i}")
        await asyncio.sleep(0.1)

async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    print("blocking the loop")
    time.sleep(0.3)
    print("unblocked")
    await hb

asyncio.run(main())
