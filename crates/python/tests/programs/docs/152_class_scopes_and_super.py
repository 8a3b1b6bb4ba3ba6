# super() of a property, class bodies' names unseen from their comprehensions and methods, an exception raised by __exit__ chained to the body's.
class A:
    def __init__(self):
        self._n = 1
    @property
    def name(self):
        return "A"
    @property
    def n(self):
        return self._n
    @n.setter
    def n(self, v):
        self._n = v

class B(A):
    @property
    def name(self):
        return "B+" + super().name

b = B()
print(b.name, b.n)
b.n = 5
print(b.n)

class K:
    xs = [1, 2, 3]
    total = sum(x for x in xs)
    print(total)
try:
    class K2:
        y = 10
        zs = [y * i for i in range(3)]
except NameError as e:
    print("NameError:", e)

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise RuntimeError("in exit")
try:
    with Ctx():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

class M:
    size = 3
    squares = [i * i for i in range(size)]
    label = (lambda: "lam")()
    def area(self):
        try:
            return size
        except NameError as e:
            return f"NameError: {e}"
    def ok(self):
        return self.size, M.size
print(M.squares, M.label, M().area(), M().ok())
