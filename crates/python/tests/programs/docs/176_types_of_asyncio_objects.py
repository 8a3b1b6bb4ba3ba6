# The types of asyncio's objects, as CPython's modules name them, and isinstance and type()
# with asyncio's classes (a learner checking what an object is); a program's class deriving
# from one is refused with a message.
import asyncio
from concurrent.futures import ThreadPoolExecutor


async def main():
    q = asyncio.Queue()
    print(type(q), type(asyncio.Lock()), type(asyncio.Event()))
    t = asyncio.current_task()
    print(type(t), type(asyncio.get_running_loop()))
    print(type(asyncio.Semaphore()), type(asyncio.TaskGroup()), type(asyncio.timeout(1)))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), type(t).__name__)
    print(isinstance(q, asyncio.Queue), type(q) is asyncio.Queue, isinstance(q, asyncio.LifoQueue))
    print(asyncio.Queue, asyncio.Condition, asyncio.Barrier(2).__class__)
    with ThreadPoolExecutor(1) as pool:
        print(type(pool), isinstance(pool, ThreadPoolExecutor))
    print(asyncio.PriorityQueue.__name__, type(asyncio.PriorityQueue(3)).__name__)
    print(isinstance(asyncio.LifoQueue(), asyncio.Queue), isinstance(asyncio.BoundedSemaphore(), asyncio.Semaphore))
    print(isinstance(asyncio.Semaphore(), asyncio.BoundedSemaphore), issubclass(asyncio.PriorityQueue, asyncio.Queue))


asyncio.run(main())
