# asyncio.Runner (3.11's runners.py), as the Python documentation's Runners page uses it: runs
# on one loop (task numbers go on), get_loop, the tasks left cancelled when its with block ends
# (the shutdown's two tasks take numbers too), a closed runner refusing to run, a runner used
# without with, and no current loop once it is closed.
import asyncio

async def main(n):
    await asyncio.sleep(0.1)
    print("hello", n, asyncio.current_task().get_name())
    return n

async def bg():
    try:
        await asyncio.sleep(10)
    finally:
        print("bg cancelled at close")

async def start_bg():
    asyncio.create_task(bg())

with asyncio.Runner() as runner:
    print(runner.run(main(1)))
    print(runner.run(main(2)))
    loop = runner.get_loop()
    print(loop, asyncio.get_event_loop() is loop)
    runner.run(start_bg())
    print("leaving")
print(loop)
try:
    runner.run(main(3))
except RuntimeError as e:
    print("RuntimeError:", e)
r = asyncio.Runner()
print(r.run(main(4)))
r.close()
r.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main(5))
