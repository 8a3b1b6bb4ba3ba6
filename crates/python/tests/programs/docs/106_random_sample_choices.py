# random.sample and random.choices draw what CPython draws from the same seed.
import random
random.seed(42)
print(random.sample(range(100), 5), random.sample("abcdefgh", 3), random.sample([1, 2, 3], 3))
print(random.sample(range(1000), 10), random.sample(range(30), 7), random.sample(list(range(200)), 6))
print(random.choices(["red", "green", "blue"], k=5), random.choices("ab"), random.choices(range(10), weights=[1] * 10, k=3))
print(random.choices(["a", "b", "c"], [10, 1, 1], k=6), random.choices(["a", "b"], cum_weights=[0.2, 1.0], k=4))
print(random.choices([1, 2, 3], weights=[0.5, 0.25, 0.25], k=8), random.random())
for bad in [lambda: random.sample({1, 2}, 1), lambda: random.sample([1], 2), lambda: random.choices([1, 2], [1], k=2), lambda: random.choices([1], [0]), lambda: random.choices([1], [1], cum_weights=[1])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
