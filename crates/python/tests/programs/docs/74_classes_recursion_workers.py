import asyncio

class Node:
    created = 0

    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
        Node.created += 1

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def __repr__(self):
        return f"Node({self.value}, {len(self.children)} children)"

tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree, tree.total(), Node.created, tree.children, hasattr(tree, "value"), getattr(tree, "nope", "default"))
setattr(tree, "label", "root")
print(tree.label, type(tree) is Node, isinstance(tree, object), Node.__name__)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"error: {e}"
    finally:
        pass

print(safe_div(1, 4), safe_div(1, 0))

errors = []
for bad in ["1", "x", None, [1]]:
    try:
        errors.append(int(bad))
    except (TypeError, ValueError) as e:
        errors.append(type(e).__name__)
print(errors)

async def worker(q, results):
    while True:
        item = await q.get()
        try:
            if item < 0:
                raise ValueError(f"negative: {item}")
            results.append(item * 10)
        except ValueError as e:
            results.append(str(e))
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(q, results)) for _ in range(2)]
    for item in [1, -2, 3, -4, 5]:
        q.put_nowait(item)
    await q.join()
    for w in workers:
        w.cancel()
    outcome = await asyncio.gather(*workers, return_exceptions=True)
    print(results, [type(o).__name__ for o in outcome])
    t = asyncio.create_task(asyncio.sleep(0.1, result="late"))
    done, pending = await asyncio.wait([t], timeout=0.05)
    print(len(done), len(pending), await t)

asyncio.run(main())
