import asyncio

def ratio(a, b):
    return a / b

async def fetch(n):
    await asyncio.sleep(0.05)
    return {"id": n}["name"]

async def main():
    values = {"a": 1, "b": 0}
    try:
        print(ratio(values["a"], values["b"]) + 1)
    except ZeroDivisionError as e:
        print("caught", e)
    squares = [v * v for v in range(3)]
    print(squares, (n for n in squares).__name__)
    task = asyncio.create_task(fetch(1))
    await asyncio.sleep(0.1)
    del task
    total = sum(10 // n for n in [2, 1, 0])
    print(total)

asyncio.run(main())
