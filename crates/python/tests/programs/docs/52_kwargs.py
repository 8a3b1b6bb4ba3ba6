import asyncio

def log(msg, *args, level="info", **extra):
    print(f"[{level}] {msg}", args, extra)

async def call_with(fn, *args, **kwargs):
    await asyncio.sleep(0.01)
    return fn(*args, **kwargs)

async def main():
    log("hello")
    log("with", 1, 2, level="warn", user="ann", n=3)
    await call_with(log, "via", level="debug", k=1)
    opts = {"level": "error", "code": 7}
    log("spread", **opts)

asyncio.run(main())
