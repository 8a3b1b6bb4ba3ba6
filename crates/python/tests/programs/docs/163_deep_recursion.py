# Recursion a few hundred calls deep runs (factorials, linked structures); far deeper, it
# raises RecursionError, caught like any exception, in the loop's thread and in a thread of
# the pool; a linked list 100 000 long is built and dropped.
import asyncio


def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest

    def __repr__(self):
        return f"Node({self.value}, {self.rest!r})"

    def total(self):
        return self.value + (self.rest.total() if self.rest else 0)


def chain(n):
    node = None
    for i in range(n):
        node = Node(i, node)
    return node


def in_thread():
    try:
        depth(5000)
    except RecursionError as e:
        print("thread:", type(e).__name__)
    return depth(100)


async def main():
    print(len(str(factorial(30))), depth(200))
    short = chain(3)
    print(short, short.total())
    long = chain(100_000)
    for attempt in (long.total, lambda: repr(long), lambda: depth(5000)):
        try:
            attempt()
        except RecursionError as e:
            print("main:", type(e).__name__)
    print(await asyncio.to_thread(in_thread))
    del long
    print("dropped")


asyncio.run(main())
