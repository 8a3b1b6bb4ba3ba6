import asyncio


class Service:
    def describe(self):
        return "Service"

    @classmethod
    def create(cls, name):
        print(f"Service.create({name!r}) for {cls.__name__}")
        obj = cls()
        obj.name = name
        return obj


class Logged(Service):
    def describe(self):
        return "Logged > " + super().describe()


class Cached(Service):
    def describe(self):
        return "Cached > " + super().describe()

    @classmethod
    def create(cls, name):
        print("Cached.create")
        return super().create(name.upper())


class Api(Logged, Cached):
    async def call(self, delay):
        await asyncio.sleep(delay)
        return f"{self.name}: {self.describe()}"


async def main():
    api = Api.create("users")
    print([c.__name__ for c in Api.__mro__])
    print([c.__name__ for c in Api.__bases__])
    print(await asyncio.gather(api.call(0.2), api.call(0.1)))
    print(isinstance(api, Cached), issubclass(Api, Service))
    try:
        class Broken(Service, Logged):
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
