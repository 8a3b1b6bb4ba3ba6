for t in ["a  b ", "  a b  c  ", "", "   ", "a\tb\nc", "x\x1cy", " one two three four "]:
    print(repr(t), t.split(), t.split(None, 1), t.split(None, 0), t.rsplit(None, 1), t.rsplit(None, 2), t.split(maxsplit=2), t.rsplit(maxsplit=0))
