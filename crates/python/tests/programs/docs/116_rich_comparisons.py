import asyncio

class Job:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __eq__(self, other):
        if not isinstance(other, Job):
            return NotImplemented
        return self.priority == other.priority

    def __repr__(self):
        return f"Job({self.priority}, {self.name!r})"


class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __le__(self, other):
        return (self.major, self.minor) <= (other.major, other.minor)

    def __gt__(self, other):
        return (self.major, self.minor) > (other.major, other.minor)


async def worker(name, q):
    while True:
        prio, job = await q.get()
        print(f"{name} runs {job} (priority {prio})")
        await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    for p, n in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        q.put_nowait((p, Job(p, n)))
    w = asyncio.create_task(worker("w1", q))
    await q.join()
    w.cancel()
    jobs = [Job(2, "b"), Job(1, "a"), Job(3, "c")]
    print(sorted(jobs))
    print(min(jobs), max(jobs))
    print(Job(1, "x") == Job(1, "y"), Job(1, "x") != Job(2, "y"), Job(1, "x") == 1)
    print(Job(1, "x") in jobs, jobs.index(Job(3, "zz")), jobs.count(Job(2, "q")))
    print(Job(1, "a") > Job(0, "b"))  # reflected __lt__
    print(Version(1, 2) <= Version(1, 3), Version(2, 0) > Version(1, 9), Version(1, 0) >= Version(0, 5))
    print([Job(1, "a"), 2] == [Job(1, "b"), 2], (Job(1, "a"),) < (Job(2, "a"),))
    print(NotImplemented, type(NotImplemented).__name__)
    try:
        {Job(1, "a"): 1}
    except TypeError as e:
        print("TypeError:", e)
    try:
        Version(1, 0) < 3
    except TypeError as e:
        print("TypeError:", e)
    jobs.remove(Job(1, "zzz"))
    print(jobs)
    a = object()
    print(a == a, a != a)

asyncio.run(main())
