//! Expressions.

use super::{Ctrl, Cx, Scope, ScopeKind};
use crate::ast::*;
use crate::format::type_name;
use crate::value::{hash_key, Args, Dict, Function, Value};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A boxed future borrowing the tree and the context.
pub type Fut<'a, T> = Pin<Box<dyn Future<Output = Result<T, Ctrl>> + 'a>>;

fn list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

impl Cx {
    /// Evaluates an expression.
    pub fn eval<'a>(&'a self, e: &'a Expr) -> Fut<'a, Value> {
        Box::pin(async move {
            self.interp.tick()?;
            let result = self.eval_kind(e).await;
            if let Err(Ctrl::Exc(exc)) = &result {
                self.note_failure(exc, e);
            }
            result
        })
    }

    async fn eval_kind(&self, e: &Expr) -> Result<Value, Ctrl> {
        {
            match &e.kind {
                ExprKind::Name(n) => self.lookup(n),
                ExprKind::Int(i) => Ok(Value::Int(*i)),
                ExprKind::Float(f) => Ok(Value::Float(*f)),
                ExprKind::Str(s) => Ok(Value::Str(s.clone())),
                ExprKind::None => Ok(Value::None),
                ExprKind::Bool(b) => Ok(Value::Bool(*b)),
                ExprKind::Ellipsis => Ok(Value::Native(Rc::new(crate::aio::native::Native::Ellipsis))),
                ExprKind::FString(parts) => Ok(Value::Str(self.fstring(parts).await?.into())),
                ExprKind::List(items) => Ok(list(self.eval_items(items).await?)),
                ExprKind::Tuple(items) => Ok(Value::Tuple(Rc::new(self.eval_items(items).await?))),
                ExprKind::Set(items) if items.len() > 2 && items.iter().all(crate::syntaxwarn::is_constant) => {
                    // CPython folds a display of constants into a frozenset, then merges it into the set.
                    let mut frozen = Dict::new();
                    for v in self.eval_items(items).await? {
                        let h = hash_key(&v).ok_or_else(|| self.unhashable(&v))?;
                        frozen.insert(h, v, Value::None);
                    }
                    Ok(Value::Set(Rc::new(RefCell::new(crate::setorder::copy_of(&frozen)))))
                }
                ExprKind::Set(items) => {
                    let mut d = Dict::new();
                    for v in self.eval_items(items).await? {
                        let h = hash_key(&v).ok_or_else(|| self.unhashable(&v))?;
                        d.insert(h, v, Value::None);
                    }
                    Ok(Value::Set(Rc::new(RefCell::new(d))))
                }
                ExprKind::Dict(items) => {
                    let mut d = Dict::new();
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                let k = self.eval(k).await?;
                                let v = self.eval(v).await?;
                                let h = hash_key(&k).ok_or_else(|| self.unhashable(&k))?;
                                d.insert(h, k, v);
                            }
                            None => match self.eval(v).await? {
                                Value::Dict(other) => {
                                    for (k, v) in other.borrow().items() {
                                        d.insert(hash_key(k).expect("dict keys hash"), k.clone(), v.clone());
                                    }
                                }
                                other => {
                                    return Err(
                                        self.type_err(format!("'{}' object is not a mapping", type_name(&other)))
                                    )
                                }
                            },
                        }
                    }
                    Ok(Value::Dict(Rc::new(RefCell::new(d))))
                }
                ExprKind::Starred(_) => Err(self.err("SyntaxError", "can't use starred expression here")),
                ExprKind::BinOp(a, op, b) => {
                    let a = self.eval(a).await?;
                    let b = self.eval(b).await?;
                    self.binop(&a, *op, &b)
                }
                ExprKind::Unary(op, a) => {
                    let v = self.eval(a).await?;
                    self.unary(*op, &v)
                }
                ExprKind::And(a, b) => {
                    let v = self.eval(a).await?;
                    if !self.is_true(&v)? {
                        return Ok(v);
                    }
                    self.eval(b).await
                }
                ExprKind::Or(a, b) => {
                    let v = self.eval(a).await?;
                    if self.is_true(&v)? {
                        return Ok(v);
                    }
                    self.eval(b).await
                }
                ExprKind::Compare(first, rest) => {
                    let mut left = self.eval(first).await?;
                    for (op, r) in rest {
                        let right = self.eval(r).await?;
                        if !self.compare(&left, *op, &right)? {
                            return Ok(Value::Bool(false));
                        }
                        left = right;
                    }
                    Ok(Value::Bool(true))
                }
                ExprKind::Call { func, args, kwargs } => {
                    let f = self.eval(func).await?;
                    let mut a = Args::default();
                    for arg in args {
                        if let ExprKind::Starred(inner) = &arg.kind {
                            let v = self.eval(inner).await?;
                            a.pos.extend(self.starred(&v, || format!("{} argument after *", function_str(&f)))?);
                        } else {
                            a.pos.push(self.eval(arg).await?);
                        }
                    }
                    for (k, v) in kwargs {
                        let v = self.eval(v).await?;
                        match k {
                            Some(k) => a.kw.push((k.as_str().into(), v)),
                            None => match v {
                                Value::Dict(d) => {
                                    for (k, v) in d.borrow().items() {
                                        a.kw.push((self.to_str(k)?.into(), v.clone()));
                                    }
                                }
                                other => {
                                    return Err(self.type_err(format!(
                                        "argument after ** must be a mapping, not {}",
                                        type_name(&other)
                                    )))
                                }
                            },
                        }
                    }
                    self.call(f, a).await
                }
                ExprKind::Attribute(obj, name) => {
                    let o = self.eval(obj).await?;
                    self.getattr(&o, name)
                }
                ExprKind::Subscript(obj, index) => {
                    let o = self.eval(obj).await?;
                    let i = self.eval(index).await?;
                    self.getitem(&o, &i).await
                }
                ExprKind::Slice(a, b, c) => {
                    let mut parts = Vec::new();
                    for p in [a, b, c] {
                        parts.push(match p {
                            Some(p) => self.eval(p).await?,
                            None => Value::None,
                        });
                    }
                    let c = parts.pop().unwrap_or(Value::None);
                    let b = parts.pop().unwrap_or(Value::None);
                    let a = parts.pop().unwrap_or(Value::None);
                    Ok(Value::Slice(Rc::new((a, b, c))))
                }
                ExprKind::IfExp(test, body, orelse) => {
                    if self.is_true(&self.eval(test).await?)? {
                        self.eval(body).await
                    } else {
                        self.eval(orelse).await
                    }
                }
                ExprKind::Lambda(def) => self.make_function(def, self.qualify("<lambda>")).await,
                ExprKind::Await(inner) => {
                    let v = self.eval(inner).await?;
                    self.await_value(v).await
                }
                ExprKind::Comp(c) => self.comprehension(c, (e.pos, e.end)).await,
                ExprKind::Walrus(name, value) => {
                    let v = self.eval(value).await?;
                    // In a comprehension, `:=` binds in the scope that contains it.
                    let mut scope = self.scope.clone();
                    while let (ScopeKind::Comp(_), Some(parent)) = (&scope.kind, scope.parent.clone()) {
                        scope = parent;
                    }
                    let target = Cx { scope, ..self.clone() };
                    target.set_name(name, v.clone());
                    Ok(v)
                }
                ExprKind::Yield(value) => {
                    let value = match value {
                        Some(v) => self.eval(v).await?,
                        None => Value::None,
                    };
                    self.yield_value(value).await
                }
            }
        }
    }

    /// The items of `*v`; CPython says what was not iterable as `what` "must be an iterable".
    fn starred(&self, v: &Value, what: impl FnOnce() -> String) -> Result<Vec<Value>, Ctrl> {
        match self.iterate(v) {
            Err(Ctrl::Exc(e)) if crate::format::str_of(&e) == format!("'{}' object is not iterable", type_name(v)) => {
                Err(self.type_err(format!("{} must be an iterable, not {}", what(), type_name(v))))
            }
            r => r,
        }
    }

    async fn eval_items(&self, items: &[Expr]) -> Result<Vec<Value>, Ctrl> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.eval(inner).await?;
                out.extend(self.starred(&v, || "Value after *".to_string())?);
            } else {
                out.push(self.eval(item).await?);
            }
        }
        Ok(out)
    }

    fn unary(&self, op: UnOp, v: &Value) -> Result<Value, Ctrl> {
        Ok(match (op, v) {
            (UnOp::Not, v) => Value::Bool(!self.is_true(v)?),
            (UnOp::Neg, Value::Int(i)) => {
                Value::Int(i.checked_neg().ok_or_else(|| self.err("OverflowError", "integer overflow"))?)
            }
            (UnOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i128)),
            (UnOp::Neg, Value::Float(f)) => Value::Float(-f),
            (UnOp::Pos, Value::Int(_) | Value::Float(_)) => v.clone(),
            (UnOp::Pos, Value::Bool(b)) => Value::Int(*b as i128),
            (UnOp::Invert, Value::Int(i)) => Value::Int(!i),
            (UnOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i128)),
            _ => {
                let sym = match op {
                    UnOp::Neg => "-",
                    UnOp::Pos => "+",
                    _ => "~",
                };
                return Err(self.type_err(format!("bad operand type for unary {sym}: '{}'", type_name(v))));
            }
        })
    }

    /// Looks a name up: locals, enclosing functions, globals, built-ins.
    pub fn lookup(&self, name: &str) -> Result<Value, Ctrl> {
        let mut s = &self.scope;
        let mut first = true;
        loop {
            match &s.kind {
                ScopeKind::Function(def) => {
                    if def.globals.contains(name) {
                        return self.global(name);
                    }
                    // (A name bound by `:=` is not among the locals found before the run.)
                    if let Some(v) = s.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    if def.locals.contains(name) && first {
                        return Err(self.err(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    if def.locals.contains(name) {
                        absent(self, s, name)?;
                    }
                }
                // A class body's names are seen from the body itself, not from the functions,
                // lambdas and comprehensions in it.
                ScopeKind::Class if !first => {}
                ScopeKind::Comp(_) | ScopeKind::Class => {
                    if let Some(v) = s.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                }
                ScopeKind::Module => return self.global(name),
            }
            first = false;
            match &s.parent {
                Some(p) => s = p,
                None => return self.global(name),
            }
        }
    }

    fn global(&self, name: &str) -> Result<Value, Ctrl> {
        if let Some(v) = self.interp.globals.vars.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.interp.builtins.borrow().get(name) {
            return Ok(v.clone());
        }
        absent(self, &self.interp.globals, name)?;
        let exc = self.exc("NameError", format!("name '{name}' is not defined"));
        super::suggest::name_error(self, &exc, name);
        Err(Ctrl::Exc(exc))
    }

    /// Binds a name in the current scope (or the globals, if declared `global`).
    pub fn set_name(&self, name: &str, v: Value) {
        if let ScopeKind::Function(def) = &self.scope.kind {
            if def.globals.contains(name) {
                self.interp.globals.vars.borrow_mut().insert(name.into(), v);
                return;
            }
            if def.nonlocals.contains(name) {
                let mut s = self.scope.parent.clone();
                while let Some(scope) = s {
                    if let ScopeKind::Function(outer) = &scope.kind {
                        if outer.locals.contains(name) {
                            let old = scope.vars.borrow_mut().insert(name.into(), v);
                            drop(old);
                            return;
                        }
                    }
                    s = scope.parent.clone();
                }
            }
        }
        let old = self.scope.vars.borrow_mut().insert(name.into(), v);
        drop(old);
    }

    /// Makes a function value from its definition (evaluating its defaults now).
    pub async fn make_function(&self, def: &Rc<FuncDef>, qualname: Rc<str>) -> Result<Value, Ctrl> {
        let mut defaults = Vec::new();
        for p in &def.params.args {
            defaults.push(match &p.default {
                Some(d) => Some(self.eval(d).await?),
                None => None,
            });
        }
        let mut kw_defaults = Vec::new();
        for p in &def.params.kwonly {
            kw_defaults.push(match &p.default {
                Some(d) => Some(self.eval(d).await?),
                None => None,
            });
        }
        let scope = match self.scope.kind {
            ScopeKind::Class => self.scope.parent.clone().unwrap_or_else(|| self.interp.globals.clone()),
            _ => self.scope.clone(),
        };
        Ok(Value::Func(Rc::new(Function { def: def.clone(), defaults, kw_defaults, scope, qualname })))
    }
}

/// In a pool's worker, a variable of the copy that could not be sent: the error says why.
fn absent(cx: &Cx, scope: &Scope, name: &str) -> Result<(), Ctrl> {
    match scope.vars.borrow().get(format!("\0absent:{name}").as_str()) {
        Some(why) => {
            Err(cx.err("NameError", format!("name '{name}' is not defined in this worker ({})", cx.to_str(why)?)))
        }
        None => Ok(()),
    }
}

/// CPython's `_PyObject_FunctionStr`: how an error names a callable (`__main__.f()`, `print()`).
fn function_str(f: &Value) -> String {
    match f {
        Value::Func(func) => format!("{}.{}()", crate::MAIN_MODULE, func.qualname),
        Value::Method(m) => function_str(&m.1),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Class(c) if c.module == "builtins" => format!("{}()", c.name),
        Value::Class(c) => format!("{}.{}()", c.module, c.name),
        other => format!("{} object", type_name(other)),
    }
}
