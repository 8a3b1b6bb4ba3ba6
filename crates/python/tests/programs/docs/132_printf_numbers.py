import asyncio


async def report(order_id, qty, price):
    await asyncio.sleep(0.1 * qty)
    print("order #%.5d: %3d x %-8.2f = %+.2f" % (order_id, qty, price, qty * price))
    return qty * price


async def main():
    totals = await asyncio.gather(report(42, 3, 9.99), report(7, 1, 120.0), report(1234567, 2, 0.5))
    print("%05.3d|%-6.3d|%#.3x|%+.2d|%.0d|%.3o|%#.4o|%.2d" % (7, -7, 7, 5, 0, 8, 8, True))
    print("%r %a %s" % ("ü", "ü", {"k": [1, 2]}))
    print("%.3d%%" % 7.9)
    print(sum(totals) % 7, -7.5 % 2, 7.5 // -2, -0.0 % 5, 5 % -0.5)
    nan = float("nan")
    print(nan < 1, nan >= nan, nan == nan, 1 > nan, sorted([3.0, 1.0]))
    sentinel = object()
    other = object()
    print(sentinel is sentinel, sentinel == other, type(sentinel).__name__)
    for f in (lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: [1] + (2,), lambda: (1,) + [2]):
        try:
            f()
        except (ZeroDivisionError, TypeError) as e:
            print(type(e).__name__, e)
    print(~True, ~False, callable(print), callable(sentinel))


asyncio.run(main())
