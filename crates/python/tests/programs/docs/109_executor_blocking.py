# concurrent.futures without asyncio: submit, result() blocks until the call is done, the end of a with block waits for the pool's calls, no calls after shutdown.
import time
from concurrent.futures import ThreadPoolExecutor
def work(n):
    time.sleep(0.1)
    print("work", n, flush=True)
    return n * 2
with ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(work, 21)
    g = ex.submit(work, 1)
    print("submitted", f.done())
print(f.done(), f.result(), g.result())
with ThreadPoolExecutor(max_workers=1) as ex:
    fs = [ex.submit(work, i) for i in range(3)]
    print([x.result() for x in fs])
try:
    ex.submit(work, 9)
except RuntimeError as e:
    print(e)
