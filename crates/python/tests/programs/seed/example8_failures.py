import asyncio


class FetchError(Exception):
    pass


async def fetch_data(param, fails=False):
    print(f"fetch_data({param}) started")
    await asyncio.sleep(param / 10)
    if fails:
        raise FetchError(f"fetch_data({param}) failed")
    return f"Result of {param}"


async def main():
    results = await asyncio.gather(fetch_data(1), fetch_data(2, fails=True), fetch_data(3), return_exceptions=True)
    print(results)
    try:
        await asyncio.gather(fetch_data(1), fetch_data(2, fails=True), fetch_data(3))
    except FetchError as e:
        print(f"gather raised: {e!r}")
    await asyncio.sleep(0.2)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch_data(1))
            tg.create_task(fetch_data(2, fails=True))
            tg.create_task(fetch_data(3))
    except* FetchError as eg:
        print(f"TaskGroup raised: {eg.exceptions}")


asyncio.run(main())
