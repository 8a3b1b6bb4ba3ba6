# A program making its own loop (new_event_loop, set_event_loop), a closed loop refusing to
# run, asyncio.run's loop closed after it, get_event_loop() then refused (asyncio.run set the
# loop to None), the loop's mistakes (run_until_complete inside a running loop, close while it
# runs), and an exception out of run_until_complete uncaught: its traceback names the call.
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    print("job", n, "on", asyncio.current_task().get_name())
    return n * 10


async def inner_mistakes(loop):
    try:
        loop.run_until_complete(job(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    return asyncio.get_running_loop()


async def main():
    return asyncio.get_running_loop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
tasks = [loop.create_task(job(n)) for n in (2, 1)]
print(loop.run_until_complete(asyncio.gather(*tasks)))
print(loop.run_until_complete(inner_mistakes(loop)) is loop)
loop.close()
try:
    loop.run_until_complete(job(0))
except RuntimeError as e:
    print("RuntimeError:", e, loop)
run_loop = asyncio.run(main())
print(run_loop, run_loop.is_closed())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
other = asyncio.new_event_loop()
other.run_until_complete(job(3))
other.run_until_complete(job("x"))
