import asyncio


async def echo(text):
    await asyncio.sleep(0.05)
    return text


async def main():
    samples = ["plain", "café", "tab\there", "nbsp\xa0here", "zero\u200bwidth", "line\u2028sep", "\x85", "e\u0301"]
    for s in await asyncio.gather(*(echo(s) for s in samples)):
        print(repr(s), ascii(s), f"{s!a}")
    print(repr(["\x00", "\x7f", "\u00ad", "\U0001f600", "\ue000"]))
    print(ascii({"ключ": "значение"}))
    print("%r %a" % ("ü", "ü"))
    print(str(1.5).isprintable(), "\u200b".isprintable())


asyncio.run(main())
