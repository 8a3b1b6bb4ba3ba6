# The shutdown older programs write by hand: run_until_complete of the loop's
# shutdown_asyncgens() and shutdown_default_executor() (which waits for a call still running in
# the default executor's thread) in a finally, then close(); get_debug(); call_soon_threadsafe
# from the loop's thread, and on a closed loop.
import asyncio
import time


def work():
    time.sleep(0.2)
    print("work done")


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, work)
    loop.call_soon_threadsafe(print, "called soon, thread-safely")
    await asyncio.sleep(0.05)
    print(loop.get_debug())
    return "main"


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
print("closed")
try:
    loop.call_soon_threadsafe(print, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
