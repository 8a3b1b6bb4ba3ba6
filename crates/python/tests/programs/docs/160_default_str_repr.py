# super().__str__() and super().__repr__() of exceptions and plain objects, and Exception.__str__ / object.__repr__ called on an instance: the defaults, as CPython's.
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(msg)
        self.field = field
    def __str__(self):
        return self.field + ": " + super().__str__()
    def __repr__(self):
        return "VE<" + super().__repr__() + ">"

e = ValidationError("email", "must contain @")
print(e, repr(e), e.args)
print(str(e), [e])

class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(" + str(self.x) + ")"
    def __str__(self):
        return "P with " + super().__str__()[:0] + str(self.x)

print(P(3), repr(P(4)))
print(Exception.__str__(e), object.__repr__(P(1))[:10])
try:
    raise ValidationError("age", "too low")
except Exception as err:
    print(f"caught {err!r} / {err}")
