import asyncio
import time

def blocking(n):
    time.sleep(0.1)
    return n * 2

async def main():
    loop = asyncio.get_event_loop()
    result = await loop.run_in_executor(None, blocking, 21)
    print(result, loop is asyncio.get_running_loop())

asyncio.run(main())
