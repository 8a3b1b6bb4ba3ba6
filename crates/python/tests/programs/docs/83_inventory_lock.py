import asyncio

class Inventory:
    def __init__(self):
        self.items = {}
        self.lock = asyncio.Lock()

    async def add(self, name, qty):
        async with self.lock:
            current = self.items.get(name, 0)
            await asyncio.sleep(0.01)
            self.items[name] = current + qty

    async def remove(self, name, qty):
        async with self.lock:
            if self.items.get(name, 0) < qty:
                raise ValueError(f"not enough {name}: have {self.items.get(name, 0)}, need {qty}")
            self.items[name] -= qty

async def main():
    inv = Inventory()
    await asyncio.gather(*(inv.add("apple", i) for i in range(1, 6)))
    print(inv.items)
    results = await asyncio.gather(inv.remove("apple", 10), inv.remove("apple", 10), return_exceptions=True)
    print([r if r is None else str(r) for r in results], inv.items)
    print(sorted(inv.items.items()), list(reversed(list(inv.items))), {**inv.items, "pear": 2})
    a, b = divmod(inv.items["apple"], 2)
    print(f"{a=} {b=} {inv.items['apple']=}")

asyncio.run(main())
