import asyncio


async def main():
    total = sum(i * i for i in range(1_000_000))
    print(total)


asyncio.run(main())
