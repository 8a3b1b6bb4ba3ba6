import asyncio
from concurrent.futures import ProcessPoolExecutor


class ParseError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"not a number: {text!r}") from e


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, parse, "42"))
        try:
            await loop.run_in_executor(pool, parse, "forty")
        except ParseError as e:
            print("caught:", e)
        await loop.run_in_executor(pool, parse, "x")


if __name__ == "__main__":
    asyncio.run(main())
