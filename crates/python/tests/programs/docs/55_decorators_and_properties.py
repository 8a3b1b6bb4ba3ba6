import asyncio

class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self._degrees = degrees

    @property
    def degrees(self):
        return self._degrees

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    async def report(self):
        await asyncio.sleep(0.01)
        return f"{self.degrees}{self.scale} = {Temperature.convert(self.degrees)}F"

def timed(fn):
    async def wrapper(*args):
        print("calling", fn.__name__)
        result = await fn(*args)
        print("done", fn.__name__)
        return result
    return wrapper

@timed
async def measure(t):
    return await t.report()

async def main():
    t = Temperature(21)
    print(await measure(t), Temperature.freezing().degrees, t.convert(100))
    try:
        t.degrees = 5
    except AttributeError as e:
        print(e)

asyncio.run(main())
