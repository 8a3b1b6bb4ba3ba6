import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(0.2)
    print('... World!')

asyncio.run(main())
