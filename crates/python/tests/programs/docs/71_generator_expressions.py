import asyncio

def noisy(x):
    print("computing", x)
    return x * x

g = (noisy(i) for i in range(3) if i != 1)
print("before")
print(next(g))
print(list(g))
print(sum(x for x in range(10 ** 5)), max(len(w) for w in "a bb ccc".split()))
nested = list(x * y for x in range(3) for y in range(2))
print(nested, any(x > 3 for x in [1, 5]), sorted((v for v in {3: 1, 1: 2}), reverse=True))

async def fetch(i):
    await asyncio.sleep(0.01 * i)
    return i

async def main():
    print(await asyncio.gather(*(fetch(i) for i in range(4))))
    gen = (fetch(i) for i in range(2))
    print("gen made")
    for c in gen:
        print(await c)

asyncio.run(main())
