# Format specs at their edges: a negative zero keeps its sign (and 3.11's `z` drops it), a
# precision without a type letter ("like g, but at least one digit past the point"), the `c`
# type, `#` alternate forms, the errors of specs that do not apply, and printf-style `%c`.
import asyncio

NAN, INF = float("nan"), float("inf")


def attempt(label, make):
    try:
        print(label, repr(make()))
    except (ValueError, TypeError, OverflowError) as e:
        print(label, type(e).__name__, e)


async def measure(name, value):
    await asyncio.sleep(0.01)
    return name, value


async def main():
    print(f"{-0.0:.3f}|{-0.0:g}|{-0.0:+.1f}|{-0.0:e}", "%.2f" % -0.0)
    print(f"{-0.0001:.2f}|{-0.004:.1f}|{-1e-10:.0f}|{-0.0:%}|{-0.0:.2%}|{-0.0:G}|{-0.0:.1e}|{-0.0:n}")
    print(format(-0.0), str(-0.0), repr(-0.0), "%g" % -0.0, "%e" % -0.0, "%r" % -0.0, "%05.1f" % -0.0)
    print(f"[{-0.0:10.2f}] [{-0.0:010.2f}] [{-0.0: .2f}] [{-0.0:,.2f}] [{-0.0:5}] [{-0.0:.3}] [{-0.0:#.0f}]")
    print(f"{-0.0:z.2f}|{-0.0001:z.2f}|{-0.0:z}|{-1.5:z.1f}|{-0.0:+z.2f}|{-0.0:z010.2f}|{-1e-9:z.3g}")
    print(f"{-0.0:z.2e}|{-0.0001:z.1%}|{-INF:z}|{0.0:z.1f}|{-0.0:z.0f}")
    print(f"{100.0:.4}|{3.0:.2}|{2.0:.1}|{1234.5:.3}|{0.0001:.2}|{1e20:.3}|{12.0:10.3}")
    print(f"{0.0:.1}|{0.0:.3}|{1.0:.0}|{9.99:.2}|{0.5:.1}|{1.25:.2}|{123.0:.3}|{-3.0:.2}|{1e16:.17}")
    print(f"{1.5:.10}|{2.5:.1}|{99.95:.3}|{10.0:.2}|{1e15:.17}|{123.456:.20}|{INF:.3}|{NAN:.2}|{-INF:.1}")
    print(f"{12.0:#.3}|{12.0:#.3g}|{12.0:#g}|{1.0:#.0f}|{1.0:#.0e}|{1e20:#.3}|{1e16:#}|{0.0:#.3}|{1.5:#.0}")
    print(f"{1234.5:,.6}|{1234567.0:,.3}|{1234.0:_.6}|{1e16:,}|{1234567.0:,}|{1234.5:_}")
    print(f"{NAN:f}|{-NAN:f}|{NAN:F}|{-INF:E}|{NAN:.2%}|{INF:+g}|{INF:010.2f}|{INF:,.2f}|{1e300 * 10:G}")
    print(f"{0.125:.2f}|{2.5:.0f}|{0.375:.2}|{2.675:.2f}|{5e-324:.3}|{1.7976931348623157e308:.3}")
    print(repr(-1240608522254349.2), 2.0**-1074, 2.0**70, 1e16, 1e-5, 123456789012345678.0, 0.1 + 0.2)
    print(f"{1234:n}|{-1234:n}|{1234.5:n}|{1e20:n}|{0.1:.3n}|{5:010n}")
    print("{:c}".format(97), f"{65:c}", hex(ord(f"{0x1F600:c}")), f"[{97:>5c}]", f"[{97:<5c}]", f"[{97:*^5c}]", f"[{97:05c}]")
    print(repr(f"{10:c}"), repr(f"{True:c}"), format(97, "c"), f"{True:x}", f"[{True:5}]", f"{True:}")
    print("%c|%c|%5c|%-3c|" % (97, "x", 65, "b"), hex(ord("%c" % 0x1F600)), repr("%c" % True))
    print("%#g|%#.0f|%#.0e|%#x|%#o|%#.3g|%#d" % (1.0, 1.0, 1.0, 255, 8, 12.0, 5))
    print(f"[{5:<05}] [{5:x<05}] [{'a':05}] [{-5:^+7}] [{255:#010x}] [{-255:=+#8x}]")
    for name, value in [await measure("mean", -0.0004), await measure("total", 3.0), await measure("max", 1e20)]:
        print(f"{name:>6}: {value:.3} {value:8.1f} {value:z.2e}")
    checks = [
        ("int .2", lambda: f"{5:.2}"),
        ("int .2d", lambda: format(5, ".2d")),
        ("int z", lambda: f"{5:z}"),
        ("int .1c", lambda: f"{97:.1c}"),
        ("c sign", lambda: f"{97:+c}"),
        ("c space", lambda: f"{97: c}"),
        ("c alt", lambda: f"{97:#c}"),
        ("c comma", lambda: f"{97:,c}"),
        ("c under", lambda: f"{97:_c}"),
        ("str c", lambda: f"{'a':c}"),
        ("float c", lambda: f"{1.5:c}"),
        ("float d", lambda: f"{1.5:d}"),
        ("bool s", lambda: format(True, "s")),
        ("str d", lambda: format("a", "d")),
        ("str z", lambda: f"{'a':z}"),
        ("str comma", lambda: f"{'a':,}"),
        ("str sign", lambda: f"{'a':+}"),
        ("str space", lambda: f"{'a': }"),
        ("str alt", lambda: f"{'a':#}"),
        ("str =", lambda: f"{'a':=5}"),
        ("comma under", lambda: f"{5:,_}"),
        ("under comma", lambda: f"{5.0:_,}"),
        ("comma comma", lambda: f"{1.5:,,}"),
        ("comma n", lambda: f"{1234.5:,n}"),
        ("comma x", lambda: f"{255:,x}"),
        ("no precision", lambda: f"{1.5:.f}"),
        ("two points", lambda: format(1.5, ".2.3")),
        ("%c 'xy'", lambda: "%c" % "xy"),
        ("%c ''", lambda: "%c" % ""),
        ("%c 1.5", lambda: "%c" % 1.5),
        ("%c -1", lambda: "%c" % -1),
        ("%c 0x110000", lambda: "%c" % 0x110000),
    ]
    for label, make in checks:
        attempt(label, make)


asyncio.run(main())
