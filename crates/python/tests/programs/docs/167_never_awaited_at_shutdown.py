# Coroutines never awaited that are still alive when the program ends (kept in a global, or by
# the traceback of the exception that ended it: the frame of asyncio's gather holds the list
# it refused) are reported at shutdown as CPython reports them, 'sys:1: RuntimeWarning: ...',
# once per coroutine name; one let go with a caught exception is reported at the line running.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    global pending
    pending = fetch(0)  # kept in a global: it goes at shutdown
    try:
        await asyncio.gather([fetch(1), fetch(2)])  # a list, not coroutines
    except TypeError as e:
        print("TypeError:", e)
    print("after the except")
    results = await asyncio.gather(fetch(3), fetch(4))
    print(results)
    await asyncio.gather([fetch(5)])  # uncaught: the list goes with the traceback


asyncio.run(main())
