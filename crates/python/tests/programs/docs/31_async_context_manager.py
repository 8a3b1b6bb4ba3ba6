import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"opening {self.name}")
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"closing {self.name} (error: {exc_type.__name__ if exc_type else None})")
        await asyncio.sleep(0.1)
        return False

    async def query(self, q):
        await asyncio.sleep(0.1)
        return f"{self.name}:{q}"

async def main():
    async with Connection("db") as conn:
        print(await conn.query("select 1"))
    try:
        async with Connection("db2") as conn:
            raise RuntimeError("boom")
    except RuntimeError as e:
        print("handled", e)

asyncio.run(main())
