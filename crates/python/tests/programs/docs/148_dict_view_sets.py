# Views of keys and items are set-like: &, |, -, ^ give sets, and they compare as sets.
stock = {"apples": 3, "pears": 0, "plums": 7}
wanted = {"pears": 2, "plums": 1, "figs": 4}

print(sorted(stock.keys() & wanted.keys()))
print(sorted(stock.keys() | wanted.keys()))
print(stock.keys() - wanted.keys(), wanted.keys() - stock)
print(sorted(stock.keys() ^ wanted.keys()))
print(stock.keys() & ["plums", "kiwis"], ["plums", "kiwis"] & stock.keys())
print({"apples", "x"} - stock.keys(), {1, 2, 3} & {2: 0, 3: 0, 4: 0}.keys())
print(stock.items() & {("apples", 3), ("pears", 5)})
print(stock.keys() == {"apples", "pears", "plums"}, stock.keys() <= {"apples", "pears", "plums", "x"})
print(stock.keys() < stock.keys(), stock.keys() >= {"pears"}, {"pears"} < stock.keys())
print(stock.keys().isdisjoint(["figs"]), stock.items().isdisjoint([("plums", 7)]))
print(type(stock.keys() & set()).__name__, len(stock.keys() | set()))
try:
    stock.keys() & 5
except TypeError as e:
    print("TypeError:", e)
try:
    stock.values() & {3}
except TypeError as e:
    print("TypeError:", e)
