//! `repr`, `str` and format specs, as CPython writes them.

use crate::value::{CoroState, Value};

/// A hook for instances of the program's classes (their `__repr__` / `__str__`): `None` to use the default.
pub type Hook<'a> = &'a mut dyn FnMut(&Value, bool) -> Option<String>;

/// `repr(v)` without the program's own `__repr__`.
pub fn repr(v: &Value) -> String {
    repr_with(v, &mut |_, _| None)
}

/// `str(v)` without the program's own `__str__`.
pub fn str_of(v: &Value) -> String {
    str_with(v, &mut |_, _| None)
}

/// `str(v)`.
pub fn str_with(v: &Value, hook: Hook) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Instance(i) if i.class.is_exception => {
            if let Some(s) = hook(v, false) {
                return s;
            }
            let args = exc_args(v);
            if let (Some(Value::Tuple(excs)), Some(msg)) = (i.attrs.borrow().get("exceptions"), args.first()) {
                let n = excs.len();
                return format!("{} ({n} sub-exception{})", str_of(msg), if n == 1 { "" } else { "s" });
            }
            let key_error = i.class.mro().iter().any(|c| c.name.as_ref() == "KeyError" && c.module == "builtins");
            match args.len() {
                0 => String::new(),
                1 if key_error => repr_with(&args[0], hook),
                1 => str_with(&args[0], hook),
                _ => repr_with(&Value::Tuple(args.into()), hook),
            }
        }
        Value::Instance(_) => hook(v, false).unwrap_or_else(|| repr_with(v, hook)),
        Value::Native(n) => match &**n {
            crate::aio::native::Native::Queue(q) => q.repr(None),
            _ => repr_with(v, hook),
        },
        _ => repr_with(v, hook),
    }
}

/// `object.__str__` / `object.__repr__` (and an exception's `BaseException.__str__` /
/// `__repr__`) of `v`: its default text, the program's methods not used for `v` itself but
/// used for what it holds (and, for `object.__str__`, for its repr, as CPython's calls it).
pub fn default_text(v: &Value, is_repr: bool, hook: Hook) -> String {
    let mut top = true;
    let id = crate::value::identity(v);
    let mut skip_top = |x: &Value, r: bool| {
        if std::mem::take(&mut top) && crate::value::identity(x) == id {
            return None;
        }
        hook(x, r)
    };
    if is_repr {
        repr_with(v, &mut skip_top)
    } else {
        str_with(v, &mut skip_top)
    }
}

/// An exception's `args`.
pub fn exc_args(v: &Value) -> Vec<Value> {
    if let Value::Instance(i) = v {
        if let Some(Value::Tuple(t)) = i.attrs.borrow().get("args") {
            return t.to_vec();
        }
    }
    vec![]
}

/// `repr(v)` (its nested values as deep as [`crate::nesting`] allows).
pub fn repr_with(v: &Value, hook: Hook) -> String {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Method(_) | Value::Native(_) => {
            crate::nesting::nested(String::new(), || repr_nested(v, hook))
        }
        _ => repr_nested(v, hook),
    }
}

fn repr_nested(v: &Value, hook: Hook) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => (if *b { "True" } else { "False" }).into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::List(items) => guarded(v, "[...]", || {
            let items = items.borrow().clone();
            format!("[{}]", items.iter().map(|i| repr_with(i, hook)).collect::<Vec<_>>().join(", "))
        }),
        Value::Tuple(items) if items.len() == 1 => format!("({},)", repr_with(&items[0], hook)),
        Value::Tuple(items) => format!("({})", items.iter().map(|i| repr_with(i, hook)).collect::<Vec<_>>().join(", ")),
        Value::Dict(d) => guarded(v, "{...}", || {
            let items: Vec<_> = d.borrow().items().cloned().collect();
            let parts: Vec<String> =
                items.iter().map(|(k, v)| format!("{}: {}", repr_with(k, hook), repr_with(v, hook))).collect();
            format!("{{{}}}", parts.join(", "))
        }),
        Value::Set(d) => {
            let keys = d.borrow().set_order();
            if keys.is_empty() {
                return "set()".into();
            }
            format!("{{{}}}", keys.iter().map(|k| repr_with(k, hook)).collect::<Vec<_>>().join(", "))
        }
        Value::Range(a, b, 1) => format!("range({a}, {b})"),
        Value::Range(a, b, c) => format!("range({a}, {b}, {c})"),
        Value::Slice(s) => format!("slice({}, {}, {})", repr(&s.0), repr(&s.1), repr(&s.2)),
        Value::Func(f) => format!("<function {} at {}>", f.qualname, fake_address(v)),
        Value::Builtin(b) => match &b.this {
            Value::None => format!("<built-in function {}>", b.name),
            this => format!("<built-in method {} of {} object at {}>", b.name, type_name(this), fake_address(this)),
        },
        Value::Method(m) => {
            let name = match &m.1 {
                Value::Func(f) => f.qualname.to_string(),
                _ => "?".into(),
            };
            format!("<bound method {} of {}>", name, repr_with(&m.0, hook))
        }
        Value::Class(c) => {
            if c.module == "builtins" {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.module, c.name)
            }
        }
        Value::Instance(i) => {
            if let Some(s) = hook(v, true) {
                return s;
            }
            if i.class.is_exception {
                let args = exc_args(v);
                let inner: Vec<String> = args.iter().map(|a| repr_with(a, hook)).collect();
                return format!("{}({})", i.class.name, inner.join(", "));
            }
            match i.class.module {
                "builtins" => format!("<{} object at {}>", i.class.name, fake_address(v)),
                module => format!("<{module}.{} object at {}>", i.class.name, fake_address(v)),
            }
        }
        Value::Coro(c) => {
            let _ = c.state.get() == CoroState::Created;
            format!("<coroutine object {} at {}>", c.name, fake_address(v))
        }
        Value::Fut(f) => f.repr(hook),
        Value::Iter(it) => match it.try_borrow().ok().and_then(|i| i.name.clone()) {
            Some(name) => format!("<generator object {name} at {}>", fake_address(v)),
            None => format!("<{} object at {}>", type_name(v), fake_address(v)),
        },
        Value::Native(n) => match crate::dictview::view_of(v) {
            Some(view) => {
                let items = Value::List(std::rc::Rc::new(std::cell::RefCell::new(view.items().into())));
                format!("{}({})", view.type_name(), repr_with(&items, hook))
            }
            None => n.repr(),
        },
    }
}

thread_local! {
    /// The lists and dicts being written now (innermost last), as CPython's `Py_ReprEnter` keeps them.
    static WRITING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `write()`, or `again` for a container that is already being written (one that contains
/// itself: `[1, [...]]`).
fn guarded(v: &Value, again: &str, write: impl FnOnce() -> String) -> String {
    let id = crate::value::identity(v);
    if WRITING.with(|w| w.borrow().contains(&id)) {
        return again.into();
    }
    WRITING.with(|w| w.borrow_mut().push(id));
    let text = write();
    WRITING.with(|w| w.borrow_mut().pop());
    text
}

/// A stable, address-like text for an object (the playground does not show real addresses).
pub fn fake_address(v: &Value) -> String {
    address(crate::value::identity(v))
}

/// The text of an object's identity, as a repr shows an address (`0x7f3a...`).
pub fn address(identity: usize) -> String {
    format!("0x{:012x}", identity as u64 & 0xffff_ffff_ffff)
}

/// The name of a value's type.
pub fn type_name(v: &Value) -> String {
    match v {
        Value::None => "NoneType".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) => "int".into(),
        Value::Float(_) => "float".into(),
        Value::Str(_) => "str".into(),
        Value::List(_) => "list".into(),
        Value::Tuple(_) => "tuple".into(),
        Value::Dict(_) => "dict".into(),
        Value::Set(_) => "set".into(),
        Value::Range(..) => "range".into(),
        Value::Slice(_) => "slice".into(),
        Value::Func(_) => "function".into(),
        Value::Builtin(_) => "builtin_function_or_method".into(),
        Value::Method(_) => "method".into(),
        Value::Class(_) => "type".into(),
        Value::Instance(i) => i.class.name.to_string(),
        Value::Coro(_) => "coroutine".into(),
        Value::Fut(f) => f.type_name().into(),
        Value::Iter(it) => it.try_borrow().map_or("generator", |i| i.type_name()).into(),
        Value::Native(n) => n.type_name().into(),
    }
}

/// A string's repr, with CPython's choice of quotes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !crate::escapes::printable(c) => crate::escapes::escape_char(c, &mut out),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

pub use crate::floattext::float_repr;
pub use crate::spec::format_value;
