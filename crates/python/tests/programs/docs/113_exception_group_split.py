# ExceptionGroup.split and subgroup: by a type, a tuple of types or a function; the group itself tested first; nested groups split the same way; and except* on the same group.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup((TypeError, KeyError))), eg.subgroup(OSError))
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.split(Exception)[0] is eg, eg.subgroup(lambda e: True) is eg)
try:
    eg.split(5)
except TypeError as e:
    print(e)
try:
    raise eg
except* ValueError as g:
    print("values", repr(g))
except* (TypeError, KeyError) as g:
    print("others", repr(g), g.exceptions)
