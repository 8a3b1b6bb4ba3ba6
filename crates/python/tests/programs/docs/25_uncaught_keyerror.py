import asyncio

async def lookup(data, key):
    await asyncio.sleep(0.1)
    return data[key]

async def main():
    data = {"present": 1}
    print(await lookup(data, "present"))
    print(await lookup(data, "missing"))

asyncio.run(main())
