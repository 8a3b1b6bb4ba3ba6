import asyncio

async def main():
    count = 0
    results = []

    async def worker(n):
        nonlocal count
        await asyncio.sleep(n / 10)
        count += 1
        results.append(n)

    def make_counter():
        total = 0
        def inc():
            nonlocal total
            total += 1
            return total
        return inc

    await asyncio.gather(*(worker(n) for n in (3, 1, 2)))
    c = make_counter()
    c()
    print(count, results, c())

asyncio.run(main())
