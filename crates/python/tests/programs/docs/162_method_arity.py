# Methods of the built-in types called with arguments they do not take: CPython's TypeError for each, as the method says it.
import asyncio

METHODS = {
    "str": (lambda: "a,b", "upper lower title capitalize strip lstrip rstrip split rsplit splitlines partition rpartition removeprefix removesuffix find rfind index rindex isalnum isspace islower isupper swapcase casefold join replace startswith endswith count isprintable isascii isdigit isalpha center ljust rjust zfill format"),
    "list": (lambda: [3, 1], "append extend insert pop remove index count reverse sort copy clear"),
    "tuple": (lambda: (1, 2), "index count"),
    "dict": (lambda: {1: 2}, "get keys values items pop setdefault update copy fromkeys popitem clear"),
    "set": (lambda: {1, 2}, "add discard remove pop update copy union intersection difference symmetric_difference issubset issuperset isdisjoint clear"),
    "int": (lambda: 5, "bit_length"),
    "float": (lambda: 1.5, "is_integer"),
}


def refused(call):
    try:
        call()
        return "ok"
    except TypeError as e:
        return f"TypeError: {e}"


def counts():
    # No arguments, and four (more than any of them takes but those that take any number).
    for kind, (make, names) in METHODS.items():
        for name in names.split():
            for n in (0, 4):
                print(kind, name, n, refused(lambda: getattr(make(), name)(*[[1]] * n)))


s, l, t, d, st = "a,b", [3, 1], (1, 2), {1: 2}, {1, 2}
BOUNDS = [
    lambda: "abc".upper(1), lambda: s.isdigit(1, 2), lambda: l.copy(1), lambda: l.reverse(1), lambda: d.keys(1),
    lambda: d.items(1), lambda: d.popitem(1), lambda: st.clear(1), lambda: st.pop(1), lambda: (5).bit_length(1),
    lambda: True.bit_length(1), lambda: (1.5).is_integer(1), lambda: [1].append(1, 2), lambda: l.extend(1, 2),
    lambda: st.add(1, 2), lambda: "-".join(1, 2), lambda: t.count(1, 2), lambda: s.zfill(1, 2), lambda: st.isdisjoint(1, 2),
    lambda: [1].pop(1, 2), lambda: " x ".strip(1, 2), lambda: s.rstrip(1, 2), lambda: d.get(1, 2, 3),
    lambda: d.pop(1, 2, 3), lambda: d.setdefault(1, 2, 3), lambda: l.insert(1), lambda: l.insert(1, 2, 3),
    lambda: s.replace("a"), lambda: s.center(1, 2, 3), lambda: s.ljust(), lambda: d.fromkeys(1, 2, 3),
    lambda: d.update(1, 2), lambda: dict.fromkeys(), lambda: dict.fromkeys(1, 2, 3), lambda: "a,b".split(",", 1, 2),
    lambda: s.rsplit(1, 2, 3), lambda: s.splitlines(1, 2), lambda: l.sort(1), lambda: l.sort(1, 2, 3),
    lambda: s.find(), lambda: s.startswith(), lambda: t.index(), lambda: l.index(),
]
KEYWORDS = [
    lambda: "a,b".split(",", 1, x=1), lambda: s.split(",", sep=","), lambda: s.rsplit(None, maxsplit=1, sep=","),
    lambda: s.split(sep=",", maxsplit=1, x=1), lambda: s.split(x=1), lambda: s.splitlines(keepends=1, x=2),
    lambda: s.splitlines(True, keepends=True), lambda: s.splitlines(y=2), lambda: l.sort(key=None, reverse=1, x=1),
    lambda: l.sort(x=1), lambda: [1].sort(1, key=None), lambda: l.sort(reversed=True),
    lambda: s.upper(x=1), lambda: s.upper(1, x=1), lambda: s.strip(x=1), lambda: s.partition(sep=","),
    lambda: s.find(",", x=1), lambda: s.count(x=1), lambda: s.startswith(prefix="a"), lambda: s.replace("a", "b", count=1),
    lambda: s.center(width=3), lambda: s.join(x=1), lambda: s.zfill(width=3), lambda: s.isalpha(x=1),
    lambda: [].append(x=1), lambda: [].append(1, x=1), lambda: l.insert(0, object=1), lambda: l.pop(index=0),
    lambda: l.index(x=1), lambda: l.count(x=1), lambda: l.remove(value=1), lambda: l.clear(x=1), lambda: t.index(1, x=1),
    lambda: t.count(value=1), lambda: d.get(1, x=2), lambda: d.get(x=1), lambda: d.pop(1, default=2),
    lambda: d.setdefault(1, default=2), lambda: d.fromkeys([1], value=1), lambda: dict.fromkeys([1], x=1),
    lambda: d.keys(x=1), lambda: st.add(x=1), lambda: st.update(x=1), lambda: st.union([1], x=1),
    lambda: st.intersection(x=1), lambda: st.difference(x=1), lambda: st.issubset(x=1), lambda: st.discard(x=1),
    lambda: (5).bit_length(x=1), lambda: (1.5).is_integer(x=1),
]
UNBOUND = [
    lambda: str.upper("a", 1), lambda: list.append([]), lambda: dict.get({}), lambda: str.split("a", ",", 1, 2),
    lambda: str.upper(), lambda: list.append(1, 2), lambda: set.add(set()), lambda: dict.update({}, 1, 2),
    lambda: list.sort([], 1), lambda: str.join(), lambda: str.strip(" a ", x=1), lambda: list.count("abc", "a"),
]


async def task_appends(items):
    await asyncio.sleep(0.01)
    items.append()


async def main():
    counts()
    await asyncio.sleep(0)
    for group in (BOUNDS, KEYWORDS, UNBOUND):
        for call in group:
            print(refused(call))
        await asyncio.sleep(0.01)
    print(s, l, t, d, st)
    items = [1]
    try:
        await asyncio.create_task(task_appends(items))
    except TypeError as e:
        print("task:", e, items)
    print("a b c".split(maxsplit=1), "a\nb".splitlines(keepends=True), sorted([3, 1, 2], reverse=True))
    l.sort(key=lambda v: -v, reverse=True)
    d.update({3: 4}, five=5)
    print(l, d, "{x}-{0}".format(1, x=2), dict.fromkeys({1: 2}, 0), dict.fromkeys("ab"), d.fromkeys([7]))
    print(str.upper("abc"), list.count([1, 1], 1), " x ".strip(None), [2, 1].pop(0), (1, 2, 1).index(1, 1, 3))


asyncio.run(main())
