import asyncio

class Pool:
    def __init__(self, names):
        self.names = list(names)
    def __bool__(self):
        return len(self.names) > 0
    def __contains__(self, name):
        return name in self.names

class Bag:
    def __len__(self):
        return 0

class Odd:
    def __bool__(self):
        return 1

async def fetch(url):
    await asyncio.sleep(0.1)
    if "bad" in url:
        raise ConnectionResetError(f"reset by peer: {url}")
    return url.upper()

async def main():
    print(__file__.endswith("main.py") or __file__)
    p = Pool(["a", "b"])
    print(bool(p), "a" in p, "z" not in p, bool(Pool([])), not Bag())
    if p:
        print("pool has workers")
    for url in ["ok", "bad", "fine"]:
        try:
            print(await fetch(url))
        except (ConnectionResetError, asyncio.TimeoutError) as e:
            print("retrying:", e, type(e).__name__)
    print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError.__name__)
    print(isinstance(BrokenPipeError(), ConnectionError), issubclass(ModuleNotFoundError, ImportError))
    try:
        raise PermissionError("denied")
    except OSError as e:
        print(repr(e))
    for x, y in [(2.0, 0.5), (0.0, -1), (10.0, 400), (-8.0, 2.0)]:
        try:
            print(x ** y)
        except (ValueError, ZeroDivisionError, OverflowError) as e:
            print(type(e).__name__, e)
    try:
        bool(Odd())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
