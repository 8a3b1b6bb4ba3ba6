import asyncio

async def fetch(url):
    await asyncio.sleep(0.1)
    err = ConnectionError(f"cannot reach {url}")
    err.add_note("retried 3 times")
    err.add_note("giving up\nfor now")
    raise err

async def main():
    e = ValueError("x")
    try:
        e.add_note(42)
    except TypeError as t:
        print(t)
    try:
        e.__notes__
    except AttributeError as a:
        print(a)
    e.add_note("one")
    print(e.__notes__, str(e), repr(e))
    t = asyncio.create_task(fetch("a.example"))
    await asyncio.sleep(0.2)
    del t
    await fetch("b.example")

asyncio.run(main())
