counter = 0

def bump(by=1, *, label="n"):
    global counter
    counter += by
    return f"{label}={counter}"

def outer():
    values = []
    def add(v):
        values.append(v)
        return len(values)
    for ch in "abc":
        add(ch)
    return values

first, *middle, last = [1, 2, 3, 4, 5]
(a, b), c = (1, 2), 3
print(first, middle, last, a, b, c)
print(bump(), bump(5, label="m"), outer())
data = list(range(10))
print(data[2:8:2], data[::-3], data[-2:], data[:0], "hello"[1:-1], (1, 2, 3)[::-1])
for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while-else ran", n)
try:
    x = 1 / 1
except ZeroDivisionError:
    print("no")
else:
    print("try-else", x)
finally:
    print("finally")
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
d = {}
for w in words:
    d.setdefault(w[0].lower(), []).append(w)
print(d, {k: len(v) for k, v in sorted(d.items())}, list(d.keys()), list(d.values())[0])
matrix = [[1, 2], [3, 4]]
print([row[i] for row in matrix for i in range(2)], list(zip(*matrix)), [sum(r) for r in matrix])
s = "The Quick Brown Fox"
print(s.lower().split(), s.count("o"), s.find("Q"), s.replace(" ", "_"), s.startswith("The"), s[4:9].upper())
print(f"{'centered':^12}|{3.14159:>8.2f}|{42:<5}|{7:03d}|{1e-5:.1e}|{12345.678:,.1f}|{0.5:.0%}")
print("%s has %d items (%.1f%%)" % ("cart", 3, 12.345), "{} {}".format("a", 1), str(None), repr("it's"))
print(divmod(17, 5), pow(2, 8), abs(-2.5), round(3.14159, 2), min([3, 1, 2]), max("abc"), sum([0.1] * 10))
print(int("42") + float("1.5"), bool([]), bool("x"), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(isinstance(3, int), isinstance(True, int), type(3.0).__name__, len({1: 2}), 3 in {3}, "b" in "abc")
t = (1,)
print(t, tuple(), [], {}, set(), (1, 2) + (3,), [0] * 3, "ab" * 2, -7 // 2, -7 % 3, 2 ** -1)
print(list(enumerate("ab")), list(reversed([1, 2, 3])), all(x > 0 for x in [1, 2]), any([]))
