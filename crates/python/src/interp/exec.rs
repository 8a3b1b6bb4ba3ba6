//! Statements.

use super::eval::Fut;
use super::exc::make_exc;
use super::{Ctrl, Cx, Scope, ScopeKind};
use crate::ast::*;
use crate::value::{Args, Class, Value};
use std::cell::RefCell;
use std::rc::Rc;

impl Cx {
    /// Runs a block of statements.
    pub fn exec_block<'a>(&'a self, body: &'a [Stmt]) -> Fut<'a, ()> {
        Box::pin(async move {
            for s in body {
                self.interp.line.set(s.pos.line);
                self.line.set(s.pos.line);
                let done = self.exec(s).await;
                super::generators::close_dropped(&self.interp);
                if let Err(e) = done {
                    if let Ctrl::Exc(exc) = &e {
                        self.note_frame(exc, s.pos.line);
                    }
                    return Err(e);
                }
            }
            Ok(())
        })
    }

    async fn exec(&self, s: &Stmt) -> Result<(), Ctrl> {
        self.interp.tick()?;
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.eval(e).await?;
                drop(v);
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(value).await?;
                for t in targets {
                    self.assign(t, v.clone()).await?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value).await,
            StmtKind::AnnAssign { target, value } => match value {
                Some(v) => {
                    let v = self.eval(v).await?;
                    self.assign(target, v).await
                }
                None => Ok(()),
            },
            StmtKind::Import(names) => {
                for a in names {
                    let top = a.name.split('.').next().unwrap_or_default();
                    let (bound, module) = match &a.asname {
                        Some(asname) => (asname.as_str(), a.name.as_str()),
                        None => (top, top),
                    };
                    self.set_name(bound, crate::modules::module(module));
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names, .. } => {
                let m = crate::modules::module(module);
                for a in names {
                    let v = self.getattr(&m, &a.name)?;
                    self.set_name(a.asname.as_deref().unwrap_or(&a.name), v);
                }
                Ok(())
            }
            StmtKind::FuncDef(def) => {
                let mut f = self.make_function(def, self.qualify(&def.name)).await?;
                for d in def.decorators.iter().rev() {
                    let deco = self.eval(d).await?;
                    f = self.call(deco, Args::of(vec![f])).await?;
                }
                self.set_name(&def.name, f);
                Ok(())
            }
            StmtKind::ClassDef(def) => self.class_def(def).await,
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e).await?,
                    None => Value::None,
                };
                Err(Ctrl::Return(v))
            }
            StmtKind::If { test, body, orelse } => {
                if self.is_true(&self.eval(test).await?)? {
                    self.exec_block(body).await
                } else {
                    self.exec_block(orelse).await
                }
            }
            StmtKind::While { test, body, orelse } => {
                while self.is_true(&self.eval(test).await?)? {
                    match self.exec_block(body).await {
                        Err(Ctrl::Break) => return Ok(()),
                        Err(Ctrl::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                }
                self.exec_block(orelse).await
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                let it = self.eval(iter).await?;
                if *is_async {
                    return self.async_for(target, it, body, orelse).await;
                }
                let mut items = self.cursor(&it)?;
                while let Some(item) = items.pull()? {
                    self.assign(target, item).await?;
                    match self.exec_block(body).await {
                        Err(Ctrl::Break) => return Ok(()),
                        Err(Ctrl::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                }
                self.exec_block(orelse).await
            }
            StmtKind::Break => Err(Ctrl::Break),
            StmtKind::Continue => Err(Ctrl::Continue),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Try { body, handlers, orelse, finalbody, star } => {
                self.try_stmt(body, handlers, orelse, finalbody, *star).await
            }
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()).await,
            StmtKind::With { items, body, is_async } => self.with(items, body, *is_async).await,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t).await?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                if self.is_true(&self.eval(test).await?)? {
                    return Ok(());
                }
                let args = match msg {
                    Some(m) => vec![self.eval(m).await?],
                    None => vec![],
                };
                let exc = make_exc(&self.interp.class("AssertionError"), args);
                // CPython's traceback points at the test when it ends with a comparison (the
                // location its compiler leaves after a comparison's jump), else at the statement.
                if let Some(compare) = last_compare(test) {
                    self.note_failure(&exc, compare);
                }
                Err(Ctrl::Exc(exc))
            }
        }
    }

    async fn aug_assign(&self, target: &Expr, op: BinOp, value: &Expr) -> Result<(), Ctrl> {
        match &target.kind {
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(obj).await?;
                let cur = self.getattr(&o, name).inspect_err(|e| self.failed_in(e, target))?;
                let v = self.eval(value).await?;
                let r = self.inplace(&cur, op, &v)?;
                self.setattr(&o, name, r)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj).await?;
                let i = self.eval(index).await?;
                let cur = self.getitem(&o, &i).await.inspect_err(|e| self.failed_in(e, target))?;
                let v = self.eval(value).await?;
                let r = self.inplace(&cur, op, &v)?;
                self.setitem(&o, &i, r)
            }
            _ => {
                let cur = self.eval(target).await?;
                let v = self.eval(value).await?;
                let r = self.inplace(&cur, op, &v)?;
                self.assign(target, r).await
            }
        }
    }

    fn inplace(&self, cur: &Value, op: BinOp, v: &Value) -> Result<Value, Ctrl> {
        if let (Value::List(l), BinOp::Add) = (cur, op) {
            let items = self.iterate(v)?;
            l.borrow_mut().extend(items);
            return Ok(cur.clone());
        }
        self.binop(cur, op, v).map_err(|e| match e {
            // CPython names the in-place operator: `unsupported operand type(s) for +=: ...`.
            Ctrl::Exc(x) if crate::format::str_of(&x).starts_with("unsupported operand") => {
                let msg = crate::format::str_of(&x);
                match msg.split_once(": ") {
                    Some((head, tail)) => self.type_err(format!("{head}=: {tail}")),
                    None => Ctrl::Exc(x),
                }
            }
            other => other,
        })
    }

    async fn class_def(&self, def: &Rc<ClassDef>) -> Result<(), Ctrl> {
        let mut bases = Vec::new();
        for b in &def.bases {
            match self.eval(b).await? {
                Value::Class(c) => bases.push(c),
                other => return Err(self.type_err(format!("bases must be types, not {}", self.to_repr(&other)?))),
            }
        }
        for b in &bases {
            if b.ctor.is_some() && !b.is_exception && b.name.as_ref() != "object" {
                let msg = match b.module {
                    "builtins" => {
                        format!("subclassing the built-in type '{}' is not supported by the playground", b.name)
                    }
                    module => format!("subclassing '{module}.{}' is not supported by the playground", b.name),
                };
                return Err(self.type_err(msg));
            }
        }
        let scope = Scope::new(Some(self.scope.clone()), ScopeKind::Class);
        let inner = Cx { scope: scope.clone(), ..self.clone() };
        inner.exec_block(&def.body).await?;
        let mut attrs = scope.vars.borrow().clone();
        attrs.insert("__name__".into(), Value::Str(def.name.as_str().into()));
        let qualname = self.qualify(&def.name);
        for v in attrs.values_mut() {
            *v = requalify(v, &qualname);
        }
        attrs.insert("__qualname__".into(), Value::Str(qualname));
        let is_exception = bases.iter().any(|b| b.is_exception);
        if bases.is_empty() {
            bases.push(self.interp.class("object"));
        }
        if bases.len() > 1 && Class::c3(&bases).is_none() {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_ref()).collect();
            return Err(self.type_err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
        let class = Class {
            name: def.name.as_str().into(),
            module: crate::MAIN_MODULE,
            bases,
            attrs: RefCell::new(attrs),
            is_exception,
            ctor: None,
        };
        self.set_name(&def.name, Value::Class(Rc::new(class)));
        Ok(())
    }

    async fn async_for(&self, target: &Expr, it: Value, body: &[Stmt], orelse: &[Stmt]) -> Result<(), Ctrl> {
        let aiter = self.aiter_of(&it).await?;
        while let Some(item) = self.anext_of(&aiter).await? {
            self.assign(target, item).await?;
            match self.exec_block(body).await {
                Err(Ctrl::Break) => return Ok(()),
                Err(Ctrl::Continue) | Ok(()) => {}
                Err(e) => return Err(e),
            }
        }
        self.exec_block(orelse).await
    }

    /// The next item of an asynchronous iterator (its `__anext__()`, awaited), `None` once it
    /// raises `StopAsyncIteration`.
    pub async fn anext_of(&self, aiter: &Value) -> Result<Option<Value>, Ctrl> {
        let next = self.call_method(aiter, "__anext__", Args::default()).await?;
        match self.await_value(next).await {
            Ok(v) => Ok(Some(v)),
            Err(Ctrl::Exc(e)) if super::exc::is_instance_of(&self.interp, &e, "StopAsyncIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn delete(&self, t: &Expr) -> Result<(), Ctrl> {
        match &t.kind {
            ExprKind::Name(n) => {
                let removed = self.scope.vars.borrow_mut().remove(n.as_ref());
                if removed.is_none() {
                    return Err(self.err("NameError", format!("name '{n}' is not defined")));
                }
                Ok(())
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj).await?;
                let i = self.eval(index).await?;
                self.delitem(&o, &i)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    Box::pin(self.delete(i)).await?;
                }
                Ok(())
            }
            ExprKind::Attribute(obj, name) => {
                if let Value::Instance(i) = self.eval(obj).await? {
                    i.attrs.borrow_mut().remove(name.as_ref());
                }
                Ok(())
            }
            _ => Err(self.err("SyntaxError", "cannot delete this expression")),
        }
    }
}

/// A method of class `class` named as CPython names it (`Class.method`), also under
/// `@staticmethod`, `@classmethod` and `@property`.
fn requalify(v: &Value, class: &str) -> Value {
    use crate::aio::native::Native;
    match v {
        Value::Func(f) => Value::Func(Rc::new(crate::value::Function {
            def: f.def.clone(),
            defaults: f.defaults.clone(),
            kw_defaults: f.kw_defaults.clone(),
            scope: f.scope.clone(),
            qualname: format!("{class}.{}", f.def.name).into(),
        })),
        Value::Native(n) => match &**n {
            Native::Descriptor(k, f @ Value::Func(_)) => {
                Value::Native(Rc::new(Native::Descriptor(*k, requalify(f, class))))
            }
            Native::Descriptor(k, Value::Tuple(t)) => {
                let t = t.iter().map(|f| requalify(f, class)).collect();
                Value::Native(Rc::new(Native::Descriptor(*k, Value::Tuple(Rc::new(t)))))
            }
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

/// The last comparison of a condition's `and`, `or` and `not` operands, as CPython's
/// compiler of conditional jumps meets them.
fn last_compare(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::And(l, r) | ExprKind::Or(l, r) => last_compare(r).or_else(|| last_compare(l)),
        ExprKind::Unary(crate::ast::UnOp::Not, x) => last_compare(x),
        ExprKind::Compare(..) => Some(e),
        _ => None,
    }
}
