//! A guard on the depth of the engine's own recursion over values nested in values (`repr`,
//! `==`, ordering, hashing): past [`NESTING_LIMIT`] levels it goes no deeper, and the caller
//! raises CPython's `RecursionError`, instead of overflowing the browser's stack (which would
//! end the page's engine, not the program).

use std::cell::Cell;

/// Values nested deeper than this are too deep to write, compare or hash (CPython's limit,
/// its recursion limit, is about 1000; the browser's stack holds fewer levels).
pub const NESTING_LIMIT: usize = 200;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static EXCEEDED: Cell<bool> = const { Cell::new(false) };
}

/// `f()` one level deeper, or `fallback` (noted, see [`exceeded`]) past the limit.
pub fn nested<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    let depth = DEPTH.with(|d| d.replace(d.get() + 1));
    let out = if depth >= NESTING_LIMIT {
        EXCEEDED.with(|e| e.set(true));
        fallback
    } else {
        f()
    };
    DEPTH.with(|d| d.set(depth));
    out
}

/// Whether the limit was passed since this was last asked (it forgets it).
pub fn exceeded() -> bool {
    EXCEEDED.with(|e| e.replace(false))
}

thread_local! {
    static DROPPING: Cell<bool> = const { Cell::new(false) };
    static LATER: std::cell::RefCell<Vec<crate::value::Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops `values` one after the other instead of inside one another: a dict dropped while
/// another is being dropped hands what it holds to the outer loop, so a dict nested
/// thousands deep does not overflow the stack as it goes.
pub fn drop_flat(mut values: Vec<crate::value::Value>) {
    // (While the thread ends, its queue may be gone: then they are dropped here.)
    let queued = LATER.try_with(|later| later.borrow_mut().append(&mut values)).is_ok();
    if !queued || DROPPING.with(|d| d.replace(true)) {
        return;
    }
    while let Some(v) = LATER.with(|later| later.borrow_mut().pop()) {
        drop(v);
    }
    DROPPING.with(|d| d.set(false));
}
