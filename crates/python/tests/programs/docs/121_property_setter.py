import asyncio


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError(f"balance cannot be negative: {value}")
        print(f"  {self.owner}: {self._balance} -> {value}")
        self._balance = value


class Savings(Account):
    @property
    def rate(self):
        return 0.02


async def deposit(acct, lock, amount):
    async with lock:
        current = acct.balance
        await asyncio.sleep(0.1)
        acct.balance = current + amount


async def main():
    acct = Account("ana", 100)
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(acct, lock, n) for n in (10, 20, 30)))
    print("final", acct.balance)
    try:
        acct.balance = -5
    except ValueError as e:
        print("ValueError:", e)
    s = Savings("bo", 5)
    s.balance += 1
    print(s.balance, s.rate, type(Account.balance).__name__)
    try:
        s.rate = 1
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
