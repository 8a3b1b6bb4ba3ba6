//! Native objects: modules, the loop, asyncio's synchronisation objects, pools, handles.

use super::group::{GroupObj, TimeoutObj};
use super::pool::PoolObj;
use super::queue::QueueObj;
use super::sync::{EventObj, LockObj};
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Builtin, Class, NativeFn, Value};
use std::rc::Rc;

/// A native object.
pub enum Native {
    /// A module (`asyncio`, `time`, ...).
    Module(&'static str),
    /// An event loop (`asyncio.get_running_loop()`, `asyncio.new_event_loop()`).
    Loop(super::legacy::LoopState),
    /// `asyncio.Runner`.
    Runner(super::runner::RunnerObj),
    /// `asyncio.Queue`.
    Queue(QueueObj),
    /// `asyncio.Event`.
    Event(EventObj),
    /// `asyncio.Lock` or `asyncio.Semaphore`.
    Lock(LockObj),
    /// `asyncio.Condition`.
    Condition(super::condition::ConditionObj),
    /// `asyncio.Barrier`.
    Barrier(super::barrier::BarrierObj),
    /// `asyncio.TaskGroup`.
    Group(GroupObj),
    /// `asyncio.timeout(...)`.
    Timeout(TimeoutObj),
    /// A `ThreadPoolExecutor` or `ProcessPoolExecutor`.
    Pool(PoolObj),
    /// A timer or callback handle (`call_later`, `call_soon`), by timer id.
    Handle(Option<u64>, Rc<std::cell::Cell<bool>>),
    /// `sys.stdout` (false) or `sys.stderr` (true).
    Stream(bool),
    /// `super()`: the class whose bases to search, and the instance.
    Super(Rc<Class>, Value),
    /// `...`.
    Ellipsis,
    /// `NotImplemented`.
    NotImplemented,
    /// `d.keys()`, `d.values()` or `d.items()`.
    DictView(crate::dictview::DictView),
    /// `staticmethod(f)` (0), `classmethod(f)` (1), `property(f)` (2), or a property with a
    /// setter (3, its value the tuple `(fget, fset)`).
    Descriptor(u8, Value),
    /// An asynchronous generator (a call of an `async def` that yields).
    AsyncGen(Rc<crate::interp::generators::GenBody>),
}

/// `f` as the method `name` of `this`.
pub(super) fn bound(name: &str, this: &Value, f: NativeFn) -> Value {
    bound_awaited(name, this, f, false)
}

/// `f` as the method `name` of `this`, whose call awaits what it returns at once if
/// `auto_await` (it runs the loop, or blocks it).
fn bound_awaited(name: &str, this: &Value, f: NativeFn, auto_await: bool) -> Value {
    Value::Builtin(Rc::new(Builtin { name: name.into(), this: this.clone(), f, auto_await }))
}

impl Native {
    /// Its type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Native::Module(m) => m,
            Native::Loop(_) => "_UnixSelectorEventLoop",
            Native::Runner(_) => "Runner",
            Native::Queue(q) => q.name(),
            Native::Event(_) => "Event",
            Native::Lock(l) => l.kind(),
            Native::Group(_) => "TaskGroup",
            Native::Condition(_) => "Condition",
            Native::Barrier(_) => "Barrier",
            Native::Timeout(_) => "Timeout",
            Native::Pool(p) => {
                if p.process {
                    "ProcessPoolExecutor"
                } else {
                    "ThreadPoolExecutor"
                }
            }
            Native::Handle(None, _) => "Handle",
            Native::Handle(..) => "TimerHandle",
            Native::Stream(_) => "TextIOWrapper",
            Native::Super(..) => "super",
            Native::Ellipsis => "ellipsis",
            Native::NotImplemented => "NotImplementedType",
            Native::DictView(v) => v.type_name(),
            Native::Descriptor(0, _) => "staticmethod",
            Native::Descriptor(1, _) => "classmethod",
            Native::Descriptor(..) => "property",
            Native::AsyncGen(_) => "async_generator",
        }
    }

    /// Whether it is a module.
    pub fn is_module(&self) -> bool {
        matches!(self, Native::Module(_))
    }

    /// Its truth value.
    pub fn truthy(&self) -> bool {
        match self {
            Native::DictView(v) => !v.is_empty(),
            _ => true,
        }
    }

    /// Its items, if it is iterable.
    pub fn iter_items(&self) -> Option<Vec<Value>> {
        match self {
            Native::DictView(v) => Some(v.items()),
            _ => None,
        }
    }

    /// Its repr (`str` is the same but for a queue, whose `str` leaves out its address).
    pub fn repr(&self) -> String {
        let at = crate::format::address(self as *const Native as usize);
        match self {
            Native::Module(m) => format!("<module '{m}'>"),
            Native::Queue(q) => q.repr(Some(&at)),
            Native::Event(e) => e.repr(&at),
            Native::Group(g) => g.repr(),
            Native::Timeout(t) => t.repr(),
            Native::Lock(l) => l.repr(&at),
            Native::Barrier(b) => b.repr(&at),
            Native::Loop(l) => l.repr(),
            Native::Ellipsis => "Ellipsis".into(),
            Native::NotImplemented => "NotImplemented".into(),
            other => format!("<{} object>", other.type_name()),
        }
    }

    /// `obj.name`.
    pub fn getattr(self: Rc<Self>, cx: &Cx, this: &Value, name: &str) -> Result<Option<Value>, Ctrl> {
        Ok(match &*self {
            Native::Module(m) => crate::modules::attr(cx, m, name),
            Native::Loop(_) => match super::timer::loop_method(name) {
                // Running the loop is awaited at once by the call, as `asyncio.run` is.
                Some(f) => Some(bound_awaited(name, this, f, matches!(name, "run_until_complete" | "run_forever"))),
                None => return super::legacy::not_supported(cx, name).map_or(Ok(None), Err),
            },
            Native::Runner(_) => super::runner::runner_method(name)
                .map(|f| bound_awaited(name, this, f, super::runner::runs_the_loop(name))),
            Native::Queue(q) => match name {
                "maxsize" => Some(Value::Int(q.maxsize as i128)),
                _ => super::queue::queue_method(name).map(|f| bound(name, this, f)),
            },
            Native::Event(_) => super::sync::event_method(name).map(|f| bound(name, this, f)),
            Native::Lock(_) => super::sync::lock_method(name).map(|f| bound(name, this, f)),
            Native::Group(_) => super::group::group_method(name).map(|f| bound(name, this, f)),
            Native::Condition(_) => super::condition::condition_method(name).map(|f| bound(name, this, f)),
            Native::Barrier(b) => super::barrier::barrier_attr(b, this, name),
            Native::Timeout(_) => super::group::timeout_method(name).map(|f| bound(name, this, f)),
            Native::Pool(_) => super::pool::pool_method(name)
                .map(|f| bound_awaited(name, this, f, matches!(name, "__exit__" | "shutdown"))),
            Native::Handle(..) => match name {
                "cancel" => Some(bound(name, this, handle_cancel)),
                "cancelled" => Some(bound(name, this, |_, this, _| {
                    Ok(Value::Bool(matches!(this, Value::Native(n) if matches!(&**n, Native::Handle(_, c) if c.get()))))
                })),
                _ => None,
            },
            Native::Stream(_) => match name {
                "write" => Some(bound(name, this, stream_write)),
                "flush" => Some(bound(name, this, |_, _, _| Ok(Value::None))),
                _ => None,
            },
            Native::Descriptor(2 | 3, _) if name == "setter" => Some(bound(name, this, property_setter)),
            Native::DictView(v) if name == "isdisjoint" && v.kind != crate::dictview::ViewKind::Values => {
                Some(bound(name, this, crate::dictview::isdisjoint))
            }
            Native::Ellipsis | Native::NotImplemented | Native::Descriptor(..) | Native::DictView(_) => None,
            Native::AsyncGen(_) => match name {
                "__aiter__" => Some(bound(name, this, |_, this, _| Ok(this.clone()))),
                "__anext__" => Some(bound(name, this, |cx, this, _| match this {
                    Value::Native(n) => match &**n {
                        Native::AsyncGen(gen) => Ok(crate::interp::generators::anext(cx, gen)),
                        _ => Err(cx.type_err("not an asynchronous generator")),
                    },
                    _ => Err(cx.type_err("not an asynchronous generator")),
                })),
                "asend" => Some(bound(name, this, |cx, this, a| agen(cx, this, "asend", a))),
                "athrow" => Some(bound(name, this, |cx, this, a| agen(cx, this, "athrow", a))),
                "aclose" => Some(bound(name, this, |cx, this, a| agen(cx, this, "aclose", a))),
                _ => None,
            },
            Native::Super(class, obj) => {
                // `super()` in a method names the instance; in a classmethod, the class.
                let (mro, of_class) = match obj {
                    Value::Instance(i) => (i.class.mro(), false),
                    Value::Class(c) => (c.mro(), true),
                    _ => (vec![], false),
                };
                let after = mro.iter().position(|c| Rc::ptr_eq(c, class)).map(|p| p + 1).unwrap_or(mro.len());
                let found = mro[after..].iter().find_map(|c| c.attrs.borrow().get(name).cloned());
                // The bases' own `__str__` / `__repr__` are `object`'s (or `BaseException`'s).
                if found.is_none() && !of_class {
                    if let Some(f) = default_method(name) {
                        return Ok(Some(bound(name, obj, f)));
                    }
                }
                // A property of a base: its getter's value for the instance.
                if let (Some(Value::Native(n)), false) = (&found, of_class) {
                    let getter = match &**n {
                        Native::Descriptor(3, Value::Tuple(t)) => Some(t[0].clone()),
                        Native::Descriptor(2, f) => Some(f.clone()),
                        _ => None,
                    };
                    if let Some(getter) = getter {
                        return Ok(Some(crate::interp::call_sync(cx, getter, Args::of(vec![obj.clone()]))?));
                    }
                }
                found.map(|f| match f {
                    Value::Func(_) | Value::Builtin(_) if !of_class => Value::Method(Rc::new((obj.clone(), f))),
                    Value::Native(n) if matches!(*n, Native::Descriptor(0, _)) => match &*n {
                        Native::Descriptor(_, f) => f.clone(),
                        _ => Value::None,
                    },
                    Value::Native(n) if matches!(*n, Native::Descriptor(1, _)) => match &*n {
                        Native::Descriptor(_, f) => {
                            let cls = if of_class { obj.clone() } else { Value::Class(mro[0].clone()) };
                            Value::Method(Rc::new((cls, f.clone())))
                        }
                        _ => Value::None,
                    },
                    other => other,
                })
            }
        })
    }

    /// Calls it.
    pub fn call(self: Rc<Self>, cx: &Cx, _args: Args) -> Result<Value, Ctrl> {
        Err(cx.type_err(format!("'{}' object is not callable", self.type_name())))
    }
}

fn handle_cancel(cx: &Cx, this: &Value, _: Args) -> Result<Value, Ctrl> {
    if let Value::Native(n) = this {
        if let Native::Handle(id, cancelled) = &**n {
            cancelled.set(true);
            if let Some(id) = id {
                super::timer::cancel_timer(&cx.interp, *id);
            }
        }
    }
    Ok(Value::None)
}

fn stream_write(cx: &Cx, this: &Value, args: Args) -> Result<Value, Ctrl> {
    let stderr = matches!(this, Value::Native(n) if matches!(**n, Native::Stream(true)));
    let text = args.pos.first().map(|v| cx.to_str(v)).transpose()?.unwrap_or_default();
    cx.interp.write(&text, stderr, &cx.interp.who(cx.place));
    Ok(Value::Int(text.chars().count() as i128))
}

/// `prop.setter(fset)`: a property with the same getter and `fset` as its setter.
fn property_setter(cx: &Cx, this: &Value, a: Args) -> Result<Value, Ctrl> {
    let getter = match this {
        Value::Native(n) => match &**n {
            Native::Descriptor(2, f) => f.clone(),
            Native::Descriptor(3, Value::Tuple(t)) => t[0].clone(),
            _ => return Err(cx.type_err("not a property")),
        },
        _ => return Err(cx.type_err("not a property")),
    };
    let setter = a.pos.into_iter().next().unwrap_or(Value::None);
    Ok(Value::Native(Rc::new(Native::Descriptor(3, Value::Tuple(Rc::new(vec![getter, setter]))))))
}

/// `asend`, `athrow` or `aclose` of the asynchronous generator `this`.
fn agen(cx: &crate::interp::Cx, this: &Value, name: &str, a: crate::value::Args) -> Result<Value, crate::interp::Ctrl> {
    match this {
        Value::Native(n) => match &**n {
            Native::AsyncGen(gen) => crate::interp::generators::async_method(cx, gen, name, a),
            _ => Err(cx.type_err("not an asynchronous generator")),
        },
        _ => Err(cx.type_err("not an asynchronous generator")),
    }
}

/// `object.__str__` and `object.__repr__` (an exception's: `BaseException`'s), called with
/// the object as `this`.
pub fn default_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__str__" => |cx, this, _| Ok(Value::Str(cx.default_text(this, false)?.into())),
        "__repr__" => |cx, this, _| Ok(Value::Str(cx.default_text(this, true)?.into())),
        _ => return None,
    })
}

/// `object.__str__` / `object.__repr__` taken from a class: called with the object first.
pub fn unbound_default_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__str__" => |cx, _, a| Ok(Value::Str(cx.default_text(a.pos.first().unwrap_or(&Value::None), false)?.into())),
        "__repr__" => |cx, _, a| Ok(Value::Str(cx.default_text(a.pos.first().unwrap_or(&Value::None), true)?.into())),
        _ => return None,
    })
}
