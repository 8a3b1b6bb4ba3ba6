import asyncio


def noisy(x):
    print("  make", x)
    return x


async def main():
    # any / all stop at the first item that decides.
    print(any(print("any sees", x) or x > 1 for x in range(5)))
    print(all(noisy(x) < 2 for x in range(5)))
    print(any(x > 5 for x in range(10 ** 18)))

    # enumerate / zip / map / filter make one item at a time, between the loop's bodies.
    for k, v in enumerate(noisy(x) for x in "abc"):
        print("body", k, v)
    for a, b in zip((noisy(x) for x in range(4)), "xy"):
        print("zip", a, b)
    for y in map(noisy, [1, 2, 3]):
        print("map", y)
    for y in filter(lambda v: v % 2, (noisy(x) for x in range(4))):
        print("filter", y)
    lst = [1, 2]
    for i, x in enumerate(lst):
        if i < 2:
            lst.append(x * 10)
        print("seen", i, x)

    # `in` and unpacking take only the items they need.
    g = (noisy(x) for x in range(10))
    print(3 in g, next(g))
    a, b = (noisy(x) for x in range(2))
    print(a, b)
    try:
        a, b = (noisy(x) for x in range(5))
    except ValueError as e:
        print("ValueError:", e)
    try:
        a, b, c = (noisy(x) for x in range(2))
    except ValueError as e:
        print("ValueError:", e)
    it = iter([1, 2, 3, 4, 5])
    print(2 in it, list(it))
    letters = iter("abcdef")
    print(list(zip(letters, letters)))

    # sum / min / max / set / dict consume as they go.
    print(sum(noisy(x) for x in range(3)), min(noisy(x) for x in (3, 1, 2)))
    print(max(3, 1, 4, key=lambda v: -v), min([], default="empty"))
    print(dict(zip("abc", range(3))), set(noisy(x) for x in (1, 2, 1)))
    print(sum([0.5, 1.5], 10), sum([[1], [2]], []), sum(range(5), start=3))
    print(sum(i * i for i in range(100_000)))
    print(any([]), all([]), any(iter([0, 0, 1])))

    # reversed reads a sequence from its end as it goes.
    print(list(reversed([1, 2, 3])), list(reversed(range(0, 10, 3))), list(reversed(range(0))))
    print(list(reversed("abc")), tuple(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
    lst = [1, 2, 3]
    r = reversed(lst)
    print(next(r))
    lst.clear()
    print(list(r))

    e = enumerate("ab", start=5)
    print(next(e), list(e), list(e))
    print(list(map(lambda a, b: a * b, [1, 2, 3], (4, 5))))
    print(list(zip()), list(zip([1, 2], [3], [4, 5, 6])))
    print(list(filter(None, [0, 1, "", "a", None, [], [2]])))
    for bad in (lambda: reversed({1, 2}), lambda: map(abs)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)

    # A generator expression that raised is finished.
    g = (1 // x for x in (1, 0, 2))
    print(next(g))
    try:
        next(g)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(list(g))


asyncio.run(main())
