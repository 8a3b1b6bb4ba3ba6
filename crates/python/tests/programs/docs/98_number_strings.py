import asyncio

READINGS = ["1_000", " 42 ", "3.5", "1_000.000_1", "1e1_0", "-2_5", "ff", "1__0", "_7", "8_", "1_.5", "inf", "nan", "  -0.0"]


async def parse(text, delay):
    await asyncio.sleep(delay)
    for kind in (int, float):
        try:
            print(f"{kind.__name__}({text!r}) = {kind(text)!r}")
        except ValueError as e:
            print("ValueError:", e)


async def main():
    async with asyncio.TaskGroup() as tg:
        for i, text in enumerate(READINGS):
            tg.create_task(parse(text, i / 100))
    print(int("f_f", 16), int("1_0", 2), 1_000 + 0x_ff + 0b1_0 + 0o_7, 1_0.2_5, 1e1_0)
    bases = [("0x1f", 16), ("0x_1f", 0), ("-0X1F", 0), ("+0b101", 0), ("0o17", 8), ("010", 0), ("00", 0),
             ("0_7", 0), ("0b2", 0), ("0x", 16), ("1f", 0), (" -12 ", 0), ("z", 36), ("0x1f", 10), ("--5", 10)]
    for text, base in bases:
        try:
            print(f"int({text!r}, {base}) = {int(text, base)}")
        except ValueError as e:
            print("ValueError:", e)


asyncio.run(main())
