import asyncio

class APIError(Exception):
    def __init__(self, status, message):
        super().__init__(f"{status}: {message}")
        self.status = status

class NotFound(APIError):
    pass

async def request(path):
    await asyncio.sleep(0.05)
    if path == "/missing":
        raise NotFound(404, "no such page")
    if path == "/boom":
        raise APIError(500, "server error")
    return {"path": path}

async def main():
    for path in ["/ok", "/missing", "/boom"]:
        try:
            print(await request(path))
        except NotFound as e:
            print("not found:", e, e.status, e.args, isinstance(e, APIError))
        except APIError as e:
            print("api error:", repr(e), type(e).__name__)
    results = await asyncio.gather(request("/ok"), request("/boom"), return_exceptions=True)
    print([type(r).__name__ for r in results])
    raise NotFound(404, "final")

asyncio.run(main())
