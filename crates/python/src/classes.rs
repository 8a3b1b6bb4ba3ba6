//! A class's order of bases (CPython's C3 linearisation), its attribute lookup along it, and
//! its names.

use crate::value::{Class, Value};
use std::rc::Rc;

impl Class {
    /// Its method resolution order, by CPython's C3 linearisation (depth-first where that is not
    /// consistent, which [`Class::c3`] refuses when the class is made).
    pub fn mro(self: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut out = vec![self.clone()];
        match Class::c3(&self.bases) {
            Some(rest) => out.extend(rest),
            None => {
                for c in self.bases.iter().flat_map(|b| b.mro()) {
                    if !out.iter().any(|o| Rc::ptr_eq(o, &c)) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }
    /// The C3 merge of `bases`' orders and of `bases` themselves (the order after the class
    /// itself), or none if there is no consistent order (CPython's `TypeError` at class creation).
    pub fn c3(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
        let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Some(out);
            }
            let in_tail = |c: &Rc<Class>| seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c)));
            let head = seqs.iter().map(|s| s[0].clone()).find(|h| !in_tail(h))?;
            for s in &mut seqs {
                if Rc::ptr_eq(&s[0], &head) {
                    s.remove(0);
                }
            }
            out.push(head);
        }
    }
    /// Looks up an attribute along the MRO.
    pub fn lookup(self: &Rc<Class>, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        match self.bases.as_slice() {
            [] => None,
            // One base: its own order follows this class, as C3 makes it.
            [b] => b.lookup(name),
            _ => self.mro()[1..].iter().find_map(|c| c.attrs.borrow().get(name).cloned()),
        }
    }
    /// Its qualified name (`main.<locals>.Temp` for a class made in a function's body).
    pub fn qualname(&self) -> Rc<str> {
        match self.attrs.borrow().get("__qualname__") {
            Some(Value::Str(q)) => q.clone(),
            _ => self.name.clone(),
        }
    }
    /// Whether it is `other` or derives from it.
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.bases.iter().any(|b| b.is_subclass(other))
    }
    /// Its name as tracebacks show it (`asyncio.exceptions.CancelledError`).
    pub fn qualified(&self) -> String {
        if self.module == "builtins" || self.module == crate::MAIN_MODULE {
            self.qualname().to_string()
        } else {
            format!("{}.{}", self.module, self.name)
        }
    }
}
