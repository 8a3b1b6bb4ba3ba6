for x, d in [(250.0, -2), (-250.0, -2), (25.0, -1), (35.0, -1), (7.743739783738786e+24, -2), (1234.5678, -2), (0.5, -1), (5.0, -1), (15.0, -1), (149.99, -2), (150.0, -2), (1e300, -301), (9.5, 0), (2.675, 2), (123456.0, -10), (-0.0, -1), (1.7e308, -308), (float("inf"), -1), (float("nan"), 2)]:
    try:
        print(x, d, round(x, d))
    except OverflowError as e:
        print("OverflowError", e)
for x in [2.5, 3.5, -2.5, 1e30, float("inf"), float("nan")]:
    try:
        print(round(x))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for x in [float("nan"), float("inf"), -float("inf")]:
    try:
        print(int(x))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
