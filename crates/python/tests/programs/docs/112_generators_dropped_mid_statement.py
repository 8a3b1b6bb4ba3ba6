# Plain generators dropped while what their finally uses is being changed: closed before the next statement, as CPython closes them (or as the call that held them returns).
def numbers(tag):
    try:
        yield 1
        yield 2
    finally:
        print("closed", tag, len(cache))
cache = {}
cache["g"] = numbers("replaced in a dict")
next(cache["g"])
cache["g"] = 0
print("after dict")
items = [numbers("replaced in a list")]
next(items[0])
items[0] = cache
print("after list")
def work():
    h = numbers("in work")
    next(h)
    return 5
print(work())
for x in numbers("by break"):
    break
print("end")
