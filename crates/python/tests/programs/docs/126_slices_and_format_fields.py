import asyncio


class Job:
    def __init__(self, name, cost):
        self.name = name
        self.cost = cost


async def worker(queue, log):
    while True:
        job = await queue.get()
        await asyncio.sleep(job.cost)
        log.append(job)
        print("{0.name:<8} took {0.cost:>{width}.2f}s".format(job, width=6))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    log = []
    jobs = [Job("parse", 0.1), Job("fetch", 0.2), Job("render", 0.05), Job("save", 0.1)]
    for j in jobs:
        queue.put_nowait(j)
    w = asyncio.create_task(worker(queue, log))
    await queue.join()
    w.cancel()

    names = [j.name for j in log]
    names[1:3] = ["FETCH", "RENDER", "extra"]
    print(names)
    del names[::2]
    print(names)
    names[:0] = ["first"]
    names[len(names):] = ["last"]
    print(names)
    grid = list(range(10))
    grid[::3] = ["x"] * 4
    print(grid)
    try:
        grid[::2] = [0]
    except ValueError as e:
        print("ValueError:", e)
    try:
        grid[1:2] = 5
    except TypeError as e:
        print("TypeError:", e)
    del grid[2:5]
    print(grid)

    row = {"id": 7, "tags": ["a", "b"]}
    print("{r[id]:03d} {r[tags][1]} {0[0]}{0[1]}".format("ok", r=row))
    print("{:{fill}^{w}}|{:.{p}f}".format("mid", 3.14159, fill="*", w=9, p=3))
    print("{!r} {!s} {!a}".format("é", "é", "naïve"))
    try:
        "{} {0}".format(1, 2)
    except ValueError as e:
        print("ValueError:", e)
    try:
        "{a[x}".format(a={})
    except ValueError as e:
        print("ValueError:", e)
    print("x".zfill(-3), "7".zfill(3), "-7".zfill(4), "ab".center(-1, "*") + "|")


asyncio.run(main())
