import asyncio

def hello(name, loop):
    print(f"hello {name} at {round(loop.time() - start, 1)}")

async def main():
    global start
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, hello, "later", loop)
    loop.call_soon(hello, "soon", loop)
    print("scheduled")
    await asyncio.sleep(0.3)

asyncio.run(main())
