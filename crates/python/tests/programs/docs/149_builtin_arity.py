# A built-in called with a number of arguments it does not take: CPython's TypeError for each.
try:
    len()
except TypeError as e:
    print('len', 0, e)
try:
    len([1], [1], [1], [1])
except TypeError as e:
    print('len', 4, e)
try:
    abs()
except TypeError as e:
    print('abs', 0, e)
try:
    abs([1], [1], [1], [1])
except TypeError as e:
    print('abs', 4, e)
try:
    repr()
except TypeError as e:
    print('repr', 0, e)
try:
    repr([1], [1], [1], [1])
except TypeError as e:
    print('repr', 4, e)
try:
    hash()
except TypeError as e:
    print('hash', 0, e)
try:
    hash([1], [1], [1], [1])
except TypeError as e:
    print('hash', 4, e)
try:
    id()
except TypeError as e:
    print('id', 0, e)
try:
    id([1], [1], [1], [1])
except TypeError as e:
    print('id', 4, e)
try:
    chr()
except TypeError as e:
    print('chr', 0, e)
try:
    chr([1], [1], [1], [1])
except TypeError as e:
    print('chr', 4, e)
try:
    ord()
except TypeError as e:
    print('ord', 0, e)
try:
    ord([1], [1], [1], [1])
except TypeError as e:
    print('ord', 4, e)
try:
    callable()
except TypeError as e:
    print('callable', 0, e)
try:
    callable([1], [1], [1], [1])
except TypeError as e:
    print('callable', 4, e)
try:
    any()
except TypeError as e:
    print('any', 0, e)
try:
    any([1], [1], [1], [1])
except TypeError as e:
    print('any', 4, e)
try:
    all()
except TypeError as e:
    print('all', 0, e)
try:
    all([1], [1], [1], [1])
except TypeError as e:
    print('all', 4, e)
try:
    ascii()
except TypeError as e:
    print('ascii', 0, e)
try:
    ascii([1], [1], [1], [1])
except TypeError as e:
    print('ascii', 4, e)
try:
    bin()
except TypeError as e:
    print('bin', 0, e)
try:
    bin([1], [1], [1], [1])
except TypeError as e:
    print('bin', 4, e)
try:
    hex()
except TypeError as e:
    print('hex', 0, e)
try:
    hex([1], [1], [1], [1])
except TypeError as e:
    print('hex', 4, e)
try:
    oct()
except TypeError as e:
    print('oct', 0, e)
try:
    oct([1], [1], [1], [1])
except TypeError as e:
    print('oct', 4, e)
try:
    isinstance()
except TypeError as e:
    print('isinstance', 0, e)
try:
    isinstance([1], [1], [1], [1])
except TypeError as e:
    print('isinstance', 4, e)
try:
    issubclass()
except TypeError as e:
    print('issubclass', 0, e)
try:
    issubclass([1], [1], [1], [1])
except TypeError as e:
    print('issubclass', 4, e)
try:
    divmod()
except TypeError as e:
    print('divmod', 0, e)
try:
    divmod([1], [1], [1], [1])
except TypeError as e:
    print('divmod', 4, e)
try:
    hasattr()
except TypeError as e:
    print('hasattr', 0, e)
try:
    hasattr([1], [1], [1], [1])
except TypeError as e:
    print('hasattr', 4, e)
try:
    setattr()
except TypeError as e:
    print('setattr', 0, e)
try:
    setattr([1], [1], [1], [1])
except TypeError as e:
    print('setattr', 4, e)
try:
    getattr()
except TypeError as e:
    print('getattr', 0, e)
try:
    getattr([1], [1], [1], [1])
except TypeError as e:
    print('getattr', 4, e)
try:
    iter()
except TypeError as e:
    print('iter', 0, e)
try:
    iter([1], [1], [1], [1])
except TypeError as e:
    print('iter', 4, e)
try:
    next()
except TypeError as e:
    print('next', 0, e)
try:
    next([1], [1], [1], [1])
except TypeError as e:
    print('next', 4, e)
try:
    min()
except TypeError as e:
    print('min', 0, e)
try:
    min([1], [1], [1], [1])
except TypeError as e:
    print('min', 4, e)
try:
    max()
except TypeError as e:
    print('max', 0, e)
try:
    max([1], [1], [1], [1])
except TypeError as e:
    print('max', 4, e)
try:
    sorted()
except TypeError as e:
    print('sorted', 0, e)
try:
    sorted([1], [1], [1], [1])
except TypeError as e:
    print('sorted', 4, e)
try:
    reversed()
except TypeError as e:
    print('reversed', 0, e)
try:
    reversed([1], [1], [1], [1])
except TypeError as e:
    print('reversed', 4, e)
try:
    filter()
except TypeError as e:
    print('filter', 0, e)
try:
    filter([1], [1], [1], [1])
except TypeError as e:
    print('filter', 4, e)
try:
    list()
except TypeError as e:
    print('list', 0, e)
try:
    list([1], [1], [1], [1])
except TypeError as e:
    print('list', 4, e)
try:
    tuple()
except TypeError as e:
    print('tuple', 0, e)
try:
    tuple([1], [1], [1], [1])
except TypeError as e:
    print('tuple', 4, e)
try:
    dict()
except TypeError as e:
    print('dict', 0, e)
try:
    dict([1], [1], [1], [1])
except TypeError as e:
    print('dict', 4, e)
try:
    set()
except TypeError as e:
    print('set', 0, e)
try:
    set([1], [1], [1], [1])
except TypeError as e:
    print('set', 4, e)
try:
    bool()
except TypeError as e:
    print('bool', 0, e)
try:
    bool([1], [1], [1], [1])
except TypeError as e:
    print('bool', 4, e)
try:
    float()
except TypeError as e:
    print('float', 0, e)
try:
    float([1], [1], [1], [1])
except TypeError as e:
    print('float', 4, e)
try:
    range()
except TypeError as e:
    print('range', 0, e)
try:
    range([1], [1], [1], [1])
except TypeError as e:
    print('range', 4, e)
try:
    super([1], [1], [1], [1])
except TypeError as e:
    print('super', 4, e)
try:
    format()
except TypeError as e:
    print('format', 0, e)
try:
    format([1], [1], [1], [1])
except TypeError as e:
    print('format', 4, e)
try:
    round()
except TypeError as e:
    print('round', 0, e)
try:
    round([1], [1], [1], [1])
except TypeError as e:
    print('round', 4, e)
try:
    pow()
except TypeError as e:
    print('pow', 0, e)
try:
    pow([1], [1], [1], [1])
except TypeError as e:
    print('pow', 4, e)
try:
    int()
except TypeError as e:
    print('int', 0, e)
try:
    int([1], [1], [1], [1])
except TypeError as e:
    print('int', 4, e)
try:
    str()
except TypeError as e:
    print('str', 0, e)
try:
    str([1], [1], [1], [1])
except TypeError as e:
    print('str', 4, e)
try:
    sum()
except TypeError as e:
    print('sum', 0, e)
try:
    sum([1], [1], [1], [1])
except TypeError as e:
    print('sum', 4, e)
try:
    enumerate()
except TypeError as e:
    print('enumerate', 0, e)
try:
    enumerate([1], [1], [1], [1])
except TypeError as e:
    print('enumerate', 4, e)
try:
    map()
except TypeError as e:
    print('map', 0, e)
try:
    map([1], [1], [1], [1])
except TypeError as e:
    print('map', 4, e)
try:
    type()
except TypeError as e:
    print('type', 0, e)
try:
    type([1], [1], [1], [1])
except TypeError as e:
    print('type', 4, e)
try:
    object()
except TypeError as e:
    print('object', 0, e)
try:
    object([1], [1], [1], [1])
except TypeError as e:
    print('object', 4, e)
try:
    aiter()
except TypeError as e:
    print('aiter', 0, e)
try:
    aiter([1], [1], [1], [1])
except TypeError as e:
    print('aiter', 4, e)
try:
    anext()
except TypeError as e:
    print('anext', 0, e)
try:
    anext([1], [1], [1], [1])
except TypeError as e:
    print('anext', 4, e)
try:
    staticmethod()
except TypeError as e:
    print('staticmethod', 0, e)
try:
    staticmethod([1], [1], [1], [1])
except TypeError as e:
    print('staticmethod', 4, e)
try:
    classmethod()
except TypeError as e:
    print('classmethod', 0, e)
try:
    classmethod([1], [1], [1], [1])
except TypeError as e:
    print('classmethod', 4, e)
try:
    round(number=2.5)
    print(round(number=2.5), pow(2, exp=3), type(enumerate(iterable=[1])).__name__, list(enumerate(iterable="ab", start=1)), sorted([3, 1], key=abs))
except TypeError as e:
    print("keywords", e)
for call in (lambda: len(obj=[1]), lambda: abs(1, x=2), lambda: round(ndigits=2), lambda: pow(2, mod=5)):
    try:
        call()
    except TypeError as e:
        print(e)
