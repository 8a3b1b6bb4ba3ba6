//! Built-in classes (types and exceptions) and the built-in functions.

use crate::ast::CmpOp;
use crate::format::{format_value, type_name};
use crate::interp::exc::make_exc;
use crate::interp::ops::truthy;
use crate::interp::{call_sync, Ctrl, Cx, Interp};
use crate::value::{hash_key, Args, Builtin, Class, Dict, Items, NativeFn, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// The exceptions: name, base, module.
const EXCEPTIONS: [(&str, &str, &str); 65] = [
    ("BaseException", "object", "builtins"),
    ("Exception", "BaseException", "builtins"),
    ("BaseExceptionGroup", "BaseException", "builtins"),
    ("ExceptionGroup", "BaseExceptionGroup", "builtins"),
    ("KeyboardInterrupt", "BaseException", "builtins"),
    ("SystemExit", "BaseException", "builtins"),
    ("GeneratorExit", "BaseException", "builtins"),
    ("CancelledError", "BaseException", "asyncio.exceptions"),
    ("ArithmeticError", "Exception", "builtins"),
    ("ZeroDivisionError", "ArithmeticError", "builtins"),
    ("OverflowError", "ArithmeticError", "builtins"),
    ("AssertionError", "Exception", "builtins"),
    ("AttributeError", "Exception", "builtins"),
    ("NameError", "Exception", "builtins"),
    ("UnboundLocalError", "NameError", "builtins"),
    ("LookupError", "Exception", "builtins"),
    ("IndexError", "LookupError", "builtins"),
    ("KeyError", "LookupError", "builtins"),
    ("RuntimeError", "Exception", "builtins"),
    ("NotImplementedError", "RuntimeError", "builtins"),
    ("RecursionError", "RuntimeError", "builtins"),
    ("TypeError", "Exception", "builtins"),
    ("ValueError", "Exception", "builtins"),
    ("StopIteration", "Exception", "builtins"),
    ("StopAsyncIteration", "Exception", "builtins"),
    ("MemoryError", "Exception", "builtins"),
    ("OSError", "Exception", "builtins"),
    ("TimeoutError", "OSError", "builtins"),
    ("ConnectionError", "OSError", "builtins"),
    ("InvalidStateError", "Exception", "asyncio.exceptions"),
    ("BrokenBarrierError", "RuntimeError", "asyncio.exceptions"),
    ("QueueEmpty", "Exception", "asyncio.queues"),
    ("QueueFull", "Exception", "asyncio.queues"),
    ("SyntaxError", "Exception", "builtins"),
    ("Warning", "Exception", "builtins"),
    ("RuntimeWarning", "Warning", "builtins"),
    ("UserWarning", "Warning", "builtins"),
    ("DeprecationWarning", "Warning", "builtins"),
    ("UnicodeError", "ValueError", "builtins"),
    ("BlockingIOError", "OSError", "builtins"),
    ("ChildProcessError", "OSError", "builtins"),
    ("BrokenPipeError", "ConnectionError", "builtins"),
    ("ConnectionAbortedError", "ConnectionError", "builtins"),
    ("ConnectionRefusedError", "ConnectionError", "builtins"),
    ("ConnectionResetError", "ConnectionError", "builtins"),
    ("FileExistsError", "OSError", "builtins"),
    ("FileNotFoundError", "OSError", "builtins"),
    ("InterruptedError", "OSError", "builtins"),
    ("IsADirectoryError", "OSError", "builtins"),
    ("NotADirectoryError", "OSError", "builtins"),
    ("PermissionError", "OSError", "builtins"),
    ("ProcessLookupError", "OSError", "builtins"),
    ("EOFError", "Exception", "builtins"),
    ("ImportError", "Exception", "builtins"),
    ("ModuleNotFoundError", "ImportError", "builtins"),
    ("BufferError", "Exception", "builtins"),
    ("FloatingPointError", "ArithmeticError", "builtins"),
    ("ReferenceError", "Exception", "builtins"),
    ("SystemError", "Exception", "builtins"),
    ("IndentationError", "SyntaxError", "builtins"),
    ("TabError", "IndentationError", "builtins"),
    ("FutureWarning", "Warning", "builtins"),
    ("PendingDeprecationWarning", "Warning", "builtins"),
    ("SyntaxWarning", "Warning", "builtins"),
    ("ResourceWarning", "Warning", "builtins"),
];

/// Other names of a built-in exception class: `IOError` and `EnvironmentError` are `OSError`.
const EXCEPTION_ALIASES: [(&str, &str); 2] = [("IOError", "OSError"), ("EnvironmentError", "OSError")];

/// A class of the engine's own: its name, module, bases, whether it is an exception's, and
/// what calling it does.
pub fn class(
    name: &str,
    module: &'static str,
    bases: Vec<Rc<Class>>,
    is_exc: bool,
    ctor: Option<NativeFn>,
) -> Rc<Class> {
    Rc::new(Class {
        name: name.into(),
        module,
        bases,
        attrs: RefCell::new(Default::default()),
        is_exception: is_exc,
        ctor,
    })
}

fn func(name: &'static str, f: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name: name.into(), this: Value::None, f, auto_await: false }))
}

/// Installs the built-in classes and functions.
pub fn install(interp: &Rc<Interp>) {
    let mut classes = interp.classes.borrow_mut();
    // `object()`: a new object with nothing of its own (a sentinel).
    let object = class(
        "object",
        "builtins",
        vec![],
        false,
        Some(|cx, _, _| {
            Ok(Value::Instance(Rc::new(crate::value::Instance {
                class: cx.interp.class("object"),
                attrs: RefCell::new(Default::default()),
                traceback: RefCell::new(vec![]),
            })))
        }),
    );
    classes.insert("object", object.clone());
    for (name, base, module) in EXCEPTIONS {
        let b = classes.get(base).cloned().unwrap_or(object.clone());
        let mut bases = vec![b];
        if name == "ExceptionGroup" {
            bases.push(classes.get("Exception").cloned().expect("Exception is installed first"));
        }
        let c = class(name, module, bases, true, None);
        classes.insert(name, c);
    }
    if let Some(base) = classes.get("BaseException") {
        base.attrs.borrow_mut().insert("__init__".into(), func("__init__", exc_init));
    }
    let types: [(&'static str, NativeFn); 11] = [
        ("int", crate::convert::int),
        ("float", crate::convert::float),
        ("str", crate::convert::str_),
        ("bool", |cx, _, a| {
            Ok(Value::Bool(match a.pos.first() {
                Some(v) => cx.is_true(v)?,
                None => false,
            }))
        }),
        ("list", |cx, _, a| Ok(list(a.pos.first().map(|v| cx.iterate(v)).transpose()?.unwrap_or_default()))),
        ("tuple", |cx, _, a| {
            Ok(Value::Tuple(Rc::new(a.pos.first().map(|v| cx.iterate(v)).transpose()?.unwrap_or_default())))
        }),
        ("dict", crate::convert::dict),
        ("set", |cx, _, a| {
            if let Some(Value::Set(other)) = a.pos.first() {
                return Ok(Value::Set(Rc::new(RefCell::new(crate::setorder::copy_of(&other.borrow())))));
            }
            let mut d = Dict::new();
            if let Some(iterable) = a.pos.first() {
                let mut items = cx.cursor(iterable)?;
                while let Some(v) = items.pull()? {
                    d.insert(hash_key(&v).ok_or_else(|| cx.unhashable(&v))?, v, Value::None);
                }
            }
            Ok(Value::Set(Rc::new(RefCell::new(d))))
        }),
        ("type", |cx, _, a| match a.pos.len() {
            1 => Ok(Value::Class(type_of(cx, &a.pos[0]))),
            _ => Err(cx.type_err("type() with 3 arguments is not supported by the playground")),
        }),
        ("range", crate::convert::range),
        ("Future", |cx, _, _| Ok(Value::Fut(crate::aio::future::FutureObj::new(&cx.interp, None)))),
    ];
    for (name, ctor) in types {
        let module = if name == "Future" { "_asyncio" } else { "builtins" };
        let bases = if name == "bool" { vec![classes["int"].clone()] } else { vec![object.clone()] };
        classes.insert(name, class(name, module, bases, false, Some(ctor)));
    }
    let task =
        class("Task", "_asyncio", vec![classes["Future"].clone()], false, Some(crate::aio::funcs::create_task_fn));
    classes.insert("Task", task);
    for name in ["NoneType", "function", "coroutine", "builtin_function_or_method", "method"] {
        classes.insert(
            name,
            class(
                name,
                "builtins",
                vec![object.clone()],
                false,
                Some(|cx, _, _| Err(cx.type_err("cannot create instances of this type"))),
            ),
        );
    }
    let mut b = interp.builtins.borrow_mut();
    for (name, c) in classes.iter() {
        if !matches!(
            *name,
            "Future"
                | "Task"
                | "CancelledError"
                | "InvalidStateError"
                | "BrokenBarrierError"
                | "QueueEmpty"
                | "QueueFull"
        ) {
            b.insert(name, Value::Class(c.clone()));
        }
    }
    for (alias, name) in EXCEPTION_ALIASES {
        b.insert(alias, Value::Class(classes[name].clone()));
    }
    for (name, f) in crate::convert::FUNCTIONS.into_iter().chain(crate::iterators::FUNCTIONS) {
        b.insert(name, func(name, f));
    }
    b.insert("print", func("print", print));
    b.insert("NotImplemented", Value::Native(Rc::new(crate::aio::native::Native::NotImplemented)));
    b.insert("staticmethod", func("staticmethod", |_, _, a| Ok(descriptor(0, a))));
    b.insert("classmethod", func("classmethod", |_, _, a| Ok(descriptor(1, a))));
    b.insert("property", func("property", |_, _, a| Ok(descriptor(2, a))));
    b.insert("super", func("super", super_));
    b.insert("isinstance", func("isinstance", isinstance));
    b.insert("sorted", func("sorted", sorted));
    b.insert("min", func("min", |cx, _, a| min_max(cx, a, true)));
    b.insert("max", func("max", |cx, _, a| min_max(cx, a, false)));
    b.insert(
        "format",
        func("format", |cx, _, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let spec = a.pos.get(1).map(|s| cx.to_str(s)).transpose()?.unwrap_or_default();
            format_value(&v, &spec, &cx.to_str(&v)?).map(|s| Value::Str(s.into())).map_err(|e| e.raise(cx))
        }),
    );
}

fn list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

fn descriptor(kind: u8, a: Args) -> Value {
    let f = a.pos.into_iter().next().unwrap_or(Value::None);
    Value::Native(Rc::new(crate::aio::native::Native::Descriptor(kind, f)))
}

fn exc_init(_: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let mut pos = a.pos.into_iter();
    if let Some(Value::Instance(i)) = pos.next() {
        crate::interp::exc::set_args(&i.class, &mut i.attrs.borrow_mut(), pos.collect());
    }
    Ok(Value::None)
}

/// The class of a value.
pub fn type_of(cx: &Cx, v: &Value) -> Rc<Class> {
    if let Some(view) = crate::dictview::view_of(v) {
        return builtin_class(cx, view.type_name());
    }
    let name = match v {
        Value::Instance(i) => return i.class.clone(),
        Value::Class(_) => "type",
        Value::Fut(f) => match f.type_name() {
            "_GatheringFuture" => {
                let future = cx.interp.class("Future");
                let mut classes = cx.interp.classes.borrow_mut();
                let c = classes
                    .entry("_GatheringFuture")
                    .or_insert_with(|| class("_GatheringFuture", "asyncio", vec![future], false, None));
                return c.clone();
            }
            name => name,
        },
        Value::Iter(it) => return builtin_class(cx, it.try_borrow().map_or("generator", |i| i.type_name())),
        Value::Native(n) => match **n {
            crate::aio::native::Native::Module(_) => return builtin_class(cx, "module"),
            _ => {
                return crate::aio::classes::class_of(cx, n.type_name())
                    .unwrap_or_else(|| builtin_class(cx, n.type_name()))
            }
        },
        Value::Slice(_) => return builtin_class(cx, "slice"),
        other => {
            return cx
                .interp
                .classes
                .borrow()
                .get(type_name(other).as_str())
                .cloned()
                .unwrap_or_else(|| cx.interp.class("object"))
        }
    };
    cx.interp.class(name)
}

/// The built-in class `name` (made when it is first asked for: iterators' classes).
fn builtin_class(cx: &Cx, name: &'static str) -> Rc<Class> {
    let object = cx.interp.class("object");
    cx.interp
        .classes
        .borrow_mut()
        .entry(name)
        .or_insert_with(|| class(name, "builtins", vec![object], false, None))
        .clone()
}

fn isinstance(cx: &Cx, _: &Value, a: Args) -> Result<Value, Ctrl> {
    let (Some(v), Some(t)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(cx.type_err("isinstance expected 2 arguments"));
    };
    let c = type_of(cx, v);
    let check = |t: &Value| match t {
        Value::Class(k) => Ok(c.is_subclass(k) || k.name.as_ref() == "object"),
        _ => Err(cx.type_err("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    };
    match t {
        Value::Tuple(items) => {
            for i in items.iter() {
                if check(i)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        t => check(t).map(Value::Bool),
    }
}

/// The text of `print`'s keyword `name` (`default` when it is absent or `None`).
fn text_kw(cx: &Cx, a: &mut Args, name: &str, default: &str) -> Result<String, Ctrl> {
    match a.take_kw(name) {
        Some(Value::None) | None => Ok(default.into()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => Err(cx.type_err(format!("{name} must be None or a string, not {}", type_name(&v)))),
    }
}

fn print(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let sep = text_kw(cx, &mut a, "sep", " ")?;
    let end = text_kw(cx, &mut a, "end", "\n")?;
    let file = a.take_kw("file");
    a.take_kw("flush");
    let stderr = match &file {
        None | Some(Value::None) => false,
        Some(Value::Native(n)) => matches!(**n, crate::aio::native::Native::Stream(true)),
        Some(_) => return Err(cx.type_err("print(file=...) takes sys.stdout or sys.stderr in the playground")),
    };
    let text: Vec<String> = a.pos.iter().map(|v| cx.to_str(v)).collect::<Result<_, _>>()?;
    let text = text.join(&sep) + &end;
    cx.interp.write(&text, stderr, &cx.interp.who(cx.place));
    Ok(Value::None)
}

fn super_(cx: &Cx, _: &Value, _: Args) -> Result<Value, Ctrl> {
    // The method's class: its qualified name less the method's (`main.<locals>.Child.__init__`).
    let class_name = cx
        .func_qualname()
        .rsplit_once('.')
        .map(|(c, _)| c.rsplit('.').next().unwrap_or(c).to_string())
        .ok_or_else(|| cx.err("RuntimeError", "super(): no arguments"))?;
    let class = match cx.lookup(&class_name)? {
        Value::Class(c) => c,
        _ => return Err(cx.err("RuntimeError", "super(): __class__ cell not found")),
    };
    let this = match &cx.scope.kind {
        crate::interp::ScopeKind::Function(def) => {
            let first = def.params.args.first().map(|p| p.name.clone()).unwrap_or_default();
            cx.scope.vars.borrow().get(first.as_str()).cloned()
        }
        _ => None,
    };
    let this = this.ok_or_else(|| cx.err("RuntimeError", "super(): no arguments"))?;
    Ok(Value::Native(Rc::new(crate::aio::native::Native::Super(class, this))))
}

fn key_of(cx: &Cx, key: &Option<Value>, v: &Value) -> Result<Value, Ctrl> {
    match key {
        Some(k) if !matches!(k, Value::None) => call_sync(cx, k.clone(), Args::of(vec![v.clone()])),
        _ => Ok(v.clone()),
    }
}

/// The items sorted; on a failed comparison, its error with the items as the sort left them
/// (reversed back, as CPython leaves them: partly sorted).
fn sort_values(
    cx: &Cx,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Ctrl, Vec<Value>)> {
    let mut keyed = Vec::with_capacity(items.len());
    for v in &items {
        match key_of(cx, &key, v) {
            Ok(k) => keyed.push((k, v.clone())),
            Err(e) => return Err((e, items)), // a key that failed leaves the list as it was
        }
    }
    // As CPython's `list.sort`: reversed first and after (so that ties keep their order),
    // compared with `<` only, in its order (the first comparison that fails is the error).
    if reverse {
        keyed.reverse();
    }
    let mut error = None;
    let sorted = playground_core::sort::sort_by(&mut keyed, &mut |a, b| match cx.rich_compare(&a.0, CmpOp::Lt, &b.0) {
        Ok(lt) => Some(lt),
        Err(e) => {
            error = Some(e);
            None
        }
    });
    if reverse {
        keyed.reverse();
    }
    let values = keyed.into_iter().map(|(_, v)| v).collect();
    match sorted {
        true => Ok(values),
        false => Err((error.unwrap_or_else(|| cx.type_err("the items cannot be ordered")), values)),
    }
}

/// `sorted(iterable, key=None, reverse=False)` (also `list.sort`).
pub fn sorted(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let key = a.take_kw("key");
    let reverse = a.take_kw("reverse").is_some_and(|v| truthy(&v));
    let items = cx.iterate(a.pos.first().unwrap_or(&Value::None))?;
    Ok(list(sort_values(cx, items, key, reverse).map_err(|(e, _)| e)?))
}

/// Sorts a list in place.
pub fn sort_list(cx: &Cx, l: &Rc<RefCell<Items>>, mut a: Args) -> Result<Value, Ctrl> {
    crate::arity::invalid_keywords(cx, &a, "sort", &["key", "reverse"])?;
    let key = a.take_kw("key");
    let reverse = a.take_kw("reverse").is_some_and(|v| truthy(&v));
    let items = l.borrow().to_vec();
    let (sorted, error) = match sort_values(cx, items, key, reverse) {
        Ok(sorted) => (sorted, None),
        Err((e, partly)) => (partly, Some(e)),
    };
    *l.borrow_mut() = sorted.into();
    error.map_or(Ok(Value::None), Err)
}

fn min_max(cx: &Cx, mut a: Args, min: bool) -> Result<Value, Ctrl> {
    let key = a.take_kw("key");
    let default = a.take_kw("default");
    let name = if min { "min" } else { "max" };
    if a.pos.is_empty() {
        return Err(cx.type_err(format!("{name} expected at least 1 argument, got 0")));
    }
    if a.pos.len() > 1 && default.is_some() {
        let msg = format!("Cannot specify a default for {name}() with multiple positional arguments");
        return Err(cx.type_err(msg));
    }
    let mut items = match a.pos.len() {
        1 => cx.cursor(&a.pos[0])?,
        _ => crate::interp::lazy::Cursor::Tuple(Rc::new(a.pos), 0),
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(v) = items.pull()? {
        let k = key_of(cx, &key, &v)?;
        let better = match &best {
            None => true,
            Some((bk, _)) => cx.rich_compare(&k, if min { CmpOp::Lt } else { CmpOp::Gt }, bk)?,
        };
        if better {
            best = Some((k, v));
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(cx.err("ValueError", format!("{name}() arg is an empty sequence"))),
    }
}

/// A new exception instance of a built-in class.
pub fn new_exc(cx: &Cx, class: &str, args: Vec<Value>) -> Value {
    make_exc(&cx.interp.class(class), args)
}
