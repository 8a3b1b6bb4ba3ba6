# Functions defined in functions: CPython's qualified names (in reprs, errors and asyncio's
# messages), and a task kept only by a returning coroutine's variables, whose exception
# nobody retrieved, reported as the coroutine returns.
import asyncio


def outer():
    def helper(x):
        return x + 1
    try:
        helper()
    except TypeError as e:
        print(e)
    return helper


async def main():
    async def fail():
        raise ValueError("lost")

    f = outer()
    print(repr(f).split(" at ")[0], f.__name__, f.__qualname__, f(1))
    print(repr(lambda: 0).split(" at ")[0])
    coro = fail()
    print(repr(coro).split(" at ")[0])
    coro.close()
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.05)
    print("end of main")


asyncio.run(main())
print("after the run")
