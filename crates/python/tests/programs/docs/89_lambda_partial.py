import asyncio
import time


def power(base, exponent, label="result"):
    time.sleep(0.05)
    return f"{label}: {base ** exponent}"


async def main():
    loop = asyncio.get_running_loop()
    square = lambda b: power(b, 2)
    cube = lambda b: power(b, 3, label="cube")
    print(await loop.run_in_executor(None, square, 7))
    print(await loop.run_in_executor(None, cube, 4))
    offsets = [lambda x, k=k: x + k for k in range(3)]
    print(await asyncio.gather(*(asyncio.to_thread(f, 10) for f in offsets)))


asyncio.run(main())
