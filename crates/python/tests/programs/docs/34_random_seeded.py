import asyncio
import random

random.seed(42)

async def roll(name):
    delay = random.randint(1, 4) / 10
    await asyncio.sleep(delay)
    value = random.random()
    print(f"{name} waited {delay} and rolled {value:.4f}")
    return value

async def main():
    items = list(range(10))
    random.shuffle(items)
    print(items, random.choice("abcdef"), round(random.uniform(1, 2), 6), random.randrange(10, 100, 5))
    results = await asyncio.gather(*(roll(f"r{i}") for i in range(3)))
    print(max(results) > 0)

asyncio.run(main())
