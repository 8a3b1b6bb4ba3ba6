import asyncio
import time

URLS = ["a.com", "b.org", "c.net", "d.io"]

def download_sync(url):
    time.sleep(0.1)
    return f"<html from {url}>"

async def download_async(url, delay=0.1):
    await asyncio.sleep(delay)
    return f"<html from {url}>"

def run_sync():
    start = time.perf_counter()
    pages = [download_sync(u) for u in URLS]
    return pages, time.perf_counter() - start

async def run_async():
    start = time.perf_counter()
    pages = await asyncio.gather(*[download_async(u) for u in URLS])
    return pages, time.perf_counter() - start

pages, elapsed = run_sync()
print(f"sync: {len(pages)} pages in {elapsed:.1f}s")
pages, elapsed = asyncio.run(run_async())
print(f"async: {len(pages)} pages in {elapsed:.1f}s")
print(f"speedup: {0.4 / 0.1:.0f}x", pages[0])

async def with_progress():
    done = 0
    async def tracked(url, i):
        nonlocal done
        page = await download_async(url, 0.05 * (i + 1))
        done += 1
        print(f"[{done}/{len(URLS)}] {url} ({len(page)} bytes)")
        return page
    return await asyncio.gather(*(tracked(u, i) for i, u in enumerate(URLS)))

print(len(asyncio.run(with_progress())))
