import asyncio

class Service:
    def __init__(self, name, interval):
        self.name = name
        self.interval = interval
        self.ticks = 0
        self._task = None

    async def run(self):
        try:
            while True:
                await asyncio.sleep(self.interval)
                self.ticks += 1
                print(f"{self.name} tick {self.ticks}")
        except asyncio.CancelledError:
            print(f"{self.name} stopping after {self.ticks} ticks")
            raise

    def start(self):
        self._task = asyncio.create_task(self.run(), name=self.name)
        return self

    async def stop(self):
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass

class LoudService(Service):
    async def run(self):
        print(f"{self.name} starting ({type(self).__name__})")
        await super().run()

async def main():
    services = [Service("db", 0.15).start(), LoudService("web", 0.25).start()]
    await asyncio.sleep(0.6)
    for s in services:
        await s.stop()
    print({s.name: s.ticks for s in services})

asyncio.run(main())
