words = "the quick  brown fox".split()
print(words, "a,b,,c".split(",", 1), "a b c d".split(None, 2), "a b c d".rsplit(None, 1), "x-y-z".rsplit("-", 1))
print("line1\nline2".splitlines(), "key=value=x".partition("="), "prefix_name".removeprefix("prefix_"))
print("key=value=x".rpartition("="), "plain".rpartition("="), "main.py".rpartition("."))
print("hello".rfind("l"), "hello".index("l"), "aB".swapcase(), "abc1".isalnum(), " ".isspace(), "abc".islower())
print({1, 2}.union([3]), {1, 2, 3}.intersection({2, 3, 4}), {1, 2}.difference({1}), {1}.issubset({1, 2}))
print(hex(255), bin(5), oct(8), issubclass(bool, int), issubclass(KeyError, LookupError))
d = {"a": 1, "b": 2}
print(d.popitem(), d, "aaa".replace("a", "b", 2))
