# CPython's messages for a few mistakes learners make, and slices of ranges.
for bad in [lambda: 0.5 // 0, lambda: 0.5 % 0, lambda: 1.0 / 0, lambda: round("1"), lambda: round(None), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: dict([(1, 2), "abc"]), lambda: ord("ab"), lambda: ord(""), lambda: ord(5)]:
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for src in [5, None, 2.5]:
    try:
        a, b = src
    except TypeError as e:
        print(e)
try:
    a, *b = 7
except TypeError as e:
    print(e)
print(dict([(1, 2), "ab"]), round(2.5), round(True))
r = range(10)
print(r[2:5], r[::-1], r[::2], r[-3:], r[5:2], list(range(1, 20, 3)[1:-1:2]), range(10, 0, -2)[1:], r[::-3], list(r[::-3]), len(r[100:]))
