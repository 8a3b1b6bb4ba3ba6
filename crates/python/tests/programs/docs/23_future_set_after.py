import asyncio

async def set_after(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.create_task(set_after(fut, 0.2, '... world'))
    print('hello ...')
    print(await fut)
    fut2 = loop.create_future()
    fut2.add_done_callback(lambda f: print("callback saw", f.result()))
    fut2.set_result(5)
    await asyncio.sleep(0)
    print(fut2.done(), fut2.result())

asyncio.run(main())
