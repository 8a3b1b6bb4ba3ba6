# Zero padding of grouped digits (the zeros are grouped too), and CPython's errors for specs that a value's type does not take.
vals = [1234, 1234.5, -5, 12345678, 0, 0.5]
for sp in ['010,', '08,', '09,', '07,', '0=10,', '010_', '+010,', '010,.1f', '012,.2f', '08,d', '06,', '05,', '04,', '010_x', '010_b', 'x=10,', '012,e', '013,%', '015,e', '010,g', '<010,', '^012,'] :
    for v in vals:
        try:
            print(repr(sp), v, repr(format(v, sp)))
        except Exception as e:
            print(repr(sp), v, type(e).__name__, e)
for f in [lambda: format(None, ">5"), lambda: f"{[1, 2]:d}", lambda: f"{None!s:>6}|", lambda: f"{None!r:>6}|", lambda: f"{(1, 2)}", lambda: format([1], ""), lambda: f"{-1:c}", lambda: f"{0x110000:c}", lambda: "{:>5}".format(None), lambda: "%5s|" % None, lambda: f"{True:>6}|", lambda: f"{True:d}", lambda: format(range(3), "^9")]:
    try:
        print(f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
