import asyncio

async def eternity():
    await asyncio.sleep(3600)
    print('yay!')

async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=0.2)
    except TimeoutError:
        print('timeout!')

asyncio.run(main())
