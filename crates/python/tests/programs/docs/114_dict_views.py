# Dictionary views: live, written dict_keys([...]), len and in, an iteration that raises if the dict's size changes, not subscriptable, keys and items equal to sets.
d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items(), type(d.keys()).__name__)
print(len(d.keys()), "a" in d.keys(), 2 in d.values(), ("b", 2) in d.items(), bool({}.keys()))
k = d.keys()
d["c"] = 3
print(k, list(k), sorted(d.items(), key=lambda kv: -kv[1]), sum(d.values()), ", ".join(d))
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print(e)
try:
    for key, v in d.items():
        d[key + "x"] = v
except RuntimeError as e:
    print(e)
try:
    print(d.keys()[0])
except TypeError as e:
    print(e)
print(d, list(zip(d.keys(), d.values())), max(d.values()), set(d.keys()) == {"b", "c"}, tuple(d.items()))
for i, (key, v) in enumerate(d.items()):
    print(i, key, v)
print(repr({}.items()), str({1: 2}.values()))
d = {"a": 1, "b": 2}
e = {"b": 2, "a": 1}
print(d.keys() == {"a", "b"}, d.keys() == e.keys(), d.items() == e.items(), d.values() == e.values(), d.keys() == ["a", "b"], {"a", "b"} == d.keys(), d.items() == {("a", 1), ("b", 2)}, d.keys() != {"a"})
print(d.keys() == d.keys(), d.values() == d.values(), [d.keys()] == [e.keys()])
