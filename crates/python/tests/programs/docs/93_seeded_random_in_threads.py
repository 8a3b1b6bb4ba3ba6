import asyncio
import random
import time


def roll(name):
    d = random.randint(1, 6)
    time.sleep(d / 20)
    return f"{name} rolled {d}"


async def main():
    random.seed(7)
    for name in ("ann", "bob", "cy"):
        print(await asyncio.to_thread(roll, name))
    print("the loop rolls", random.randint(1, 6), random.random() < 1)


asyncio.run(main())
