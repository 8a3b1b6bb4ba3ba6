import asyncio

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    q.put_nowait(None)
    while (item := await q.get()) is not None:
        print("item", item)
    data = [1, 5, 12, 7]
    if (n := len(data)) > 3:
        print(f"{n} items")
    print([y for x in data if (y := x * 2) > 5], y)

def outer():
    if (found := 42):
        def inner():
            return found + 1
        return inner()

print(outer())
asyncio.run(main())
