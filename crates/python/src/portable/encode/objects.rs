//! Writing the program's functions, closures' scopes and classes, and filling containers.

use super::super::refuse::pickle_check;
use super::super::Fill;
use super::{sorted, Encoder, R};
use crate::interp::{Scope, ScopeKind};
use crate::value::{identity, Class, Function, Value};
use std::rc::Rc;

impl Encoder<'_> {
    pub(super) fn func(&mut self, v: &Value, f: &Rc<Function>) -> R {
        if let Some(&k) = self.known.get(&identity(v)) {
            self.w.tag('^');
            self.w.num(k);
            return Ok(());
        }
        if self.pickle {
            pickle_check(self.cx, v, &f.qualname, Some(&f.scope))?;
        }
        if self.seen(identity(v))? {
            return Ok(());
        }
        self.w.tag('P');
        self.w.num(f.def.pos.line);
        self.w.num(f.def.pos.col);
        self.w.text(&f.qualname);
        for defaults in [&f.defaults, &f.kw_defaults] {
            self.w.num(defaults.len());
            for d in defaults {
                match d {
                    Some(d) => self.value(d)?,
                    None => self.w.tag('_'),
                }
            }
        }
        self.scope(&f.scope)?;
        self.made(identity(v));
        self.sent.push(v.clone());
        Ok(())
    }

    fn scope(&mut self, s: &Rc<Scope>) -> R {
        let Some(parent) = s.parent.as_ref().filter(|_| !matches!(s.kind, ScopeKind::Module)) else {
            self.w.tag('M');
            return Ok(());
        };
        let key = Rc::as_ptr(s) as *const u8 as usize;
        if self.seen(key)? {
            return Ok(());
        }
        self.w.tag('C');
        match &s.kind {
            ScopeKind::Function(def) => {
                self.w.tag('d');
                self.w.num(def.pos.line);
                self.w.num(def.pos.col);
            }
            ScopeKind::Comp(names) => {
                let mut names: Vec<&String> = names.iter().collect();
                playground_core::sort::sort_by(&mut names, &mut |a, b| Some(a < b));
                self.w.tag('c');
                self.w.num(names.len());
                names.into_iter().for_each(|n| self.w.text(n));
            }
            ScopeKind::Class | ScopeKind::Module => self.w.tag('k'),
        }
        self.scope(parent)?;
        self.made(key);
        if !self.dry {
            self.fills.push_back((Fill::Scope(s.clone()), self.pickle));
        }
        Ok(())
    }

    pub(super) fn class(&mut self, v: &Value, c: &Rc<Class>) -> R {
        if c.module != crate::MAIN_MODULE {
            self.w.tag('B');
            self.w.text(&c.name);
            return Ok(());
        }
        if let Some(&k) = self.known.get(&identity(v)) {
            self.w.tag('^');
            self.w.num(k);
            return Ok(());
        }
        if self.pickle {
            pickle_check(self.cx, v, &c.name, None)?;
        }
        if self.seen(identity(v))? {
            return Ok(());
        }
        self.w.tag('K');
        self.w.text(&c.name);
        self.w.tag(if c.is_exception { '1' } else { '0' });
        self.w.num(c.bases.len());
        c.bases.iter().try_for_each(|b| self.value(&Value::Class(b.clone())))?;
        self.made(identity(v));
        self.sent.push(v.clone());
        self.fills.push_back((Fill::Class(c.clone()), self.pickle));
        Ok(())
    }

    pub(super) fn fill(&mut self, fill: Fill) -> R {
        match fill {
            Fill::List(l) => {
                let items = l.borrow().clone();
                self.w.num(items.len());
                items.iter().try_for_each(|x| self.value(x))
            }
            Fill::Dict(d, set) => {
                let items: Vec<(Value, Value)> = d.borrow().items().cloned().collect();
                self.w.num(items.len());
                for (k, v) in &items {
                    self.value(k)?;
                    if !set {
                        self.value(v)?;
                    }
                }
                Ok(())
            }
            Fill::Instance(i) => {
                let attrs = sorted(&i.attrs.borrow());
                self.attrs(attrs, false)
            }
            Fill::Class(c) => {
                let attrs = sorted(&c.attrs.borrow());
                self.attrs(attrs, false)
            }
            Fill::Scope(s) => {
                let vars = sorted(&s.vars.borrow());
                self.attrs(vars, true)
            }
        }
    }

    /// Names and values; `vars`: a copy's variables, those that cannot be sent left out (`X`).
    pub fn attrs(&mut self, attrs: Vec<(Rc<str>, Value)>, vars: bool) -> R {
        self.w.num(attrs.len());
        for (name, v) in attrs {
            self.w.text(&name);
            if vars {
                self.var(&v)?;
            } else {
                self.value(&v)?;
            }
        }
        Ok(())
    }
}
