# Between two runs of a loop the program drives, nothing runs: a callback scheduled and a timer
# that came due during a blocking time.sleep wait for the next run, and run there in order
# (the callbacks first, then the timers).
import asyncio, time

async def t():
    for i in range(4):
        print(i, round(loop.time() - start, 2))
        await asyncio.sleep(0.1)

loop = asyncio.new_event_loop()
start = loop.time()
task = loop.create_task(t())
loop.call_soon(print, "soon")
loop.run_until_complete(asyncio.sleep(0.15))
loop.call_soon(print, "soon 2")
time.sleep(0.3)
print("slept")
loop.run_until_complete(task)
loop.close()
