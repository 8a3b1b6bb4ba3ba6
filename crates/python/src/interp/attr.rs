//! Attributes and subscripts: `obj.name`, `obj[i]`, and their assignment and deletion.

use super::exc::make_exc;
use super::ops::range_len;
use super::{Ctrl, Cx};
use crate::aio::native::Native;
use crate::format::type_name;
use crate::value::{hash_key, Args, Builtin, CoroState, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn builtin(name: &str, this: Value, f: crate::value::NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name: name.into(), this, f, auto_await: false }))
}

impl Cx {
    /// `obj.name`.
    pub fn getattr(&self, obj: &Value, name: &str) -> Result<Value, Ctrl> {
        let found = match obj {
            Value::Instance(i) => match i.attrs.borrow().get(name).cloned() {
                Some(v) => Some(v),
                None => match i.class.lookup(name) {
                    Some(Value::Func(f)) => Some(Value::Method(Rc::new((obj.clone(), Value::Func(f))))),
                    Some(Value::Native(n)) if matches!(*n, Native::Descriptor(..)) => {
                        let Native::Descriptor(kind, f) = &*n else { return Ok(Value::None) };
                        Some(match (kind, f) {
                            (0, _) => f.clone(),
                            (1, _) => Value::Method(Rc::new((Value::Class(i.class.clone()), f.clone()))),
                            (3, Value::Tuple(t)) => {
                                return super::call_sync(self, t[0].clone(), Args::of(vec![obj.clone()]))
                            }
                            _ => return super::call_sync(self, f.clone(), Args::of(vec![obj.clone()])),
                        })
                    }
                    Some(v) => Some(v),
                    None => match name {
                        "__class__" => Some(Value::Class(i.class.clone())),
                        "__cause__" | "__context__" | "__traceback__" if i.class.is_exception => Some(Value::None),
                        "__suppress_context__" if i.class.is_exception => Some(Value::Bool(false)),
                        "split" | "subgroup" if super::exc::group_items(obj).is_some() => {
                            super::groups::method(name).map(|f| builtin(name, obj.clone(), f))
                        }
                        "add_note" if i.class.is_exception => Some(builtin(name, obj.clone(), super::notes::add_note)),
                        _ => None,
                    },
                },
            },
            Value::Class(c) => match name {
                "__name__" => Some(Value::Str(c.name.clone())),
                "__qualname__" => Some(Value::Str(c.qualname())),
                "__mro__" => Some(Value::Tuple(Rc::new(c.mro().into_iter().map(Value::Class).collect()))),
                "__bases__" => Some(Value::Tuple(Rc::new(c.bases.iter().cloned().map(Value::Class).collect()))),
                _ => match c.lookup(name) {
                    Some(Value::Native(n)) if matches!(*n, Native::Descriptor(0 | 1, _)) => match &*n {
                        Native::Descriptor(0, f) => Some(f.clone()),
                        Native::Descriptor(_, f) => Some(Value::Method(Rc::new((obj.clone(), f.clone())))),
                        _ => None,
                    },
                    None if c.module == "builtins" && (c.is_exception || c.name.as_ref() == "object") => {
                        crate::aio::native::unbound_default_method(name).map(|f| {
                            Value::Builtin(Rc::new(Builtin {
                                name: name.into(),
                                this: Value::None,
                                f,
                                auto_await: false,
                            }))
                        })
                    }
                    None if c.module == "builtins" => unbound_method(&c.name, name),
                    other => other,
                },
            },
            Value::Func(f) => match name {
                "__name__" => Some(Value::Str(f.def.name.as_str().into())),
                "__qualname__" => Some(Value::Str(f.qualname.clone())),
                _ => None,
            },
            Value::Builtin(b) if name == "__name__" => Some(Value::Str(b.name.clone())),
            Value::Iter(it)
                if matches!(name, "send" | "throw" | "close")
                    && it.try_borrow().is_ok_and(|i| i.type_name() == "generator") =>
            {
                super::generators::method(name).map(|f| builtin(name, obj.clone(), f))
            }
            Value::Iter(it) if matches!(name, "__name__" | "__qualname__") => {
                let qualname = it.try_borrow().ok().and_then(|i| i.name.clone());
                qualname.map(|q| match name {
                    "__name__" => Value::Str(q.rsplit('.').next().unwrap_or_default().into()),
                    _ => Value::Str(q),
                })
            }
            Value::Iter(_) if name == "__next__" => Some(builtin(name, obj.clone(), |cx, this, _| {
                crate::iterators::next(cx, &Value::None, Args::of(vec![this.clone()]))
            })),
            Value::Coro(c) => match name {
                "__name__" => Some(Value::Str(c.name.rsplit('.').next().unwrap_or_default().into())),
                "__qualname__" => Some(Value::Str(c.name.clone())),
                "close" => Some(builtin("close", obj.clone(), coro_close)),
                _ => None,
            },
            Value::Fut(f) if f.concurrent.get() && matches!(name, "result" | "exception") => {
                let wait = crate::aio::blocking::future_wait(name);
                Some(Value::Builtin(Rc::new(Builtin {
                    name: name.into(),
                    this: obj.clone(),
                    f: wait,
                    auto_await: true,
                })))
            }
            Value::Fut(_) => crate::aio::future::method(name).map(|f| builtin(name, obj.clone(), f)),
            Value::Native(n) => n.clone().getattr(self, obj, name)?,
            _ => crate::methods::lookup(obj, name).map(|f| builtin(name, obj.clone(), f)),
        };
        // Every value's `__class__` is its type, as `type(v)` gives it.
        let found = match found {
            None if name == "__class__" => Some(Value::Class(crate::builtins::type_of(self, obj))),
            found => found,
        };
        found.ok_or_else(|| {
            let msg = match obj {
                Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
                Value::Native(n) if n.is_module() => format!("module '{}' has no attribute '{name}'", n.type_name()),
                // Tasks and futures are `_asyncio`'s C types: the message gives their full name.
                Value::Fut(_) => format!("'_asyncio.{}' object has no attribute '{name}'", type_name(obj)),
                _ => format!("'{}' object has no attribute '{name}'", type_name(obj)),
            };
            let exc = self.exc("AttributeError", msg);
            super::suggest::attribute_error(&exc, obj, name);
            Ctrl::Exc(exc)
        })
    }

    /// `obj.name = v`.
    pub fn setattr(&self, obj: &Value, name: &str, v: Value) -> Result<(), Ctrl> {
        match obj {
            Value::Instance(i) => {
                if let Some(Value::Native(n)) = i.class.lookup(name) {
                    if let Native::Descriptor(3, Value::Tuple(t)) = &*n {
                        super::call_sync(self, t[1].clone(), Args::of(vec![obj.clone(), v]))?;
                        return Ok(());
                    }
                    if let Native::Descriptor(2, _) = &*n {
                        return Err(self.err(
                            "AttributeError",
                            format!("property '{name}' of '{}' object has no setter", i.class.qualname()),
                        ));
                    }
                }
                let old = i.attrs.borrow_mut().insert(name.into(), v);
                drop(old);
                Ok(())
            }
            Value::Class(c) if c.module == crate::MAIN_MODULE => {
                c.attrs.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            _ => {
                Err(self.err("AttributeError", format!("'{}' object attribute '{name}' is read-only", type_name(obj))))
            }
        }
    }

    pub(super) fn index(&self, len: usize, i: &Value, what: &str) -> Result<usize, Ctrl> {
        let i = match i {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i128,
            // CPython 3.11's wording: strings name the type quoted, and no slices.
            other if what == "string" => {
                return Err(self.type_err(format!("string indices must be integers, not '{}'", type_name(other))))
            }
            other => {
                let what = what.trim_end_matches(" assignment");
                return Err(
                    self.type_err(format!("{what} indices must be integers or slices, not {}", type_name(other)))
                );
            }
        };
        let k = if i < 0 { i + len as i128 } else { i };
        if k < 0 || k >= len as i128 {
            return Err(self.err("IndexError", format!("{what} index out of range")));
        }
        Ok(k as usize)
    }

    pub(super) fn slice_indices(&self, len: usize, s: &(Value, Value, Value)) -> Result<Vec<usize>, Ctrl> {
        let (start, stop, step) = self.slice_bounds(len, s)?;
        Ok((0..range_len(start, stop, step)).map(|k| (start + k * step) as usize).collect())
    }

    /// A slice's start, stop and step over `len` items, as CPython's `PySlice_AdjustIndices`.
    pub(super) fn slice_bounds(&self, len: usize, s: &(Value, Value, Value)) -> Result<(i64, i64, i64), Ctrl> {
        let get = |v: &Value| match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some((*i).clamp(i64::MIN as i128 / 2, i64::MAX as i128 / 2) as i64)),
            _ => Err(self.type_err("slice indices must be integers or None or have an __index__ method")),
        };
        let step = get(&s.2)?.unwrap_or(1);
        if step == 0 {
            return Err(self.err("ValueError", "slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |v: i64, lo: i64, hi: i64| if v < 0 { (v + len).max(lo) } else { v.min(hi) };
        let (start, stop) = if step > 0 {
            (get(&s.0)?.map(|v| clamp(v, 0, len)).unwrap_or(0), get(&s.1)?.map(|v| clamp(v, 0, len)).unwrap_or(len))
        } else {
            (
                get(&s.0)?.map(|v| clamp(v, -1, len - 1)).unwrap_or(len - 1),
                get(&s.1)?.map(|v| clamp(v, -1, len - 1)).unwrap_or(-1),
            )
        };
        Ok((start, stop, step))
    }

    /// `o[i]`.
    pub async fn getitem(&self, o: &Value, i: &Value) -> Result<Value, Ctrl> {
        match (o, i) {
            (&Value::Range(a, b, c), Value::Slice(s)) => {
                let (start, stop, step) = self.slice_bounds(range_len(a, b, c).max(0) as usize, s)?;
                let at = |k: i64| k.checked_mul(c).and_then(|x| x.checked_add(a));
                let r = (at(start), at(stop), step.checked_mul(c));
                let (Some(x), Some(y), Some(z)) = r else { return Err(self.err("OverflowError", "range too large")) };
                Ok(Value::Range(x, y, z))
            }
            (Value::List(l), Value::Slice(s)) => {
                let l = l.borrow();
                let idx = self.slice_indices(l.len(), s)?;
                Ok(Value::List(Rc::new(RefCell::new(idx.into_iter().map(|k| l[k].clone()).collect()))))
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let idx = self.slice_indices(t.len(), s)?;
                Ok(Value::Tuple(Rc::new(idx.into_iter().map(|k| t[k].clone()).collect())))
            }
            (Value::Str(st), Value::Slice(s)) => {
                let chars: Vec<char> = st.chars().collect();
                let idx = self.slice_indices(chars.len(), s)?;
                Ok(Value::Str(idx.into_iter().map(|k| chars[k]).collect::<String>().into()))
            }
            (Value::List(l), _) => {
                let l = l.borrow();
                Ok(l[self.index(l.len(), i, "list")?].clone())
            }
            (Value::Tuple(t), _) => Ok(t[self.index(t.len(), i, "tuple")?].clone()),
            (Value::Str(s), _) => {
                let chars: Vec<char> = s.chars().collect();
                Ok(Value::Str(chars[self.index(chars.len(), i, "string")?].to_string().into()))
            }
            (Value::Range(a, b, c), _) => {
                let n = range_len(*a, *b, *c) as usize;
                Ok(Value::Int((a + self.index(n, i, "range object")? as i64 * c) as i128))
            }
            (Value::Dict(d), _) => {
                let h = hash_key(i).ok_or_else(|| self.unhashable(i))?;
                let found = d.borrow().get(&h).cloned();
                found.ok_or_else(|| Ctrl::Exc(make_exc(&self.interp.class("KeyError"), vec![i.clone()])))
            }
            (Value::Class(_), _) => Ok(o.clone()),
            (Value::Instance(c), _) if c.class.lookup("__getitem__").is_some() => {
                self.call_method(o, "__getitem__", Args::of(vec![i.clone()])).await
            }
            _ => Err(self.type_err(format!("'{}' object is not subscriptable", type_name(o)))),
        }
    }

    /// `o[i] = v`.
    pub fn setitem(&self, o: &Value, i: &Value, v: Value) -> Result<(), Ctrl> {
        match o {
            Value::List(l) if matches!(i, Value::Slice(_)) => match i {
                Value::Slice(s) => self.set_slice(l, s, &v),
                _ => Ok(()),
            },
            Value::List(l) => {
                let len = l.borrow().len();
                let k = self.index(len, i, "list assignment")?;
                let old = std::mem::replace(&mut l.borrow_mut()[k], v);
                drop(old);
                Ok(())
            }
            Value::Dict(d) => {
                let h = hash_key(i).ok_or_else(|| self.unhashable(i))?;
                d.borrow_mut().insert(h, i.clone(), v);
                Ok(())
            }
            Value::Instance(c) if c.class.lookup("__setitem__").is_some() => {
                let method = self.getattr(o, "__setitem__")?;
                super::call_sync(self, method, Args::of(vec![i.clone(), v])).map(drop)
            }
            _ => Err(self.type_err(format!("'{}' object does not support item assignment", type_name(o)))),
        }
    }

    /// `del o[i]`.
    pub fn delitem(&self, o: &Value, i: &Value) -> Result<(), Ctrl> {
        match o {
            Value::List(l) if matches!(i, Value::Slice(_)) => match i {
                Value::Slice(s) => self.del_slice(l, s),
                _ => Ok(()),
            },
            Value::List(l) => {
                let len = l.borrow().len();
                let k = self.index(len, i, "list assignment")?;
                let old = l.borrow_mut().remove(k);
                drop(old);
                Ok(())
            }
            Value::Dict(d) => {
                let h = hash_key(i).ok_or_else(|| self.unhashable(i))?;
                let old = d.borrow_mut().remove(&h);
                match old {
                    Some(_) => Ok(()),
                    None => Err(Ctrl::Exc(make_exc(&self.interp.class("KeyError"), vec![i.clone()]))),
                }
            }
            _ => Err(self.type_err(format!("'{}' object doesn't support item deletion", type_name(o)))),
        }
    }
}

/// `str.lower`, `list.append`...: a built-in type's method, called with its object first.
fn sample_of(of_type: &str) -> Option<Value> {
    Some(match of_type {
        "str" => Value::Str("".into()),
        "list" => Value::List(Rc::new(RefCell::new(vec![].into()))),
        "dict" => Value::Dict(Rc::new(RefCell::new(crate::value::Dict::new()))),
        "set" => Value::Set(Rc::new(RefCell::new(crate::value::Dict::new()))),
        _ => return None,
    })
}

fn unbound_method(of_type: &str, name: &str) -> Option<Value> {
    crate::methods::lookup(&sample_of(of_type)?, name)?;
    let call: crate::value::NativeFn = |cx, this, mut a| {
        let full = crate::format::str_of(this);
        let (of_type, name) = full.split_once('.').unwrap_or(("", &full));
        // `dict.fromkeys(keys)`: a class method, called with what it is given.
        if name == "fromkeys" {
            let d = sample_of(of_type).unwrap_or(Value::None);
            let f = crate::methods::lookup(&d, name).ok_or_else(|| cx.type_err("fromkeys"))?;
            crate::methodarity::check(cx, &d, name, &a)?;
            return f(cx, &d, a);
        }
        if a.pos.is_empty() {
            return Err(cx.type_err(format!("unbound method {full}() needs an argument")));
        }
        let obj = a.pos.remove(0);
        let found = crate::methods::lookup(&obj, name).filter(|_| type_name(&obj) == of_type);
        let Some(f) = found else {
            return Err(cx.type_err(format!(
                "descriptor '{name}' for '{of_type}' objects doesn't apply to a '{}' object",
                type_name(&obj)
            )));
        };
        crate::methodarity::check(cx, &obj, name, &a)?;
        f(cx, &obj, a)
    };
    let this = Value::Str(format!("{of_type}.{name}").into());
    Some(Value::Builtin(Rc::new(Builtin { name: name.into(), this, f: call, auto_await: false })))
}

fn coro_close(_cx: &Cx, this: &Value, _args: Args) -> Result<Value, Ctrl> {
    if let Value::Coro(c) = this {
        c.state.set(CoroState::Started);
        let body = c.body.borrow_mut().take();
        drop(body);
    }
    Ok(Value::None)
}
