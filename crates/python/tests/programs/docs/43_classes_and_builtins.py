import asyncio

class Account:
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

    def __str__(self):
        return f"{self.owner}: {self.balance}"

    async def deposit(self, amount):
        await asyncio.sleep(0.01)
        self.balance += amount
        return self.balance

class Savings(Account):
    def __init__(self, owner, rate):
        super().__init__(owner, 100)
        self.rate = rate

async def main():
    a = Account("ann")
    s = Savings("bob", 0.5)
    print(a, s, [a, s], Account.count)
    await asyncio.gather(a.deposit(10), s.deposit(5))
    print(repr(a), str(s), isinstance(s, Account), type(s).__name__)
    d = {"x": [1, 2, 3], "y": (4, 5)}
    for k, v in d.items():
        print(k, v, len(v), v[-1], v[::-1], v[1:])
    print(sorted([3, 1, 2], reverse=True), min(4, 2, 8), max([1, 5, 3], key=lambda x: -x))
    print(list(enumerate("abc", 1)), list(zip([1, 2], "xy")), dict(a=1, b=2))
    print(" ".join(["a", "b"]).upper(), "x,y,z".split(","), "  pad ".strip(), "%s is %d years" % ("tom", 3))
    print(1/3, 2**10, 7//2, -7//2, 7 % -3, 10/5, 1e20, 1.5e-7, 3.0, round(2.675, 2), round(0.5), abs(-3))
    print(f"{3.14159:.3f} {42:05d} {'left':<8}| {255:x} {0.25:.0%} {1234567.891:,.2f}")
    x = [i * 2 for i in range(5) if i % 2 == 0]
    y = {i: i * i for i in range(3)}
    z = {c for c in "hello"}
    print(x, y, len(z), any(x), all([]), sum(x), tuple(x))
    try:
        [][1]
    except IndexError as e:
        print("IndexError:", e)
    try:
        {}["k"]
    except KeyError as e:
        print("KeyError:", e, repr(e))
    try:
        int("abc")
    except ValueError as e:
        print(e)
    try:
        None.foo
    except AttributeError as e:
        print(e)
    print(True + 1, None is None, "a" in "abc", 3 not in [1, 2], [1, 2] == [1, 2], (1, 2) < (1, 3))

asyncio.run(main())
