import asyncio


async def step(name, delay, error=None):
    await asyncio.sleep(delay)
    if error:
        raise error
    return name


async def main():
    eg = BaseExceptionGroup("plain", [ValueError(1), TypeError(2)])
    print(type(eg).__name__, isinstance(eg, Exception))
    beg = BaseExceptionGroup("mixed", [ValueError(1), KeyboardInterrupt()])
    print(type(beg).__name__, isinstance(beg, Exception))
    try:
        ExceptionGroup("bad", [KeyboardInterrupt()])
    except TypeError as e:
        print("TypeError:", e)

    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(step("a", 0.1, ValueError("a failed")))
                tg.create_task(step("b", 0.2, KeyError("b")))
                tg.create_task(step("c", 0.3))
        except* ValueError as group:
            print("handling", [repr(e) for e in group.exceptions])
            raise RuntimeError("from the handler")
        except* KeyError:
            print("re-raising the KeyError")
            raise
    except ExceptionGroup as final:
        print(repr(final))
        print([type(e).__name__ for e in final.exceptions])

    try:
        try:
            raise ExceptionGroup("outer", [
                TypeError("t"),
                ExceptionGroup("inner", [KeyError("k"), TypeError("t2")]),
                IndexError("i"),
            ])
        except* TypeError:
            raise
        except* KeyError:
            raise ValueError("replacement")
    except ExceptionGroup as final:
        print(repr(final))

    try:
        try:
            raise ExceptionGroup("E", [TypeError("t"), IndexError("i")])
        except* TypeError:
            raise
    except ExceptionGroup as final:
        print(repr(final))


asyncio.run(main())
