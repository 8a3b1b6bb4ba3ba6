# Keyword arguments a function has no parameter for: CPython's TypeError, as a built-in says it and as asyncio's functions and classes say it; print's sep and end must be strings.
import asyncio
async def c(): pass
tests = [
 lambda: sorted([1], reversed=True), lambda: [1].sort(reversed=True), lambda: print("a", sepp=" "),
 lambda: min([1], keyy=len), lambda: max([1], x=1), lambda: enumerate([1], begin=1), lambda: round(1.5, digits=1),
 lambda: int("1", bas=2), lambda: sum([1], begin=1), lambda: zip([1], strictt=True), lambda: asyncio.gather(return_exception=True),
 lambda: asyncio.Queue(max_size=3), lambda: asyncio.Semaphore(valu=2), lambda: asyncio.sleep(1, reslt=1), 
 lambda: str(obj=1), lambda: len(x=1),
 lambda: asyncio.wait([], timout=1), 
 lambda: asyncio.as_completed([], timout=1), 
]
for t in tests:
    try:
        r = t()
        if asyncio.iscoroutine(r): r.close()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
for t in [lambda: print("a", "b", sep=1), lambda: print("c", end=2), lambda: print("d", sep=None, end=None)]:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)


async def main():
    for make in (lambda co: asyncio.create_task(co, nam="x"), lambda co: asyncio.wait_for(co, timout=1), lambda co: asyncio.run(co, debg=True)):
        co = c()
        try:
            make(co)
        except TypeError as e:
            print("TypeError:", e)
        co.close()
    print(sorted([3, 1, 2], key=lambda v: -v, reverse=True), await asyncio.sleep(0, result="slept"))


asyncio.run(main())
