def f():
    raise ExceptionGroup("several", [ValueError("v"), TypeError("t"), ValueError("w")])

try:
    f()
except* ValueError as eg:
    print("values:", eg.exceptions, eg.message)
except* TypeError as eg:
    print("types:", repr(eg), str(eg))

eg = ExceptionGroup("msg", [KeyError("k")])
print(eg, repr(eg), len(eg.exceptions))
try:
    raise eg
except ExceptionGroup as e:
    print("plain except:", e.exceptions)
try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("wrapped:", repr(g))
        raise RuntimeError("from handler")
except RuntimeError as e:
    print("got", e)
raise ExceptionGroup("final", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
