//! Writing values ([`Encoder`]).

use super::refuse::{builtin_home, refuse};
use super::{Fill, Unsendable, Writer, MAX_NESTING, WHY};

mod objects;
use crate::aio::native::Native;
use crate::interp::Cx;
use crate::value::{identity, Value};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

type R = Result<(), Unsendable>;

/// Writes values of one interpreter as a message (see [`super`] for the format).
pub struct Encoder<'a> {
    cx: &'a Cx,
    /// The message so far.
    pub w: Writer,
    /// Objects written (by identity): their number, or `None` while their parts are written.
    ids: HashMap<usize, Option<usize>>,
    next: usize,
    fills: VecDeque<(Fill, bool)>,
    /// A trial: nothing is kept, and closures' variables are not looked at.
    dry: bool,
    /// Whether values must also be what CPython's pickle accepts (for a process pool).
    pickle: bool,
    depth: usize,
    /// The program's classes and functions written, in order: a reply names them by index.
    pub sent: Vec<Value>,
    /// Classes and functions that came with the request, by identity: written as `^k`.
    pub known: HashMap<usize, usize>,
}

impl<'a> Encoder<'a> {
    /// An empty message, for values of `cx`'s interpreter.
    pub fn new(cx: &'a Cx) -> Encoder<'a> {
        Encoder {
            cx,
            w: Writer::default(),
            ids: HashMap::new(),
            next: 0,
            fills: VecDeque::new(),
            dry: false,
            pickle: false,
            depth: 0,
            sent: Vec::new(),
            known: HashMap::new(),
        }
    }

    /// From now on, also refuse what CPython's pickle refuses (a process pool's call).
    pub fn set_pickle(&mut self, on: bool) {
        self.pickle = on;
    }

    /// Writes a value.
    pub fn value(&mut self, v: &Value) -> R {
        self.depth += 1;
        let r = if self.depth > MAX_NESTING {
            Err(Unsendable {
                class: "RecursionError",
                msg: "maximum recursion depth exceeded while sending an object to a worker".into(),
            })
        } else {
            self.write(v)
        };
        self.depth -= 1;
        r
    }

    /// Writes a variable of a copy: its value if it can be sent, else `X` and why.
    pub fn var(&mut self, v: &Value) -> R {
        match self.check(v) {
            Ok(()) => self.value(v),
            Err(why) => {
                self.w.tag('X');
                self.w.text(&why.msg);
                Ok(())
            }
        }
    }

    /// Whether `v` can be sent (tried on a scratch message).
    pub fn check(&self, v: &Value) -> R {
        let mut trial = Encoder::new(self.cx);
        trial.dry = true;
        trial.pickle = self.pickle;
        trial.known = self.known.clone();
        trial.value(v)?;
        trial.drain()
    }

    /// Writes the contents of the containers written so far (and of those they contain).
    pub fn drain(&mut self) -> R {
        while let Some((fill, pickle)) = self.fills.pop_front() {
            let saved = std::mem::replace(&mut self.pickle, pickle);
            let r = self.fill(fill);
            self.pickle = saved;
            r?;
        }
        Ok(())
    }

    /// The message.
    pub fn finish(self) -> String {
        self.w.0
    }

    /// Writes `@id` if the object at `key` was written already; else marks it as being written.
    fn seen(&mut self, key: usize) -> Result<bool, Unsendable> {
        match self.ids.get(&key) {
            Some(Some(id)) => {
                let id = *id;
                self.w.tag('@');
                self.w.num(id);
                Ok(true)
            }
            Some(None) => Err(Unsendable {
                class: "ValueError",
                msg: format!("cannot send a tuple, function or class that contains itself to a worker: {WHY}"),
            }),
            None => {
                self.ids.insert(key, None);
                Ok(false)
            }
        }
    }

    /// The object at `key` is made (on the other side): it gets the next number.
    fn made(&mut self, key: usize) {
        self.ids.insert(key, Some(self.next));
        self.next += 1;
    }

    fn container(&mut self, v: &Value, tag: char, fill: Fill) -> R {
        if !self.seen(identity(v))? {
            self.w.tag(tag);
            self.made(identity(v));
            self.fills.push_back((fill, self.pickle));
        }
        Ok(())
    }

    fn write(&mut self, v: &Value) -> R {
        match v {
            Value::None => self.w.tag('N'),
            Value::Bool(b) => self.w.tag(if *b { 'T' } else { 'F' }),
            Value::Int(i) => {
                self.w.tag('i');
                self.w.num(i);
            }
            Value::Float(f) => {
                self.w.tag('f');
                self.w.num(format_args!("{:x}", f.to_bits()));
            }
            Value::Str(s) => {
                self.w.tag('s');
                self.w.text(s);
            }
            Value::Range(a, b, c) => {
                self.w.tag('R');
                [a, b, c].into_iter().for_each(|n| self.w.num(n));
            }
            Value::List(l) => return self.container(v, 'L', Fill::List(l.clone())),
            Value::Dict(d) => return self.container(v, 'D', Fill::Dict(d.clone(), false)),
            Value::Set(d) => return self.container(v, 'S', Fill::Dict(d.clone(), true)),
            Value::Tuple(items) => {
                if !self.seen(identity(v))? {
                    self.w.tag('U');
                    self.w.num(items.len());
                    items.iter().try_for_each(|x| self.value(x))?;
                    self.made(identity(v));
                }
            }
            Value::Slice(s) => {
                if !self.seen(identity(v))? {
                    self.w.tag('Z');
                    [&s.0, &s.1, &s.2].into_iter().try_for_each(|x| self.value(x))?;
                    self.made(identity(v));
                }
            }
            Value::Func(f) => return self.func(v, f),
            Value::Builtin(b) => match &b.this {
                Value::None => {
                    let home = builtin_home(self.cx, b).ok_or_else(|| refuse(v, self.pickle))?;
                    self.w.tag('b');
                    self.w.text(home);
                    self.w.text(&b.name);
                }
                this => {
                    if !self.seen(identity(v))? {
                        self.w.tag('m');
                        self.value(this)?;
                        self.w.text(&b.name);
                        self.made(identity(v));
                    }
                }
            },
            Value::Method(m) => {
                if !self.seen(identity(v))? {
                    self.w.tag('O');
                    self.value(&m.0)?;
                    self.value(&m.1)?;
                    self.made(identity(v));
                }
            }
            Value::Class(c) => return self.class(v, c),
            Value::Instance(i) => {
                if !self.seen(identity(v))? {
                    self.w.tag('I');
                    self.value(&Value::Class(i.class.clone()))?;
                    let tb = i.traceback.borrow().clone();
                    self.w.num(tb.len());
                    for (line, func, _, span) in tb {
                        self.w.num(line);
                        self.w.text(&func);
                        let (col, end_line, end_col) = span.unwrap_or_default();
                        self.w.num(col);
                        self.w.num(end_line);
                        self.w.num(end_col);
                    }
                    self.made(identity(v));
                    self.fills.push_back((Fill::Instance(i.clone()), self.pickle));
                }
            }
            Value::Native(n) => match &**n {
                Native::Module(_) if self.pickle => {
                    return Err(Unsendable { class: "TypeError", msg: "cannot pickle 'module' object".into() })
                }
                Native::Module(m) => {
                    self.w.tag('Q');
                    self.w.text(m);
                }
                Native::Stream(stderr) => {
                    self.w.tag('o');
                    self.w.tag(if *stderr { '1' } else { '0' });
                }
                Native::Ellipsis => self.w.tag('E'),
                Native::NotImplemented => self.w.tag('n'),
                // A view goes as a view of the dict's copy (a process cannot take one: CPython's
                // pickle refuses it).
                Native::DictView(view) if !self.pickle => {
                    self.w.tag('V');
                    self.w.num(view.kind as usize);
                    self.value(&Value::Dict(view.dict.clone()))?;
                }
                Native::Descriptor(kind, f) => {
                    if !self.seen(identity(v))? {
                        self.w.tag('d');
                        self.w.num(kind);
                        self.value(f)?;
                        self.made(identity(v));
                    }
                }
                _ => return Err(refuse(v, self.pickle)),
            },
            Value::Coro(_) | Value::Fut(_) | Value::Iter(_) => return Err(refuse(v, self.pickle)),
        }
        Ok(())
    }
}

/// A scope's or object's variables by name (the interpreter's own, `\0...`, left out).
pub fn sorted(vars: &HashMap<Rc<str>, Value>) -> Vec<(Rc<str>, Value)> {
    let mut out: Vec<(Rc<str>, Value)> =
        vars.iter().filter(|(k, _)| !k.starts_with('\0')).map(|(k, v)| (k.clone(), v.clone())).collect();
    playground_core::sort::sort_by(&mut out, &mut |a, b| Some(a.0 < b.0));
    out
}
