import asyncio

counter = 0

async def increment(lock, name):
    global counter
    async with lock:
        value = counter
        print(f"{name} read {value}")
        await asyncio.sleep(0.1)
        counter = value + 1
        print(f"{name} wrote {counter}")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, f"task{i}") for i in range(3)))
    print("final counter:", counter, lock.locked())

asyncio.run(main())
