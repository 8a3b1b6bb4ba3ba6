import asyncio

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        if not isinstance(other, Money):
            raise TypeError(f"cannot compare Money with {type(other).__name__}")
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"

class Plain:
    pass

class Loud(Money):
    def __gt__(self, other):
        print("Loud.__gt__ called")
        return True

async def pay(m):
    await asyncio.sleep(0.1)
    return m

async def main():
    results = await asyncio.gather(*(pay(Money(c)) for c in [500, 120, 999, 120]))
    print(sorted(results), sorted(results, reverse=True))
    print(results.count(Money(120)), Money(120) in results, Money(1) not in results)
    print(Money(1) < Loud(2))
    p, q = Plain(), Plain()
    print(p == q, p == p, p != q, {p: 1}[p])
    try:
        print(p < q)
    except TypeError as e:
        print("TypeError:", e)
    items = [Money(3), Money(1), 5]
    try:
        items.sort()
    except TypeError as e:
        print("TypeError:", e, items)
    print(max([Money(5), Money(7)], key=lambda m: m.cents))
    print([Money(1), Money(2)] < [Money(1), Money(3)], (1, Money(2)) == (1, Money(2)))
    print(Money(5) == Money(5.0), Money(5) != Money(6))
    sorted([Money(1), "x"])

asyncio.run(main())
