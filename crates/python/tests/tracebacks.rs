//! Tracebacks as CPython 3.11 writes them, markers (`^^^^`, `~~^~~`) included: each case's
//! expected text is what `python3` (3.11.7) wrote for the same program.

use playground_python::{run_virtual, TraceEvent};

const CASES: [(&str, &str); 36] = [
    (
        "def ratio(a, b):\n    return a / b\n\ndef main():\n    values = {\"a\": 1}\n    x = ratio(values[\"a\"], 0) + 1\n    print(x)\n\nmain()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 9, in <module>\n    main()\n  File \"main.py\", line 6, in main\n    x = ratio(values[\"a\"], 0) + 1\n        ^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in ratio\n    return a / b\n           ~~^~~\nZeroDivisionError: division by zero",
    ),
    (
        "d = {\"a\": 1}\ntotal = 3 * (d[\"b\"] + 2)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    total = 3 * (d[\"b\"] + 2)\n                 ~^^^^^\nKeyError: 'b'",
    ),
    (
        "x = \"a\" + 1\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    x = \"a\" + 1\n        ~~~~^~~\nTypeError: can only concatenate str (not \"int\") to str",
    ),
    (
        "def f(n):\n    return undefined_name + n\ny = [f(i) for i in range(3)]\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    y = [f(i) for i in range(3)]\n        ^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 3, in <listcomp>\n    y = [f(i) for i in range(3)]\n         ^^^^\n  File \"main.py\", line 2, in f\n    return undefined_name + n\n           ^^^^^^^^^^^^^^\nNameError: name 'undefined_name' is not defined",
    ),
    (
        "lst = []\nlst[5] = 1\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    lst[5] = 1\n    ~~~^^^\nIndexError: list assignment index out of range",
    ),
    (
        "a, b = [1, 2, 3]\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    a, b = [1, 2, 3]\n    ^^^^\nValueError: too many values to unpack (expected 2)",
    ),
    (
        "def g():\n    return (1 +\n            2) / 0\ng()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    g()\n  File \"main.py\", line 2, in g\n    return (1 +\n           ^^^^\nZeroDivisionError: division by zero",
    ),
    (
        "data = [1, 2]\nprint(data[0] // 0)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(data[0] // 0)\n          ~~~~~~~~^^~~\nZeroDivisionError: integer division or modulo by zero",
    ),
    (
        "def f(x):   \n    return x.upper()   \nprint(f(3))\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    print(f(3))\n          ^^^^\n  File \"main.py\", line 2, in f\n    return x.upper()   \n           ^^^^^^^\nAttributeError: 'int' object has no attribute 'upper'",
    ),
    (
        "matrix = [[1, 2], [3, 4]]\nprint(matrix[1][2])\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(matrix[1][2])\n          ~~~~~~~~~^^^\nIndexError: list index out of range",
    ),
    (
        "def describe(user):\n    return f\"{user['name']} is {user['age'] + 1}\"\nprint(describe({\"name\": \"ann\", \"age\": \"x\"}))\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    print(describe({\"name\": \"ann\", \"age\": \"x\"}))\n          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in describe\n    return f\"{user['name']} is {user['age'] + 1}\"\n                                ~~~~~~~~~~~~^~~\nTypeError: can only concatenate str (not \"int\") to str",
    ),
    (
        "class Account:\n    def __init__(self, balance):\n        self.balance = balance\n    def withdraw(self, amount):\n        if amount > self.balance:\n            raise ValueError(\"insufficient funds\")\n        self.balance -= amount\n\nacct = Account(10)\nacct.withdraw(amount=5)\nacct.withdraw(\n    amount=50,\n)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 11, in <module>\n    acct.withdraw(\n  File \"main.py\", line 6, in withdraw\n    raise ValueError(\"insufficient funds\")\nValueError: insufficient funds",
    ),
    (
        "nums = [3, 0, 1]\ntotal = sum(10 // n for n in nums)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    total = sum(10 // n for n in nums)\n            ^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in <genexpr>\n    total = sum(10 // n for n in nums)\n                ~~~^^~~\nZeroDivisionError: integer division or modulo by zero",
    ),
    (
        "data = {\"a\": [1, 2]}\nvalue = data[\"a\"][0] + data[\"b\"][0]\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    value = data[\"a\"][0] + data[\"b\"][0]\n                           ~~~~^^^^^\nKeyError: 'b'",
    ),
    (
        "def f():\n    x = None\n    return x.attr.other\nf()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    f()\n  File \"main.py\", line 3, in f\n    return x.attr.other\n           ^^^^^^\nAttributeError: 'NoneType' object has no attribute 'attr'",
    ),
    (
        "values = [1, 2, 3]\nsquares = {v: 1 / (v - 2) for v in values}\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    squares = {v: 1 / (v - 2) for v in values}\n              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in <dictcomp>\n    squares = {v: 1 / (v - 2) for v in values}\n                  ~~^~~~~~~~~\nZeroDivisionError: division by zero",
    ),
    (
        "x = 5\nassert x < 3, f\"x is {x}\"\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    assert x < 3, f\"x is {x}\"\n           ^^^^^\nAssertionError: x is 5",
    ),
    (
        "items = [\"a\", \"b\"]\nprint(items[1:3][5])\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(items[1:3][5])\n          ~~~~~~~~~~^^^\nIndexError: list index out of range",
    ),
    (
        "def a(): return b()\ndef b(): return c()\ndef c(): return 1 / 0\na()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    a()\n  File \"main.py\", line 1, in a\n    def a(): return b()\n                    ^^^\n  File \"main.py\", line 2, in b\n    def b(): return c()\n                    ^^^\n  File \"main.py\", line 3, in c\n    def c(): return 1 / 0\n                    ~~^~~\nZeroDivisionError: division by zero",
    ),
    (
        "d = {}\nd[\"x\"] += 1\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    d[\"x\"] += 1\n    ~^^^^^\nKeyError: 'x'",
    ),
    (
        "class C:\n    pass\nc = C()\nc.count += 1\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    c.count += 1\n    ^^^^^^^\nAttributeError: 'C' object has no attribute 'count'",
    ),
    (
        "def check(v):\n    assert v\ncheck(0)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    check(0)\n  File \"main.py\", line 2, in check\n    assert v\nAssertionError",
    ),
    (
        "class P:\n    def __init__(self):\n        self.name = 1\n    def greet(self): pass\nP().nme\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n    P().nme\nAttributeError: 'P' object has no attribute 'nme'. Did you mean: 'name'?",
    ),
    (
        "\"abc\".uper()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    \"abc\".uper()\n    ^^^^^^^^^^\nAttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?",
    ),
    (
        "print(zzzzzz)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    print(zzzzzz)\n          ^^^^^^\nNameError: name 'zzzzzz' is not defined",
    ),
    (
        "def f():\n    count = 1\n    return cont\nf()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    f()\n  File \"main.py\", line 3, in f\n    return cont\n           ^^^^\nNameError: name 'cont' is not defined. Did you mean: 'count'?",
    ),
    (
        "d = {}; d.iterms()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    d = {}; d.iterms()\n            ^^^^^^^^\nAttributeError: 'dict' object has no attribute 'iterms'. Did you mean: 'items'?",
    ),
    (
        "print(Flase)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    print(Flase)\n          ^^^^^\nNameError: name 'Flase' is not defined. Did you mean: 'False'?",
    ),
    (
        "x = [1]; x.apend(2)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    x = [1]; x.apend(2)\n             ^^^^^^^\nAttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?",
    ),
    (
        "class P:\n    def greet(self): pass\nP().gret()\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    P().gret()\n    ^^^^^^^^\nAttributeError: 'P' object has no attribute 'gret'. Did you mean: 'greet'?",
    ),
    (
        "prnt(\"x\")\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    prnt(\"x\")\n    ^^^^\nNameError: name 'prnt' is not defined. Did you mean: 'print'?",
    ),
    (
        "value = 3\nprint(valeu)\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(valeu)\n          ^^^^^\nNameError: name 'valeu' is not defined. Did you mean: 'value'?",
    ),
    (
        "x = 5\nx.real2\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    x.real2\nAttributeError: 'int' object has no attribute 'real2'. Did you mean: 'real'?",
    ),
    (
        "def f(x):\n    raise ValueError(x)\nprint([x for x in map(f, [1])])\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    print([x for x in map(f, [1])])\n          ^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 3, in <listcomp>\n    print([x for x in map(f, [1])])\n          ^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in f\n    raise ValueError(x)\nValueError: 1",
    ),
    (
        "def f(x):\n    raise ValueError(x)\ndef g(x):\n    return x\nprint(sum(x for x in map(f, [1])))\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n    print(sum(x for x in map(f, [1])))\n          ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 5, in <genexpr>\n    print(sum(x for x in map(f, [1])))\n             ^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 2, in f\n    raise ValueError(x)\nValueError: 1",
    ),
    (
        "class Bad:\n    def __init__(self):\n        self.n = 0\n    def __iter__(self):\n        return self\n    def __next__(self):\n        self.n += 1\n        if self.n == 3:\n            raise ValueError(\"bad item\")\n        return self.n\n\nclass Table:\n    def __getitem__(self, key):\n        return {\"a\": 1}[key]\n\nprint([x for x in Bad()])\n",
        "Traceback (most recent call last):\n  File \"main.py\", line 16, in <module>\n    print([x for x in Bad()])\n          ^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 16, in <listcomp>\n    print([x for x in Bad()])\n          ^^^^^^^^^^^^^^^^^^\n  File \"main.py\", line 9, in __next__\n    raise ValueError(\"bad item\")\nValueError: bad item",
    ),
];

#[test]
fn tracebacks_mark_the_failed_expression_as_cpython_does() {
    for (src, expected) in CASES {
        let program = src.to_string();
        let lines = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || run_virtual(&program, 1000.0, 4).expect("it runs"))
            .expect("a thread")
            .join()
            .expect("no panic");
        let stderr: Vec<&str> =
            lines.iter().filter(|l| l.event == TraceEvent::Stderr).map(|l| l.text.as_str()).collect();
        // CPython keeps a source line's trailing blanks; the trace's lines end without them.
        let expected: Vec<&str> = expected.lines().map(str::trim_end).collect();
        assert_eq!(stderr, expected, "for the program:\n{src}");
    }
}
