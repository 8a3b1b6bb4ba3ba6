import asyncio


async def countdown(count):
    while True:
        if count is 0:
            print("liftoff")
            return
        print(count)
        count -= 1
        await asyncio.sleep(0.1)


async def main():
    await countdown(3)
    status = "done"
    print(status is not "done", None is None, [] is [])
    points = [(1, 2), (3, 4)]
    try:
        print([[1, 2] [0, 1]])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print({1, 2}[0])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([(1, 2) (3, 4)])
    except TypeError as e:
        print("TypeError:", e)
    points[0] = (0, 0)
    del points[1]
    print(points, -1 is not -1)


asyncio.run(main())
