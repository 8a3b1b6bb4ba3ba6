import asyncio
import random

random.seed(11)
scores = {name: random.randint(50, 100) for name in ["ann", "bob", "cy", "dee"]}
ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
print(ranked, max(scores, key=scores.get), min(scores.values()))
evens = {n for n in range(20) if n % 2 == 0}
print(evens, len(evens), sorted(evens - {0, 2}), evens & {4, 5, 6}, {1, 2} | {2, 3}, {1, 2} ^ {2, 3})
g = (n * n for n in range(5))
print(next(g), next(g), list(g), next(g, "exhausted"))
it = iter([1, 2, 3])
print(next(it), list(it))
print(list(map(str.upper, ["a", "b"])), list(map(lambda x, y: x + y, [1, 2], [10, 20])))
big = 2 ** 100
print(big, big // 3, big % 1000, -big, big > 10 ** 29, str(big)[:5], f"{big:,}"[:9], abs(-big) == big)
print(round(2.5), round(3.5), round(-0.5), round(1.15, 1), int(-3.9), int("  12 "), float("3"))
words = "one two three two one".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True), list(dict.fromkeys(words)), dict.fromkeys("ab", 0))

async def numbered(n):
    await asyncio.sleep(random.random() / 10)
    return n

async def main():
    results = []
    for coro in asyncio.as_completed([asyncio.create_task(numbered(i)) for i in range(4)]):
        results.append(await coro)
    print(results, sorted(results))
    print(await asyncio.gather(*(numbered(i) for i in range(3))))

asyncio.run(main())
