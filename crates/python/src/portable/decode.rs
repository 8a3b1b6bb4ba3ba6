//! Reading values ([`Decoder`]): every step checks what it reads, so a garbled message is
//! a [`WireError`], never a panic.

use super::defs::{collect, Defs};
use super::{Fill, Reader, WireError, MAX_NESTING};
use crate::aio::native::Native;
use crate::interp::{Cx, Scope, ScopeKind};
use crate::value::{hash_key, Class, Dict, Function, Instance, Value};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

type R<T> = Result<T, WireError>;

/// An object made while reading: a value or a closure's scope.
enum Obj {
    V(Value),
    S(Rc<Scope>),
}

/// Reads a message into values of `cx`'s interpreter.
pub struct Decoder<'a> {
    cx: &'a Cx,
    /// The message.
    pub r: Reader<'a>,
    objs: Vec<Obj>,
    fills: VecDeque<Fill>,
    defs: Defs,
    known: &'a [Value],
    /// The program's classes and functions read, in order (a reply names them by index).
    pub received: Vec<Value>,
    depth: usize,
}

impl<'a> Decoder<'a> {
    /// Reads on from `r`, for `program` run by `cx`'s interpreter; `known`: the classes and
    /// functions of the request (for a reply), which `^k` names.
    pub fn new(cx: &'a Cx, program: &crate::Program, r: Reader<'a>, known: &'a [Value]) -> Decoder<'a> {
        Decoder {
            cx,
            r,
            objs: Vec::new(),
            fills: VecDeque::new(),
            defs: collect(&program.body),
            known,
            received: Vec::new(),
            depth: 0,
        }
    }

    /// Reads a value.
    pub fn value(&mut self) -> R<Value> {
        self.nested(Self::read)
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING { Err(WireError::TooDeep) } else { f(self) };
        self.depth -= 1;
        r
    }

    fn made(&mut self, v: Value) -> Value {
        self.objs.push(Obj::V(v.clone()));
        v
    }

    fn fill(&mut self, v: Value, fill: Fill) -> Value {
        self.fills.push_back(fill);
        self.made(v)
    }

    fn def(&mut self) -> R<Rc<crate::ast::FuncDef>> {
        let (line, col) = (self.r.num()?, self.r.num()?);
        self.defs.get(&(line, col)).cloned().ok_or(WireError::UnknownDef(line, col))
    }

    fn class_value(&mut self) -> R<Rc<Class>> {
        let at = self.r.pos();
        match self.value()? {
            Value::Class(c) => Ok(c),
            _ => Err(WireError::Unexpected(at)),
        }
    }

    fn read(&mut self) -> R<Value> {
        let at = self.r.pos();
        Ok(match self.r.tag()? {
            b'N' => Value::None,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::Int(self.r.num()?),
            b'f' => Value::Float(f64::from_bits(self.r.hex()?)),
            b's' => Value::Str(self.r.text()?.into()),
            b'R' => match (self.r.num()?, self.r.num()?, self.r.num()?) {
                (_, _, 0) => return Err(WireError::Unexpected(at)),
                (a, b, c) => Value::Range(a, b, c),
            },
            b'L' => {
                let l = Rc::new(RefCell::new(crate::value::Items::default()));
                self.fill(Value::List(l.clone()), Fill::List(l))
            }
            tag @ (b'D' | b'S') => {
                let d = Rc::new(RefCell::new(Dict::new()));
                let v = if tag == b'S' { Value::Set(d.clone()) } else { Value::Dict(d.clone()) };
                self.fill(v, Fill::Dict(d, tag == b'S'))
            }
            b'U' => {
                let n: usize = self.r.num()?;
                let items = (0..n).map(|_| self.value()).collect::<R<Vec<_>>>()?;
                self.made(Value::Tuple(Rc::new(items)))
            }
            b'Z' => {
                let (a, b, c) = (self.value()?, self.value()?, self.value()?);
                self.made(Value::Slice(Rc::new((a, b, c))))
            }
            b'@' => match self.objs.get(self.r.num::<usize>()?) {
                Some(Obj::V(v)) => v.clone(),
                _ => return Err(WireError::BadRef(at)),
            },
            b'^' => self.known.get(self.r.num::<usize>()?).cloned().ok_or(WireError::BadRef(at))?,
            b'P' => {
                let def = self.def()?;
                let qualname: Rc<str> = self.r.text()?.into();
                let (defaults, kw_defaults) = (self.opts()?, self.opts()?);
                if defaults.len() != def.params.args.len() || kw_defaults.len() != def.params.kwonly.len() {
                    return Err(WireError::Unexpected(at));
                }
                let scope = self.scope()?;
                let f = Value::Func(Rc::new(Function { def, defaults, kw_defaults, scope, qualname }));
                self.received.push(f.clone());
                self.made(f)
            }
            b'K' => {
                let name: Rc<str> = self.r.text()?.into();
                let is_exception = self.r.tag()? == b'1';
                let n: usize = self.r.num()?;
                let bases = (0..n).map(|_| self.class_value()).collect::<R<Vec<_>>>()?;
                let attrs = RefCell::new(HashMap::new());
                let c = Rc::new(Class { name, module: crate::MAIN_MODULE, bases, attrs, is_exception, ctor: None });
                self.received.push(Value::Class(c.clone()));
                self.fill(Value::Class(c.clone()), Fill::Class(c))
            }
            b'B' => {
                let name = self.r.text()?;
                let c = self.cx.interp.classes.borrow().get(name).cloned();
                // asyncio's and the pools' classes are made when first asked for.
                let c = c.or_else(|| crate::aio::classes::class_of(self.cx, name));
                Value::Class(c.ok_or_else(|| WireError::Unknown(name.into()))?)
            }
            b'I' => {
                let class = self.class_value()?;
                let n: usize = self.r.num()?;
                let mut tb = Vec::new();
                for _ in 0..n {
                    let (line, func) = (self.r.num()?, self.r.text()?.into());
                    let span = (self.r.num()?, self.r.num()?, self.r.num()?);
                    tb.push((line, func, 0, Some(span).filter(|s| s.0 > 0)));
                }
                let attrs = RefCell::new(HashMap::new());
                let i = Rc::new(Instance { class, attrs, traceback: RefCell::new(tb) });
                self.fill(Value::Instance(i.clone()), Fill::Instance(i))
            }
            b'b' => {
                let (module, name) = (self.r.text()?, self.r.text()?);
                let f = match module {
                    "builtins" => self.cx.interp.builtins.borrow().get(name).cloned(),
                    _ => crate::modules::attr(self.cx, module, name),
                };
                f.ok_or_else(|| WireError::Unknown(format!("{module}.{name}")))?
            }
            b'm' => {
                let this = self.value()?;
                let name = self.r.text()?;
                let m = self.cx.getattr(&this, name).map_err(|_| WireError::Unknown(name.into()))?;
                self.made(m)
            }
            b'O' => {
                let (this, f) = (self.value()?, self.value()?);
                self.made(Value::Method(Rc::new((this, f))))
            }
            b'Q' => {
                let name = self.r.text()?;
                if !crate::checker::MODULES.iter().any(|(m, _)| *m == name) {
                    return Err(WireError::Unknown(name.into()));
                }
                crate::modules::module(name)
            }
            b'o' => match self.r.tag()? {
                b'0' => Value::Native(Rc::new(Native::Stream(false))),
                b'1' => Value::Native(Rc::new(Native::Stream(true))),
                _ => return Err(WireError::Unexpected(at + 1)),
            },
            b'E' => Value::Native(Rc::new(Native::Ellipsis)),
            b'n' => Value::Native(Rc::new(Native::NotImplemented)),
            b'V' => {
                use crate::dictview::{DictView, ViewKind};
                let kind = [ViewKind::Keys, ViewKind::Values, ViewKind::Items].get(self.r.num::<usize>()?).copied();
                match (kind, self.value()?) {
                    (Some(kind), Value::Dict(dict)) => {
                        Value::Native(Rc::new(Native::DictView(DictView { kind, dict })))
                    }
                    _ => return Err(WireError::Unexpected(at)),
                }
            }
            b'd' => match self.r.num()? {
                kind @ 0..=3 => {
                    let f = self.value()?;
                    self.made(Value::Native(Rc::new(Native::Descriptor(kind, f))))
                }
                _ => return Err(WireError::Unexpected(at)),
            },
            _ => return Err(WireError::Unexpected(at)),
        })
    }

    /// Defaults: values, `_` for none.
    fn opts(&mut self) -> R<Vec<Option<Value>>> {
        let n: usize = self.r.num()?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(match self.r.peek() {
                Some(b'_') => {
                    self.r.tag()?;
                    None
                }
                _ => Some(self.value()?),
            });
        }
        Ok(out)
    }

    fn scope(&mut self) -> R<Rc<Scope>> {
        self.nested(|d| {
            let at = d.r.pos();
            match d.r.tag()? {
                b'M' => Ok(d.cx.interp.globals.clone()),
                b'@' => match d.objs.get(d.r.num::<usize>()?) {
                    Some(Obj::S(s)) => Ok(s.clone()),
                    _ => Err(WireError::BadRef(at)),
                },
                b'C' => {
                    let kind = match d.r.tag()? {
                        b'd' => ScopeKind::Function(d.def()?),
                        b'c' => {
                            let n: usize = d.r.num()?;
                            ScopeKind::Comp((0..n).map(|_| d.r.text().map(String::from)).collect::<R<_>>()?)
                        }
                        b'k' => ScopeKind::Class,
                        _ => return Err(WireError::Unexpected(at + 1)),
                    };
                    let s = Scope::new(Some(d.scope()?), kind);
                    d.objs.push(Obj::S(s.clone()));
                    d.fills.push_back(Fill::Scope(s.clone()));
                    Ok(s)
                }
                _ => Err(WireError::Unexpected(at)),
            }
        })
    }

    /// Reads the contents of the containers read so far (and of those they contain).
    pub fn drain(&mut self) -> R<()> {
        while let Some(fill) = self.fills.pop_front() {
            match fill {
                Fill::List(l) => {
                    let n: usize = self.r.num()?;
                    for _ in 0..n {
                        let v = self.value()?;
                        l.borrow_mut().push(v);
                    }
                }
                Fill::Dict(d, set) => {
                    let n: usize = self.r.num()?;
                    for _ in 0..n {
                        let k = self.value()?;
                        let v = if set { Value::None } else { self.value()? };
                        let hk = hash_key(&k).ok_or(WireError::Unhashable)?;
                        d.borrow_mut().insert(hk, k, v);
                    }
                }
                Fill::Instance(i) => {
                    let attrs = self.attrs(false)?;
                    i.attrs.borrow_mut().extend(attrs);
                }
                Fill::Class(c) => {
                    let attrs = self.attrs(false)?;
                    c.attrs.borrow_mut().extend(attrs);
                }
                Fill::Scope(s) => {
                    let vars = self.attrs(true)?;
                    s.vars.borrow_mut().extend(vars);
                }
            }
        }
        Ok(())
    }

    /// Names and values; `vars`: a copy's variables, where one left out (`X` and why) is
    /// kept as `\0absent:NAME`, so that using it says why it is missing.
    pub fn attrs(&mut self, vars: bool) -> R<Vec<(Rc<str>, Value)>> {
        let n: usize = self.r.num()?;
        let mut out = Vec::new();
        for _ in 0..n {
            let name = self.r.text()?;
            if vars && self.r.peek() == Some(b'X') {
                self.r.tag()?;
                out.push((format!("\0absent:{name}").into(), Value::Str(self.r.text()?.into())));
            } else {
                out.push((name.into(), self.value()?));
            }
        }
        Ok(out)
    }
}
