import asyncio
import time

def blocking_io():
    print("start blocking_io")
    time.sleep(0.3)
    print("blocking_io complete")
    return "io result"

async def main():
    print("started main")
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.sleep(0.1))
    print(result)
    print("finished main")

asyncio.run(main())
