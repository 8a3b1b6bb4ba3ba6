# Blocking waits of pools with and without a loop: a process pool's results and exceptions, shutdown(wait=False), a with block's end while a task waits on the loop.
import asyncio, time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
def work(n):
    time.sleep(0.1)
    if n < 0:
        raise ValueError(f"bad {n}")
    return n * 10
def main_sync():
    with ProcessPoolExecutor(max_workers=2) as pool:
        fs = [pool.submit(work, n) for n in (1, -2, 3)]
        for f in fs:
            try:
                print("result", f.result())
            except ValueError as e:
                print("raised", e, f.exception())
    pool = ThreadPoolExecutor(max_workers=1)
    f = pool.submit(work, 4)
    pool.shutdown(wait=False)
    print("not waited", f.done())
    print(f.result(), f.done())
async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0.03)
async def amain():
    task = asyncio.create_task(other())
    await asyncio.sleep(0)
    with ThreadPoolExecutor(max_workers=2) as pool:
        f = pool.submit(work, 5)
        g = asyncio.get_running_loop().run_in_executor(pool, work, 6)
    print("after with", f.result(), g.done())
    print(await g)
    await task
main_sync()
asyncio.run(amain())
