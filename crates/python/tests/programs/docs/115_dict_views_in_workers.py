# Dictionary views sent to a thread (views of the dict's copy) and to a process (CPython's pickle refuses them).
import asyncio
from concurrent.futures import ProcessPoolExecutor
def show(v):
    print(type(v).__name__, v, len(v), list(v))
    return sorted(v)
async def main():
    d = {"b": 2, "a": 1}
    print(await asyncio.to_thread(show, d.keys()))
    print(await asyncio.to_thread(show, d.items()))
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            await asyncio.get_running_loop().run_in_executor(pool, show, d.values())
        except TypeError as e:
            print("TypeError", e)
asyncio.run(main())
