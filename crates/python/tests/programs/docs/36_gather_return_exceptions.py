import asyncio

class FetchError(Exception):
    pass

async def fetch(n):
    await asyncio.sleep(n / 10)
    if n % 2 == 0:
        raise FetchError(f"fetch {n} failed")
    return n

async def main():
    results = await asyncio.gather(*(fetch(n) for n in range(1, 5)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("ok:", r)
    try:
        await asyncio.gather(fetch(2), fetch(3))
    except FetchError as e:
        print("first error:", e)
    await asyncio.sleep(0.2)

asyncio.run(main())
