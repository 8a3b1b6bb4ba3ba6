def g(x, /, y):
    return x + y
def h(a, b=2, /, c=3, *, d=4):
    return a, b, c, d
def k(x, /, **kw):
    return x, kw
print(g(1, 2), g(1, y=5), h(1), h(1, 5, c=6, d=7), k(1, x=2))
for call in (lambda: g(x=1, y=2), lambda: h(1, b=3), lambda: h(a=1, b=2), lambda: g(1, 2, 3), lambda: g(y=2)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
