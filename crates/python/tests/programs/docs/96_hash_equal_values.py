import asyncio


async def main():
    # Equal values hash equal, whatever the object.
    word = "ab"
    print(hash("abc") == hash(word + "c"), hash("abc") == hash("".join(["a", "b", "c"])))
    print(len({hash(s) for s in ["ab" + "c", "abc", "a" + "bc", "abcd"[:3]]}))
    print(hash(("task", 1)) == hash(("ta" + "sk", 1)), hash("x") == hash("y"))
    print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
    print(hash(10**20) == hash(1e20), {10**20: "big"}.get(1e20), {2.0: "two"}[2])

    # Numbers hash as CPython's do: small integers are themselves, but -1 is -2.
    print(hash(-1), hash(-2), hash(7), hash(2**61 - 1), hash(2**61 + 5), hash(-(2**64)))
    print(hash(0.5), hash(-1.5), hash(0.1), hash(1e300), hash(float("inf")), hash(float("-inf")))
    print(hash(()), hash((1, 2)), hash((1, (2.5, -1))), hash((True, None is None)))

    # Strings as keys: built at run time, found all the same.
    counts = {}
    for part in ["ab", "a", "ab"]:
        key = part + "c" if len(part) == 2 else part + "bc"
        counts[key] = counts.get(key, 0) + 1
    print(counts, "abc" in {"".join(["ab", "c"])})
    for bad in ([1], {"a": 1}, {1}):
        try:
            hash(bad)
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
