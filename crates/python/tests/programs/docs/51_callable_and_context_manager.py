import asyncio

class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return self.k * x
    def __len__(self):
        return self.k

class Timer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, e, tb):
        print("exit", et.__name__ if et else None)
        return True

async def main():
    m = Multiplier(3)
    print(m(4), len(m), list(map(m, [1, 2])))
    with Timer() as t:
        raise ValueError("swallowed")
    print("after with")

asyncio.run(main())
