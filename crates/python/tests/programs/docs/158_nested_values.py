# Values nested in values: written, compared and hashed through their levels; a dict nested
# very deep compares equal to itself at once, and goes without trouble.
def nest(n):
    x = []
    for i in range(n):
        x = [x, {"k": (i, [i])}]
    return x


x = nest(150)
print(len(repr(x)), len(str(x)), x == nest(150), x != nest(149), hash(((((1, "a"),),),)) == hash(((((1, "a"),),),)))
deep = {}
for i in range(20000):
    deep = {"k": deep, "n": i}
print(deep == deep, deep["n"], len(deep))
del deep
print("dropped")
big = []
for i in range(100000):
    big = [big, (i,)]
big = None
print("a list nested 100000 deep, dropped")
