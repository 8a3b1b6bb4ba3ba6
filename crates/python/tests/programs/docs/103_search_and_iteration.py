# Searching in part of a string or a list (start and end, as CPython reads them),
# splitlines, a dict or a set changed while it is iterated, and what a generator returns.
s = "Mississippi"
print(s.find("ss", 3), s.find("ss", 3, 6), s.index("ss", 3), s.count("s", 4), s.startswith("ss", 2))
print(s.rfind("ss", 0, 5), s.endswith("ss", 0, 4), s.rindex("ss"), s.rfind("i", -3), s.find("", 11))
print(s.find("", 12), s.count(""), s.count("", 20), s.count("", 3, 5), s.count("ss", -5))
print(s.startswith(("x", "Mi")), s.startswith("", 11), s.startswith("", 12), s.endswith("pi", -2))
print(s.endswith(("pi",), 0, -1), s.find("s", None, 4), "héllo wörld".find("ö", 2), "héllo".startswith("é", 1))
print([1, 2, 1, 2].index(1, 1), (1, 2, 1, 2).index(2, -1), [1, 2, 3].index(3, -5, 10))
print("a\nb\n".splitlines(True), "a\r\nb\rc".splitlines(), "x\n\ny".splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "one\x0ctwo\u2028three".splitlines())
for bad in [lambda: s.find("s", "x"), lambda: s.startswith(5), lambda: s.startswith(("a", 5)),
            lambda: [1].index(1, 1), lambda: s.rindex("zz"), lambda: s.find(3)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print(e)
print(d)
seen = {1, 2, 3}
try:
    for x in seen:
        seen.add(x * 10)
except RuntimeError as e:
    print(e)
print(len(seen))
d = {"a": 1}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e)
for k in {"a": 1, "b": 2}:
    print("fine", k)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = 5
print(d)


def answer():
    yield 1
    return "done"


it = answer()
next(it)
for attempt in range(2):
    try:
        next(it)
    except StopIteration as e:
        print(e.value, e.args)
print(StopIteration(3).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(list(answer()), next(iter([]), "default"))


def bad():
    yield 1
    raise StopIteration("x")


try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))
