import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "soon, cancelled")
    h2 = loop.call_later(0.05, print, "later, cancelled")
    loop.call_soon(print, "soon, runs")
    h1.cancel()
    h2.cancel()
    print(h1.cancelled(), h2.cancelled())
    await asyncio.sleep(0.1)

asyncio.run(main())
