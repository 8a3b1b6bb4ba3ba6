print({3, 1, 2}, set([5, 3, 1, 3]), {100, 7, 33, 8, 15, 1000, -1, -5, 0}, set(range(20, 0, -1)))
s = {10, 20, 30}
s.add(1)
print(s, sorted(s), 20 in s, len(s))
print({i * 7 % 13 for i in range(13)}, {True, 2})
