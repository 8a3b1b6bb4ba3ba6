//! Python values.

use crate::aio::future::FutureObj;
use crate::aio::native::Native;
use crate::ast::FuncDef;
use crate::interp::{Ctrl, Scope};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// A boxed future that stays on its thread, evaluating to a value or a raised exception.
pub type PyFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Value, Ctrl>>>>;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer (128-bit: larger results raise `OverflowError`).
    Int(i128),
    /// A float.
    Float(f64),
    /// A string.
    Str(Rc<str>),
    /// A list.
    List(Rc<RefCell<Items>>),
    /// A tuple.
    Tuple(Rc<Vec<Value>>),
    /// A dict.
    Dict(Rc<RefCell<Dict>>),
    /// A set.
    Set(Rc<RefCell<Dict>>),
    /// `range(start, stop, step)`.
    Range(i64, i64, i64),
    /// A slice.
    Slice(Rc<(Value, Value, Value)>),
    /// A function defined by the program.
    Func(Rc<Function>),
    /// A built-in function, or a built-in method bound to its object.
    Builtin(Rc<Builtin>),
    /// A method bound to its instance.
    Method(Rc<(Value, Value)>),
    /// A class (built-in types included).
    Class(Rc<Class>),
    /// An instance of a class of the program's (exceptions included).
    Instance(Rc<Instance>),
    /// A coroutine object.
    Coro(Rc<Coroutine>),
    /// An `asyncio.Future` or `asyncio.Task`.
    Fut(Rc<FutureObj>),
    /// An iterator.
    Iter(Rc<RefCell<IterState>>),
    /// A module, an asyncio object, a pool...
    Native(Rc<Native>),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::format::repr(self))
    }
}

/// The state of an iterator.
#[derive(Default)]
pub struct IterState {
    /// The items left, in order.
    pub items: std::collections::VecDeque<Value>,
    /// A range still to produce: next value, stop, step.
    pub range: Option<(i64, i64, i64)>,
    /// What it still makes items from (a generator expression, `enumerate`, `map`...).
    pub lazy: Option<crate::interp::lazy::Lazy>,
    /// CPython's name of its type (`list_iterator`, `generator`, ...); empty: `iterator`.
    pub kind: &'static str,
    /// A generator's qualified name, as its repr shows it.
    pub name: Option<Rc<str>>,
    /// For an iterator over a dict or a set: the dict, its size when the iteration began,
    /// and the interpreter that raises CPython's error if the size changes meanwhile.
    pub watch: Option<(Rc<RefCell<Dict>>, usize, std::rc::Weak<crate::interp::Interp>)>,
    /// What a generator's body returned, until `next()` raises it in `StopIteration`.
    pub returned: Option<Value>,
}

impl IterState {
    /// An iterator of `kind` over `items`.
    pub fn of(kind: &'static str, items: std::collections::VecDeque<Value>) -> IterState {
        IterState { items, kind, ..IterState::default() }
    }

    /// CPython's name of its type.
    pub fn type_name(&self) -> &'static str {
        if self.kind.is_empty() {
            "iterator"
        } else {
            self.kind
        }
    }
}

/// A hashable key: how a value is found in a dict or set.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum HashKey {
    /// `None`.
    None,
    /// Integers, booleans and integral floats.
    Int(i128),
    /// Other floats, by their bits.
    Float(u64),
    /// Strings.
    Str(Rc<str>),
    /// Tuples.
    Tuple(Vec<HashKey>),
    /// Objects hashed by identity.
    Id(usize),
}

/// An insertion-ordered dict (also the storage of sets).
#[derive(Default, Clone)]
pub struct Dict {
    entries: Vec<Option<(Value, Value)>>,
    index: HashMap<HashKey, usize>,
    len: usize,
    /// For a set made by CPython's `set_merge` (from another set, or from the frozenset a set
    /// display of constants is folded into): its first keys were put at once into a table of
    /// this size (see [`crate::setorder`]).
    pub merged_table: Option<(usize, usize)>,
}

/// A list's items: a `Vec` that, dropped, hands its items to [`crate::nesting::drop_flat`],
/// so a list nested thousands deep does not overflow the stack as it goes.
#[derive(Clone, Default)]
pub struct Items(pub Vec<Value>);

impl std::ops::Deref for Items {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl std::ops::DerefMut for Items {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}

impl From<Vec<Value>> for Items {
    fn from(v: Vec<Value>) -> Items {
        Items(v)
    }
}

impl FromIterator<Value> for Items {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Items {
        Items(iter.into_iter().collect())
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            crate::nesting::drop_flat(std::mem::take(&mut self.0));
        }
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        if !self.entries.is_empty() {
            let held = std::mem::take(&mut self.entries).into_iter().flatten().flat_map(|(k, v)| [k, v]).collect();
            crate::nesting::drop_flat(held);
        }
    }
}

/// An instance's attributes go to [`crate::nesting::drop_flat`] too: a linked list of
/// instances thousands long does not overflow the stack as it is dropped.
impl Drop for Instance {
    fn drop(&mut self) {
        let attrs = self.attrs.get_mut();
        if !attrs.is_empty() {
            crate::nesting::drop_flat(std::mem::take(attrs).into_values().collect());
        }
    }
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }
    /// Its number of entries.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The value at `key`.
    pub fn get(&self, key: &HashKey) -> Option<&Value> {
        self.index.get(key).and_then(|&i| self.entries[i].as_ref()).map(|(_, v)| v)
    }
    /// Sets `key` (keeping its place if present).
    pub fn insert(&mut self, hk: HashKey, key: Value, value: Value) {
        if let Some(&i) = self.index.get(&hk) {
            if let Some(entry) = self.entries[i].as_mut() {
                entry.1 = value;
            }
            return;
        }
        self.index.insert(hk, self.entries.len());
        self.entries.push(Some((key, value)));
        self.len += 1;
    }
    /// Removes `key`, returning its value.
    pub fn remove(&mut self, hk: &HashKey) -> Option<Value> {
        let i = self.index.remove(hk)?;
        let (_, v) = self.entries[i].take()?;
        self.len -= 1;
        if self.entries.len() > 32 && self.len < self.entries.len() / 2 {
            let old = std::mem::take(&mut self.entries);
            self.index.clear();
            self.len = 0;
            for (k, v) in old.into_iter().flatten() {
                if let Some(h) = hash_key(&k) {
                    self.insert(h, k, v);
                }
            }
        }
        Some(v)
    }
    /// Its entries, in insertion order.
    pub fn items(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter().flatten()
    }
    /// Its keys, in insertion order.
    pub fn keys(&self) -> Vec<Value> {
        self.items().map(|(k, _)| k.clone()).collect()
    }
    /// As a set: its keys in CPython's iteration order.
    pub fn set_order(&self) -> Vec<Value> {
        crate::setorder::ordered_from(self.keys(), self.merged_table)
    }
    /// Removes everything.
    pub fn clear(&mut self) {
        *self = Dict::default();
    }
    /// Removes and returns the first (or last) entry.
    pub fn pop_entry(&mut self, last: bool) -> Option<(Value, Value)> {
        let pos = if last {
            self.entries.iter().rposition(|e| e.is_some())?
        } else {
            self.entries.iter().position(|e| e.is_some())?
        };
        let (k, v) = self.entries[pos].take()?;
        if let Some(h) = hash_key(&k) {
            self.index.remove(&h);
        }
        self.len -= 1;
        Some((k, v))
    }
}

/// The key of a hashable value; `None` if it is unhashable (lists, dicts, sets).
pub fn hash_key(v: &Value) -> Option<HashKey> {
    Some(match v {
        Value::None => HashKey::None,
        Value::Bool(b) => HashKey::Int(*b as i128),
        Value::Int(i) => HashKey::Int(*i),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1.0e38 => HashKey::Int(*f as i128),
        Value::Float(f) => HashKey::Float(f.to_bits()),
        Value::Str(s) => HashKey::Str(s.clone()),
        Value::Tuple(items) => {
            HashKey::Tuple(crate::nesting::nested(None, || items.iter().map(hash_key).collect::<Option<Vec<_>>>())?)
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        // A class that defines `__eq__` (and cannot define `__hash__`) is unhashable, as in CPython.
        Value::Instance(i) if i.class.lookup("__eq__").is_some() => return None,
        other => HashKey::Id(identity(other)),
    })
}

/// An object's identity (its address), for `is` and hashing by identity.
pub fn identity(v: &Value) -> usize {
    match v {
        Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Func(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Method(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Coro(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Fut(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::None => 1,
        Value::Bool(b) => 2 + *b as usize,
        Value::Int(i) => *i as usize,
        Value::Float(f) => f.to_bits() as usize,
        Value::Range(a, b, c) => (*a ^ *b ^ *c) as usize,
    }
}

/// A function of the program's, with the scope it closes over.
pub struct Function {
    /// Its definition.
    pub def: Rc<FuncDef>,
    /// Its default values, evaluated at definition.
    pub defaults: Vec<Option<Value>>,
    /// Its keyword-only defaults.
    pub kw_defaults: Vec<Option<Value>>,
    /// The scope it was defined in.
    pub scope: Rc<Scope>,
    /// Its qualified name (`Class.method`).
    pub qualname: Rc<str>,
}

/// A native function's signature: the interpreter context, the bound object (if a method), arguments.
pub type NativeFn = fn(&crate::interp::Cx, &Value, Args) -> Result<Value, Ctrl>;

/// A built-in function or method.
pub struct Builtin {
    /// Its name.
    pub name: Rc<str>,
    /// The object it is bound to (`Value::None` for a function).
    pub this: Value,
    /// Its implementation.
    pub f: NativeFn,
    /// Whether its result (a coroutine) is awaited at once by the call (`asyncio.run`, `time.sleep`).
    pub auto_await: bool,
}

/// Positional and keyword arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    /// Positional.
    pub pos: Vec<Value>,
    /// Keyword.
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    /// Positional arguments only.
    pub fn of(pos: Vec<Value>) -> Args {
        Args { pos, kw: vec![] }
    }
    /// Takes a keyword argument out.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_ref() == name)?;
        Some(self.kw.remove(i).1)
    }
    /// The `i`-th positional argument, or the keyword `name`.
    pub fn get(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.pos.get(i).cloned()
    }
}

/// A class: one of the program's, or a built-in type or exception.
pub struct Class {
    /// Its name.
    pub name: Rc<str>,
    /// Its module (`builtins`, `__main__`, `asyncio.exceptions`...).
    pub module: &'static str,
    /// Its bases.
    pub bases: Vec<Rc<Class>>,
    /// Its attributes and methods.
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
    /// Whether it is an exception class.
    pub is_exception: bool,
    /// For a built-in type, how to call it.
    pub ctor: Option<NativeFn>,
}

/// An instance of a class of the program's, or an exception.
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// Its attributes.
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
    /// For an exception: the frames it passed through (line, function, frame id, the
    /// expression that failed there), innermost first.
    pub traceback: RefCell<Vec<TbEntry>>,
}

/// A traceback's entry: line, function, frame id, and where the failed expression is.
pub type TbEntry = (usize, Rc<str>, usize, Option<Span>);

/// Where the expression that failed in a frame is (as CPython's instruction positions): its
/// first column, its last line and the column after its end; 1-based, in characters.
pub type Span = (usize, usize, usize);

/// Where a coroutine is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CoroState {
    /// Created, never started.
    Created,
    /// Started (awaited or wrapped in a task).
    Started,
}

/// Reports a coroutine that was never awaited (given its name).
pub type Warn = Rc<dyn Fn(&str)>;

/// A coroutine object: the lazy body of an `async def` call (or of a native coroutine).
pub struct Coroutine {
    /// Its name (`fetch_data`, `Queue.get`...).
    pub name: Rc<str>,
    /// Its body, until it is started.
    pub body: RefCell<Option<PyFuture>>,
    /// Whether it started.
    pub state: Cell<CoroState>,
    /// Where to report it if it is never awaited.
    pub warn: Option<Warn>,
    /// The function it is a call of (for `iscoroutine` and reprs: where it was defined).
    pub def_line: usize,
    /// The line its frame is at.
    pub line: Rc<Cell<usize>>,
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.state.get() == CoroState::Created {
            if let Some(warn) = &self.warn {
                warn(&self.name);
            }
        }
    }
}
