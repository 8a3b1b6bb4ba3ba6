# An uncaught exception raised by __exit__ while the body's exception is handled: both tracebacks, chained.
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, typ, exc, tb):
        print("exit sees", typ.__name__)
        raise RuntimeError("in exit")

with Ctx():
    print("body")
    {}["k"]
