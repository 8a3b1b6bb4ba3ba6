//! Functions sent to pools run in a worker's interpreter with a copy of the program's data:
//! values crossing both ways (sharing and cycles kept), closures, classes and exceptions,
//! what is refused (exact messages), and the copy semantics (which differ from CPython's
//! threads and forked processes, as the README says).

mod pools;

use pools::{main_of, run, task_lines, WHY};

#[test]
fn every_kind_of_value_crosses_both_ways() {
    let body = r#"class Point:
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    @staticmethod
    def origin():
        return Point(0, 0)
    @property
    def norm(self):
        return self.x + self.y
values = [None, True, False, 0, -2**100, 1.5, -0.0, float("inf"), "h\u00e9llo\n'\"", "", [1, [2, 3]], (), (1,),
          (1, (2, "x")), {"a": 1, 2: [3]}, {3, 1, 2}, set(), range(1, 10, 2), ..., print, time.sleep,
          random.randint, asyncio, sys.stdout, Point, Point(1, 2), ValueError("bad", 3)]
for v in values:
    r = await asyncio.to_thread(ident, v)
    print(repr(r) == repr(v), type(r) is type(v), repr(r))
p = await asyncio.to_thread(ident, Point(3, 4))
print(p.norm, Point.origin(), isinstance(p, Point), type(p) is Point, p.dims)
print(await asyncio.to_thread(lambda q: (q.norm, q.origin(), Point.dims), p))
nan = await asyncio.to_thread(ident, float("nan"))
print(nan != nan)
lst = [1]
append = await asyncio.to_thread(ident, lst.append)
append(2)
print(lst, append.__name__)
"#;
    let lines = run(&main_of(body));
    let out = task_lines(&lines);
    assert!(out.len() == 31, "{lines:#?}");
    for line in &out[..27] {
        assert!(line.starts_with("True True "), "{line}");
    }
    assert_eq!(out[15], "True True {1, 2, 3}");
    assert_eq!(out[25], "True True Point(1, 2)");
    assert_eq!(out[27..], ["7 Point(0, 0) True True 2", "(7, Point(0, 0), 2)", "True", "[1] append"]);
}

#[test]
fn sharing_and_cycles_are_kept_within_a_message() {
    let body = r#"a = [1]
r = await asyncio.to_thread(ident, [a, a, (a,)])
print(r[0] is r[1], r[2][0] is r[0], r[0] is a)
c = []
c.append(c)
r = await asyncio.to_thread(ident, c)
print(r[0] is r, r is c)
d = {}
d["self"] = d
r = await asyncio.to_thread(ident, d)
print(r["self"] is r)
class Node:
    pass
n = Node()
n.next = n
r = await asyncio.to_thread(ident, n)
print(r.next is r, type(r) is Node)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
def use(pair):
    inc, get = pair
    inc()
    inc()
    return get(), pair
got, pair = await asyncio.to_thread(use, counter())
print(got, pair[1](), pair[0]())
"#;
    let lines = run(&main_of(body));
    // Functions that came with the call come back as the loop's own, with the loop's data.
    assert_eq!(task_lines(&lines), ["True True False", "True False", "True", "True True", "2 0 1"], "{lines:#?}");
}

#[test]
fn functions_keep_their_closures_defaults_and_classes() {
    let body = r#"class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return f"hello {self.name}"
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    @classmethod
    def make(cls):
        return cls("kid", 3)
def outer(k):
    def scale(x, factor=2, *, offset=k):
        return x * factor + offset
    return scale
f = outer(10)
print(await asyncio.to_thread(f, 1), await asyncio.to_thread(f, 1, 3, offset=0))
c = await asyncio.to_thread(Child.make)
print(c.hello(), c.age, isinstance(c, Base), type(c) is Child)
m = await asyncio.to_thread(Child("ann", 7).hello)
print(m)
print(await asyncio.to_thread(lambda: [g(1) for g in (f, outer(-1))]))
loop = asyncio.get_running_loop()
print(await loop.run_in_executor(None, f, 5), f is await asyncio.to_thread(ident, f))
"#;
    let lines = run(&main_of(body));
    assert_eq!(task_lines(&lines), ["12 3", "hello kid 3 True True", "hello ann", "[12, 1]", "20 True"], "{lines:#?}");
}

#[test]
fn exceptions_come_back_with_the_workers_frames_and_causes() {
    let src = "import asyncio\n\nclass AppError(Exception):\n    pass\n\ndef inner(n):\n    return {}[n]\n\n\
               def work(n):\n    try:\n        inner(n)\n    except KeyError as e:\n        raise AppError(f'no {n}') from e\n\n\
               async def main():\n    try:\n        await asyncio.to_thread(work, 1)\n    except AppError as e:\n        \
               print('caught', e, type(e.__cause__).__name__)\n    await asyncio.to_thread(work, 2)\n\nasyncio.run(main())\n";
    let lines = run(src);
    let expected = [
        "Task-1: caught no 1 KeyError",
        "main: Traceback (most recent call last):",
        "main:   File \"main.py\", line 11, in work",
        "main:     inner(n)",
        "main:   File \"main.py\", line 7, in inner",
        "main:     return {}[n]",
        "main:            ~~^^^",
        "main: KeyError: 2",
        "main: ",
        "main: The above exception was the direct cause of the following exception:",
        "main: ",
        "main: Traceback (most recent call last):",
        "main:   File \"main.py\", line 22, in <module>",
        "main:     asyncio.run(main())",
        "main:   File \"main.py\", line 20, in main",
        "main:     await asyncio.to_thread(work, 2)",
        "main:   File \"main.py\", line 13, in work",
        "main:     raise AppError(f'no {n}') from e",
        "main: AppError: no 2",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn what_cannot_cross_a_thread_is_refused_in_the_caller() {
    let body = r#"loop = asyncio.get_running_loop()
task = asyncio.create_task(asyncio.sleep(0))
coro = asyncio.sleep(0)
pool = ProcessPoolExecutor()
for v in [task, loop.create_future(), coro, asyncio.Lock(), asyncio.Event(), asyncio.Queue(), loop, pool,
          iter([1]), (x for x in "ab"), [1, {"k": task}]]:
    try:
        await asyncio.to_thread(ident, v)
    except TypeError as e:
        print(e)
try:
    loop.run_in_executor(None, task.done)
except TypeError as e:
    print("at the call:", e)
await task
coro.close()
print(await asyncio.to_thread(lambda: (x for x in "ab")))
"#;
    let lines = run(&main_of(body));
    let kinds = [
        "Task",
        "Future",
        "coroutine",
        "Lock",
        "Event",
        "Queue",
        "_UnixSelectorEventLoop",
        "ProcessPoolExecutor",
        "list_iterator",
        "generator",
        "Task",
    ];
    let mut expected: Vec<String> =
        kinds.iter().map(|k| format!("cannot send '{k}' object to a worker: {WHY}")).collect();
    expected.push(format!("at the call: cannot send 'Task' object to a worker: {WHY}"));
    let out = task_lines(&lines);
    assert_eq!(out[..12], expected, "{lines:#?}");
    let last = format!("main: TypeError: cannot send 'generator' object back from a worker: {WHY}");
    assert_eq!(lines.last(), Some(&last));
}

#[test]
fn process_pools_refuse_what_cpython_cannot_pickle_in_its_words() {
    let src = "import asyncio, time\nfrom concurrent.futures import ProcessPoolExecutor\n\n\
               def ident(x):\n    return x\n\nlam = lambda x: x\n\n\
               async def main():\n    loop = asyncio.get_running_loop()\n    task = asyncio.create_task(asyncio.sleep(0))\n    \
               def local(x):\n        return x\n    \
               with ProcessPoolExecutor(max_workers=1) as pool:\n        \
               for f, v in [(ident, task), (ident, loop.create_future()), (local, 1), (lam, 1), (ident, time), \
               (ident, (x for x in 'a')), (ident, [lambda: 1]), (ident, asyncio.Lock())]:\n            \
               try:\n                await loop.run_in_executor(pool, f, v)\n            \
               except Exception as e:\n                \
               print(type(e).__name__, e, '|', type(e.__cause__).__name__)\n        \
               print(await loop.run_in_executor(pool, ident, 'fine'))\n\nasyncio.run(main())\n";
    let lines = run(src);
    let out = task_lines(&lines);
    let cause = " | _RemoteTraceback";
    assert_eq!(out[0], format!("TypeError cannot pickle '_asyncio.Task' object{cause}"));
    assert_eq!(out[1], format!("TypeError cannot pickle '_asyncio.Future' object{cause}"));
    assert_eq!(out[2], format!("AttributeError Can't pickle local object 'main.<locals>.local'{cause}"));
    assert!(out[3].starts_with("PicklingError Can't pickle <function <lambda> at 0x"), "{}", out[3]);
    assert!(out[3].ends_with(&format!(">: attribute lookup <lambda> on __main__ failed{cause}")), "{}", out[3]);
    assert_eq!(out[4], format!("TypeError cannot pickle 'module' object{cause}"));
    assert_eq!(out[5], format!("TypeError cannot pickle 'generator' object{cause}"));
    assert_eq!(out[6], format!("AttributeError Can't pickle local object 'main.<locals>.<lambda>'{cause}"));
    assert_eq!(out[7], format!("TypeError cannot send 'Lock' object to a worker: {WHY}{cause}"));
    assert_eq!(out[8], "fine");
}

#[test]
fn a_name_left_out_of_the_copy_says_why_and_asyncio_needs_the_loop() {
    let body = r#"loop = asyncio.get_running_loop()
lock = asyncio.Lock()
def uses_lock():
    return lock.locked()
def uses_loop():
    return asyncio.get_running_loop()
def runs_loop():
    asyncio.run(asyncio.sleep(0))
def nested_pool():
    return ProcessPoolExecutor(max_workers=1).submit(print, 1)
for f in (uses_lock, uses_loop, runs_loop, nested_pool):
    try:
        await asyncio.to_thread(f)
    except Exception as e:
        print(type(e).__name__, e)
"#;
    let lines = run(&main_of(body));
    let expected = [
        format!("NameError name 'lock' is not defined in this worker (cannot send 'Lock' object to a worker: {WHY})"),
        "RuntimeError no running event loop".into(),
        "RuntimeError asyncio.run() in a pool's worker is not supported by the playground".into(),
        "RuntimeError a pool's worker cannot send calls to a pool in the playground".into(),
    ];
    assert_eq!(task_lines(&lines), expected, "{lines:#?}");
}

/// CPython's threads share the program's memory: there, the loop would see the worker's
/// changes (`1 [0, 99] [1, 2, 3]`). Here a worker has a copy, as a process has. A thread's
/// `random` comes back: calls one after another draw CPython's numbers; concurrent calls
/// start from the same state (CPython's share one generator: there they differ).
#[test]
fn a_workers_changes_to_its_copy_are_not_seen_by_the_loop() {
    let src = "import asyncio, random\n\ncounter = 0\nitems = [1, 2]\n\n\
               def bump(lst):\n    global counter\n    counter += 1\n    lst.append(99)\n    items.append(3)\n    \
               return counter, lst, items\n\n\
               async def main():\n    mine = [0]\n    r = await asyncio.to_thread(bump, mine)\n    \
               print('worker saw', r)\n    print('loop sees', counter, mine, items)\n    \
               random.seed(5)\n    expected = [random.random() for _ in range(4)]\n    random.seed(5)\n    \
               drawn = [await asyncio.to_thread(random.random) for _ in range(3)]\n    \
               print(drawn + [random.random()] == expected)\n    \
               a, b = await asyncio.gather(asyncio.to_thread(random.random), asyncio.to_thread(random.random))\n    \
               print(a == b)\n\n\
               asyncio.run(main())\n";
    let lines = run(src);
    assert_eq!(task_lines(&lines), ["worker saw (1, [0, 99], [1, 2, 3])", "loop sees 0 [0] [1, 2]", "True", "True"]);
}

/// CPython forks a process pool's workers at its first `submit`, and each keeps its own
/// globals from one call to the next: there this prints `[1, 2, 3] 10`. Here every call
/// gets a copy of the loop's globals as they are when it starts.
#[test]
fn a_process_call_starts_from_the_loops_globals_of_the_moment() {
    let src = "import asyncio\nfrom concurrent.futures import ProcessPoolExecutor\n\ncalls = 0\n\n\
               def count():\n    global calls\n    calls += 1\n    return calls\n\n\
               async def main():\n    global calls\n    loop = asyncio.get_running_loop()\n    \
               with ProcessPoolExecutor(max_workers=1) as pool:\n        \
               a = [await loop.run_in_executor(pool, count) for _ in range(2)]\n        calls = 10\n        \
               a.append(await loop.run_in_executor(pool, count))\n        print(a, calls)\n\nasyncio.run(main())\n";
    assert_eq!(task_lines(&run(src)), ["[1, 1, 11] 10"]);
}

#[test]
fn a_worker_that_never_ends_stops_the_run() {
    let body =
        "def spin():\n    while True:\n        pass\nprint('start')\nawait asyncio.to_thread(spin)\nprint('never')\n";
    let lines = run(&main_of(body));
    assert_eq!(lines[0], "Task-1: start");
    assert!(lines.last().is_some_and(|l| l.contains("without yielding")), "{lines:#?}");
    assert_eq!(lines.len(), 2);
}
