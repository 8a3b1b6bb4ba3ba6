import asyncio

async def main():
    value = await asyncio.sleep(0.1, result="done sleeping")
    print(value)
    values = await asyncio.gather(*(asyncio.sleep(i / 10, result=i) for i in range(4)))
    print(values)

asyncio.run(main())
