# Older programs drive the event loop themselves: asyncio.get_event_loop() at module level,
# run_until_complete (a coroutine becomes Task-N; its result returned, its exception raised),
# tasks made on the loop before it runs, run_forever until loop.stop(), the loop's repr and
# is_running/is_closed, a task cancelled between runs, and close() with a task still pending
# that nothing holds: as the program ends its coroutine is closed (its finally runs) and
# "Task was destroyed but it is pending!" is written (close() comes last: CPython's collector,
# which finds the task, could run earlier if the program went on).
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("no data")


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background closed")


async def start_background():
    asyncio.create_task(background())
    await asyncio.sleep(0)


async def ticker(loop):
    n = 0
    try:
        while True:
            print("tick", n, loop.is_running(), asyncio.get_running_loop() is loop)
            n += 1
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed at", n)


loop = asyncio.get_event_loop()
print(loop, asyncio.get_event_loop() is loop)
print(loop.run_until_complete(fetch("a", 0.1)))
print(loop.run_until_complete(asyncio.gather(fetch("b", 0.2), fetch("c", 0.1))))
try:
    loop.run_until_complete(fail())
except ValueError as e:
    print("caught", repr(e))
t = loop.create_task(ticker(loop))
print(t)
loop.call_later(0.25, loop.stop)
loop.run_forever()
print("stopped", t.done(), loop.is_running())
loop.run_until_complete(asyncio.sleep(0.1))
t.cancel()
loop.run_until_complete(asyncio.sleep(0))
print("cancelled", t.cancelled())
loop.run_until_complete(start_background())
print(loop, loop.is_closed())
loop.close()
