import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("inside", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print(e)
    print(..., [...])

asyncio.run(main())
