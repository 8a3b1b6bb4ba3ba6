# Tasks and futures made at module level before the loop runs, as older tutorials make them:
# ensure_future and gather of coroutines take the policy's loop (get_event_loop's), a future
# completed by call_later, and asyncio.wait given tasks (given a coroutine, 3.11 refuses it).
import asyncio


async def hello(n):
    await asyncio.sleep(0.1 * n)
    print("hello", n)
    return n


tasks = [asyncio.ensure_future(hello(i)) for i in range(3)]
both = asyncio.gather(hello(1), hello(2))
loop = asyncio.get_event_loop()
print(loop.run_until_complete(asyncio.gather(*tasks)))
print(loop.run_until_complete(both))
more = [loop.create_task(hello(i)) for i in range(2)]
done, pending = loop.run_until_complete(asyncio.wait(more))
print(sorted(t.result() for t in done), pending)
f = loop.create_future()
loop.call_later(0.1, f.set_result, 42)
print(loop.run_until_complete(f), loop.is_running())
loop.run_until_complete(asyncio.wait([hello(5)]))
