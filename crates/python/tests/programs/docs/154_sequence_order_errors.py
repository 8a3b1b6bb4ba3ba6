# Lists and tuples that do not order: the first members that differ say why (sorting records with mixed types).
tests = [
    lambda: sorted([(1, "a"), (1, 2)]),
    lambda: (1, "a") < (1, 2),
    lambda: [1, "a"] < [1, 2],
    lambda: max([3, "x"]),
    lambda: sorted([None, 1]),
    lambda: {"a": 1} < {"b": 2},
    lambda: (1, 2) < [1, 2],
    lambda: "a" < 1,
    lambda: 1 < None,
    lambda: sorted(["b", 1, "a"]),
    lambda: min({"a": 1}, {"b": 1}),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
