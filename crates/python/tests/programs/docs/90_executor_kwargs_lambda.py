import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(url, *, timeout=1.0, retries=0, verbose=False):
    if verbose:
        print(f"fetch {url} timeout={timeout} retries={retries}")
    time.sleep(timeout / 10)
    return {"url": url, "tries": retries + 1}


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        a = loop.run_in_executor(pool, lambda: fetch("a.example", timeout=2.0, verbose=True))
        b = loop.run_in_executor(pool, lambda: fetch("b.example", retries=2, verbose=True))
        print(await a)
        print(await b)
    print(await asyncio.to_thread(fetch, "c.example", retries=1, verbose=True))


asyncio.run(main())
