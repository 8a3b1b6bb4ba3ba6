import asyncio


async def main():
    class Shape:
        def __init__(self, name):
            self.name = name

        def describe(self):
            return f"a shape called {self.name}"

        @classmethod
        def unit(cls):
            return cls("unit")

    class Square(Shape):
        def __init__(self, name, side):
            super().__init__(name)
            self.side = side

        def describe(self):
            return super().describe() + f" with side {self.side}"

        @classmethod
        def unit(cls):
            print("Square.unit for", cls.__qualname__)
            return cls("unit square", 1)

    sq = await asyncio.to_thread(Square, "sq", 4)
    print(sq.describe(), type(sq).__qualname__)
    u = await asyncio.to_thread(Square.unit)
    print(u.describe())
    print(Square.describe.__qualname__, [c.__name__ for c in Square.__mro__])


asyncio.run(main())
