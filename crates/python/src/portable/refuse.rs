//! Why a value cannot be sent, in CPython's words where CPython has them (its pickle's, for
//! process pools), and where a built-in function comes from.

use super::Unsendable;
use crate::aio::native::Native;
use crate::format::{repr, type_name};
use crate::interp::{Cx, Scope, ScopeKind};
use crate::value::{identity, Builtin, Value};
use std::rc::Rc;

type R = Result<(), Unsendable>;

/// Why `v` cannot be sent: CPython's pickling error for a process pool, where it has one.
pub fn refuse(v: &Value, pickle: bool) -> Unsendable {
    let generator = matches!(v, Value::Iter(i) if i.try_borrow().is_ok_and(|i| i.kind == "generator"));
    if pickle {
        let cpython = match v {
            Value::Fut(f) => Some(if f.task.is_some() { "_asyncio.Task" } else { "_asyncio.Future" }),
            Value::Coro(_) => Some("coroutine"),
            _ if generator => Some("generator"),
            _ => crate::dictview::view_of(v).map(crate::dictview::DictView::type_name),
        };
        if let Some(t) = cpython {
            return Unsendable { class: "TypeError", msg: format!("cannot pickle '{t}' object") };
        }
        if matches!(v, Value::Native(n) if matches!(**n, Native::Loop(_))) {
            let msg = "Can't pickle local object 'WeakSet.__init__.<locals>._remove'".into();
            return Unsendable { class: "AttributeError", msg };
        }
    }
    Unsendable::thread(if generator { "generator".into() } else { type_name(v) }.as_str())
}

/// CPython's pickle sends functions and classes by name: `__main__.<qualname>` must be them.
pub fn pickle_check(cx: &Cx, v: &Value, qualname: &str, scope: Option<&Rc<Scope>>) -> R {
    if let Some(s) = scope.filter(|s| !matches!(s.kind, ScopeKind::Module)) {
        let mut path = qualname.to_string();
        // A function's qualified name already says where it was defined; a class's does not.
        let mut at = Some(s.clone()).filter(|_| !qualname.contains(".<locals>."));
        while let Some(s) = at {
            match &s.kind {
                ScopeKind::Function(def) => path = format!("{}.<locals>.{path}", def.name),
                ScopeKind::Comp(_) => path = format!("<listcomp>.{path}"),
                _ => {}
            }
            at = s.parent.clone();
        }
        return Err(Unsendable { class: "AttributeError", msg: format!("Can't pickle local object '{path}'") });
    }
    let mut parts = qualname.split('.');
    let mut found = parts.next().and_then(|p| cx.interp.globals.vars.borrow().get(p).cloned());
    for p in parts {
        found = match found {
            Some(Value::Class(c)) => c.attrs.borrow().get(p).cloned(),
            _ => None,
        };
    }
    let why = match found {
        None => format!("attribute lookup {qualname} on __main__ failed"),
        Some(x) if identity(&x) != identity(v) => format!("it's not the same object as __main__.{qualname}"),
        Some(_) => return Ok(()),
    };
    Err(Unsendable { class: "PicklingError", msg: format!("Can't pickle {}: {why}", repr(v)) })
}

/// Where a built-in function comes from: `builtins` or the module that gives it.
pub fn builtin_home(cx: &Cx, b: &Builtin) -> Option<&'static str> {
    let same = |v: Option<Value>| matches!(&v, Some(Value::Builtin(c)) if c.f as usize == b.f as usize && c.auto_await == b.auto_await);
    if same(cx.interp.builtins.borrow().get(&*b.name).cloned()) {
        return Some("builtins");
    }
    crate::checker::MODULES.iter().map(|(m, _)| *m).find(|m| same(crate::modules::attr(cx, m, &b.name)))
}
