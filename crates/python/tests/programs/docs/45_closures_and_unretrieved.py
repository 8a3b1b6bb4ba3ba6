import asyncio
import time

def make_adder(n):
    def add(x, y=0):
        return x + n + y
    return add

def describe(*args, sep=", "):
    return sep.join(str(a) for a in args)

async def fetch(i):
    await asyncio.sleep(0.05 * i)
    if i == 3:
        raise KeyError("missing")
    return {"id": i, "ok": True}

async def main():
    add5 = make_adder(5)
    print(add5(1), add5(1, y=2), describe(1, "a", None), describe(*[1, 2], sep="|"))
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty queue")
    results = []
    for i in range(1, 5):
        try:
            results.append(await fetch(i))
        except KeyError as e:
            print(f"failed: {e}")
            continue
    else:
        print("loop finished")
    print(results[-1]["id"], [r["id"] for r in results])
    n = 0
    while True:
        n += 1
        if n > 3:
            break
    print(n)
    start = time.perf_counter()
    tasks = {asyncio.create_task(fetch(i), name=f"fetch-{i}"): i for i in (1, 2)}
    for t, i in tasks.items():
        print(t.get_name(), await t, i)
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.2f}")
    t = asyncio.create_task(fetch(3))
    await asyncio.sleep(0.2)
    print(t.done(), type(t.exception()).__name__)
    t2 = asyncio.create_task(fetch(3))
    await asyncio.sleep(0.2)
    print("leaving with an unretrieved failure")

asyncio.run(main())
print("after run")
