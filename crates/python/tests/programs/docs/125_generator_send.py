import asyncio


def running_average():
    total = 0.0
    count = 0
    average = None
    try:
        while True:
            value = yield average
            total += value
            count += 1
            average = total / count
    finally:
        print(f"averager closed after {count} values")


def countdown(n):
    while n > 0:
        reply = yield n
        if reply == "skip":
            n -= 1
        n -= 1
    return "liftoff"


async def sensor(name, readings, averager, delay):
    for r in readings:
        await asyncio.sleep(delay)
        print(f"{name} read {r}: average now {averager.send(r):.2f}")


async def main():
    avg = running_average()
    next(avg)
    await asyncio.gather(
        sensor("left", [10, 12, 11], avg, 0.1),
        sensor("right", [20, 18], avg, 0.15),
    )
    avg.close()
    avg.close()

    c = countdown(5)
    print(c.send(None), c.send("skip"), c.send(None))
    try:
        while True:
            print("tick", c.send(None))
    except StopIteration as stop:
        print("returned", stop.value)

    fresh = countdown(2)
    try:
        fresh.send("hello")
    except TypeError as e:
        print("TypeError:", e)
    fresh.close()
    print(list(fresh))


asyncio.run(main())
