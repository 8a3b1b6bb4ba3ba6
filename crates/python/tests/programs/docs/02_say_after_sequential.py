import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print("started")
    await say_after(0.2, 'hello')
    await say_after(0.3, 'world')
    print("finished")

asyncio.run(main())
