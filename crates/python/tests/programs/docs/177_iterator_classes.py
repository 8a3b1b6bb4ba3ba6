# Iterators and sequences of a program's own: __iter__ / __next__, __iter__ as a generator or
# returning a built-in iterator, __getitem__ alone (the sequence protocol), __setitem__, and
# the errors of iter() and next() on objects that are not iterators, as a course shows them.
import asyncio


class Countdown:
    """An iterator: __iter__ returns itself, __next__ makes the items."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Playlist:
    """An iterable whose __iter__ is a generator, with __len__, __getitem__ and __setitem__."""

    def __init__(self, *songs):
        self.songs = list(songs)

    def __iter__(self):
        for song in self.songs:
            yield song.title()

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, i):
        return self.songs[i]

    def __setitem__(self, i, song):
        self.songs[i] = song


class Deck:
    """Only __getitem__: iteration by index, until IndexError (the sequence protocol)."""

    ranks = "A23"

    def __getitem__(self, i):
        return self.ranks[i] + "♠"


class Batches:
    """__iter__ returning a built-in iterator."""

    def __init__(self, items, size):
        self.items, self.size = items, size

    def __iter__(self):
        return iter([self.items[i:i + self.size] for i in range(0, len(self.items), self.size)])


class Broken:
    def __iter__(self):
        return 42


async def play(song, seconds):
    await asyncio.sleep(seconds)
    print(f"played {song}")
    return song


async def main():
    for n in Countdown(3):
        print("countdown", n)
        await asyncio.sleep(0.1)
    it = iter(Countdown(2))
    print(type(it).__name__, next(it), next(it), next(it, "done"))
    try:
        next(it)
    except StopIteration:
        print("StopIteration at the end")
    p = Playlist("intro", "verse", "outro")
    p[1] = "chorus"
    print(len(p), p[0], p[-1], p[1:], list(p), sorted(p, reverse=True))
    print("Chorus" in p, "verse" in p, [s for s in p if s != "Intro"], dict(enumerate(p, 1)))
    done = await asyncio.gather(*(play(s, 0.1 * k) for k, s in enumerate(p)))
    print(done)
    print(list(Deck()), "2♠" in Deck(), list(zip(Deck(), Countdown(5))), next(iter(Deck())))
    first, *rest = Countdown(4)
    print(first, rest, sum(Countdown(4)), max(Countdown(3)), tuple(Batches("abcdefg", 3)))
    for batch in Batches(list(range(5)), 2):
        results = await asyncio.gather(*(play(f"track {x}", 0.05) for x in batch))
        print("batch", results)
    try:
        for x in Broken():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        iter(Playlist)
    except TypeError as e:
        print("TypeError:", e)
    try:
        next(p)
    except TypeError as e:
        print("TypeError:", e)
    d = Deck()
    d[0] = "K"


asyncio.run(main())
