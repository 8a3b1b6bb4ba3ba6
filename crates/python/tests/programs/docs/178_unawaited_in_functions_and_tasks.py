# Coroutines never awaited, dropped with the variables of a function that returns, of a coroutine
# awaited, and of a task's coroutine: CPython reports each where its caller is (a task's, in the
# loop), once per place, and the differential test counts the warnings.
import asyncio

async def ping():
    pass

def f():
    c = ping()
    print("in f")

async def g():
    c = ping()
    await asyncio.sleep(0)
    print("in g")

async def main():
    f()
    print("after f")
    await g()
    print("after g")
    t = asyncio.create_task(g())
    await t
    print("after task")

asyncio.run(main())
