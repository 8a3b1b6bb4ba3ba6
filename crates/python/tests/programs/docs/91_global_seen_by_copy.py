import asyncio

LIMIT = 3
settings = {"mode": "slow", "tags": ["x"]}


def report(tag):
    return f"{tag}: limit={LIMIT} mode={settings['mode']} tags={settings['tags']}"


async def main():
    global LIMIT
    print(await asyncio.to_thread(report, "before"))
    LIMIT = 10
    settings["mode"] = "fast"
    settings["tags"].append("y")
    print(await asyncio.to_thread(report, "after"))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, report, "executor"))


asyncio.run(main())
