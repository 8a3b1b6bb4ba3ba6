for args in [("5",), ("ff", 16), ("0x1f", 0), ("  12  ",), ("1_000",)]:
    print(int(*args))
for bad in [lambda: int(5, 10), lambda: int(5.5, base=2), lambda: int("12", 1), lambda: int("9", 8), lambda: int("", 10), lambda: int(None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("%d%%" % 5)
try:
    print("%5%" % ())
except Exception as e:
    print(type(e).__name__, e)
for t, v in [("%5%", ()), ("%5%|", (1,)), ("%(a)5%|", {"a": 1}), ("a%%b%-3%", (2,))]:
    try:
        print(repr(t % v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int(base=10)
except TypeError as e:
    print(e)
