import asyncio

class Ticker:
    def __init__(self, delay, to):
        self.delay = delay
        self.i = 0
        self.to = to

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.to:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(self.delay)
        return self.i

async def main():
    async for i in Ticker(0.1, 4):
        print("tick", i)

asyncio.run(main())
