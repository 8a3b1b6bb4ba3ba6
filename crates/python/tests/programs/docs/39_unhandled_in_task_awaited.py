import asyncio

async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b

async def main():
    print(await divide(1, 2))
    task = asyncio.create_task(divide(1, 0))
    try:
        await task
    except ZeroDivisionError as e:
        print("caught:", e)
    raise RuntimeError("main gives up")

asyncio.run(main())
