import asyncio


async def main():
    print("Hello from asyncio")
    await asyncio.sleep(1)
    print("One second later")


asyncio.run(main())
