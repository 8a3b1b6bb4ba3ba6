import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n


def prepare():
    # Coroutines made and kept in variables, never awaited: each is reported when the
    # function returns, in the order of its variables.
    first = fetch(1)
    pause = asyncio.sleep(0.2)
    second = fetch(2)
    print("prepared")


async def main():
    lock = asyncio.Lock()
    grab = lock.acquire()
    wait = asyncio.wait_for(asyncio.sleep(1), 1)
    q = asyncio.Queue()
    item = q.get()
    print("made them, awaited none")
    prepare()
    print("prepare returned")


asyncio.run(main())
print("end")
