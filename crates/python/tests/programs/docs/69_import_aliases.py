import asyncio as aio
import time as t
from asyncio import sleep, gather, create_task as spawn
from concurrent.futures import ThreadPoolExecutor as Pool
import concurrent.futures as cf

async def job(n):
    await sleep(n / 10)
    return n

async def main():
    a = spawn(job(1))
    print(await gather(a, job(2)))
    loop = aio.get_running_loop()
    with Pool(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, t.sleep, 0.1))
    with cf.ThreadPoolExecutor() as p2:
        print(await loop.run_in_executor(p2, pow, 2, 5))

aio.run(main())
