#!/usr/bin/env python3
"""Where a WebAssembly module's code goes, by the names in its name section.

    python3 scripts/wasm_sizes.py target/wasm32-unknown-unknown/release/playground-engine.wasm [N]

Prints the sizes of its code and data sections, raw and compressed (of any module, the one the
page loads too). Then, of the module cargo writes before wasm-bindgen and wasm-opt (those strip
the names), prints its code's bytes by crate (without wasm-bindgen's descriptor functions, which
wasm-bindgen removes), the share in closures and async state machines (`{{closure}}`)
and in closures called through `FnOnce` (`core::ops::function`), and the N largest functions.
The figures are of unoptimised code: wasm-opt and gzip shrink each part differently.
"""

import collections
import re
import sys
import zlib


def leb(data, i):
    """An unsigned LEB128 at `i`: its value and the index after it."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def skip_name(data, i):
    length, i = leb(data, i)
    return i + length


def sections(data):
    """(id, start, end) of each section."""
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        yield sid, i, i + size
        i += size


def imported_functions(data, start):
    count, i = leb(data, start)
    functions = 0
    for _ in range(count):
        i = skip_name(data, skip_name(data, i))
        kind = data[i]
        i += 1
        if kind == 0:  # a function: its type index
            _, i = leb(data, i)
            functions += 1
        elif kind == 1:  # a table: element type, limits
            flags = data[i + 1]
            _, i = leb(data, i + 2)
            if flags & 1:
                _, i = leb(data, i)
        elif kind == 2:  # a memory: limits
            flags = data[i]
            _, i = leb(data, i + 1)
            if flags & 1:
                _, i = leb(data, i)
        else:  # a global: value type, mutability
            i += 2
    return functions


def read(path):
    data = open(path, "rb").read()
    imports, bodies, names = 0, [], {}
    for sid, start, end in sections(data):
        if sid == 2:
            imports = imported_functions(data, start)
        elif sid == 10:
            count, i = leb(data, start)
            for _ in range(count):
                size, i = leb(data, i)
                bodies.append(size)
                i += size
        elif sid == 0:
            length, i = leb(data, start)
            if data[i : i + length] != b"name":
                continue
            i += length
            while i < end:
                sub = data[i]
                size, i = leb(data, i + 1)
                if sub == 1:
                    count, j = leb(data, i)
                    for _ in range(count):
                        index, j = leb(data, j)
                        length, j = leb(data, j)
                        names[index] = data[j : j + length].decode("utf8", "replace")
                        j += length
                i += size
    return [(size, names.get(imports + k, "?")) for k, size in enumerate(bodies)]


def segments(name):
    """The path of a legacy-mangled symbol (`_ZN...E`)."""
    m = re.match(r"_ZN(.*)E$", name)
    if not m:
        return []
    s, out, i = m.group(1), [], 0
    while i < len(s) and s[i].isdigit():
        j = i
        while s[j].isdigit():
            j += 1
        out.append(s[j : j + int(s[i:j])])
        i = j + int(s[i:j])
    return out


def readable(text):
    """Rust's escapes in legacy symbols undone (`$LT$` to `<`, `..` to `::`, ...)."""
    for escape, char in [("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$u7b$", "{"), ("$u7d$", "}"),
                         ("$RF$", "&"), ("$C$", ","), ("$BP$", "*"), ("$u5b$", "["), ("$u5d$", "]"), ("..", "::")]:
        text = text.replace(escape, char)
    return re.sub(r"::h[0-9a-f]{16}$", "", text.lstrip("_"))


DESCRIBE = "(wasm-bindgen's descriptors: wasm-bindgen removes them)"


def crate(name):
    if name.startswith("__wbindgen_describe"):
        return DESCRIBE
    path = segments(name)
    if path and not path[0].startswith("_$LT$"):
        return path[0]
    if path:  # an impl block, `<T as Trait>`: the first crate it names
        name = path[0]
    m = re.search(r"(playground_[a-z]+)|(alloc|core|std|hashbrown|dlmalloc|wasm_bindgen|js_sys|web_sys)", name)
    return (m.group(1) or m.group(2)) if m else "(other)"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    for sid, start, end in sections(data):
        if sid in (10, 11):
            packed = len(zlib.compress(data[start:end], 9))
            print(f"{'code' if sid == 10 else 'data'} section: {(end - start) / 1024:.1f} KB, {packed / 1024:.1f} KB compressed (zlib, level 9)")
    functions = read(sys.argv[1])
    if not any(name != "?" for _, name in functions):
        sys.exit("this module has no name section (read the one cargo writes, before wasm-bindgen, for its functions)")
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    functions = [(size, name) for size, name in functions if crate(name) != DESCRIBE]
    total = sum(size for size, _ in functions)
    kb = lambda n: f"{n / 1024:.1f} KB"
    print(f"{len(functions)} functions, {kb(total)} of code")
    by = collections.Counter()
    for size, name in functions:
        by[crate(name)] += size
    print("by crate:")
    for name, size in by.most_common(12):
        print(f"  {kb(size):>10}  {size * 100 / total:4.1f}%  {name}")
    closures = sum(s for s, n in functions if "closure" in n and segments(n)[:3] != ["core", "ops", "function"])
    fn_once = sum(s for s, n in functions if segments(n)[:3] == ["core", "ops", "function"])
    print(f"closures and async state machines ({{{{closure}}}}): {kb(closures)} ({closures * 100 / total:.1f}%)")
    print(f"closures called through FnOnce (core::ops::function): {kb(fn_once)} ({fn_once * 100 / total:.1f}%)")
    print(f"the {top} largest functions:")
    for size, name in sorted(functions, reverse=True)[:top]:
        print(f"  {size:>7}  {readable('::'.join(segments(name)) or name)[:150]}")


if __name__ == "__main__":
    main()
