import asyncio

async def fetch_data():
    print("fetching")
    await asyncio.sleep(0.1)
    return 1

async def main():
    fetch_data()
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
