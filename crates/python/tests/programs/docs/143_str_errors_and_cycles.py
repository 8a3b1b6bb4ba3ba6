class Dog:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return f"Dog {self.name}"

class Bad:
    def __repr__(self):
        return 42

class Raises:
    def __str__(self):
        raise ValueError("no text")
    def __repr__(self):
        raise ValueError("no repr")

items = [1, 2]
items.append(items)
print(items, len(items))
d = {"k": 1}
d["self"] = d
print(d)
print(str(Dog("rex")), f"{Dog('b')!s:>8}|")
for thing in (Bad(), Raises()):
    for how in (str, repr, lambda x: f"{x}", lambda x: "%s" % (x,), lambda x: "{}".format(x)):
        try:
            print(how(thing))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
try:
    print([Bad()])
except TypeError as e:
    print("list:", e)
