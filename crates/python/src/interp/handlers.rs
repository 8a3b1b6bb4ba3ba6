//! `try` / `except` / `except*` / `finally`, `raise`, and `with` / `async with`.

use super::exc::{exc_class, exc_matches, group_items, make_group};
use super::ops::truthy;
use super::{Ctrl, Cx};
use crate::ast::*;
use crate::value::{identity, Args, Value};
use std::rc::Rc;

impl Cx {
    pub(super) async fn try_stmt(
        &self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> Result<(), Ctrl> {
        let result = match self.exec_block(body).await {
            Ok(()) => self.exec_block(orelse).await,
            Err(Ctrl::Exc(e)) if star => {
                self.chain_context(&e);
                self.handle_star(e, handlers).await
            }
            Err(Ctrl::Exc(e)) => {
                // Raised while another exception is handled: CPython chains it as it is raised, so
                // the handler below already sees its `__context__`.
                self.chain_context(&e);
                let mut outcome = Err(Ctrl::Exc(e.clone()));
                for h in handlers {
                    let matched = match &h.typ {
                        None => true,
                        Some(t) => {
                            let t = self.eval(t).await?;
                            exc_matches(&e, &t)
                        }
                    };
                    if matched {
                        outcome = self.run_handler(h, e.clone()).await;
                        break;
                    }
                }
                outcome
            }
            Err(other) => Err(other),
        };
        if finalbody.is_empty() || matches!(result, Err(Ctrl::Fatal(_))) {
            return result;
        }
        // An exception passing through `finally` is the one being handled while it runs: what
        // `finally` raises has it as its `__context__`, as in CPython.
        let passing = match &result {
            Err(Ctrl::Exc(e)) => Some(e.clone()),
            _ => None,
        };
        if let Some(e) = &passing {
            self.handling.borrow_mut().push(e.clone());
        }
        let ran = self.exec_block(finalbody).await;
        if passing.is_some() {
            if let Err(Ctrl::Exc(raised)) = &ran {
                self.chain_context(raised);
            }
            self.handling.borrow_mut().pop();
        }
        ran?;
        result
    }

    pub(super) async fn run_handler(&self, h: &Handler, e: Value) -> Result<(), Ctrl> {
        if let Some(n) = &h.name {
            self.set_name(n, e.clone());
        }
        self.handling.borrow_mut().push(e.clone());
        let r = self.exec_block(&h.body).await;
        self.handling.borrow_mut().pop();
        if let Some(n) = &h.name {
            self.scope.vars.borrow_mut().remove(n.as_str());
        }
        if let Err(Ctrl::Exc(new)) = &r {
            self.context_of(new, e);
        }
        r
    }

    /// Sets `new.__context__` to `handled` unless it has one (or is `handled` itself).
    fn context_of(&self, new: &Value, handled: Value) {
        if let Value::Instance(i) = new {
            if crate::value::identity(new) != crate::value::identity(&handled) {
                i.attrs.borrow_mut().entry("__context__".into()).or_insert(handled);
            }
        }
    }

    /// Chains `e` to the exception this frame is handling, if any.
    fn chain_context(&self, e: &Value) {
        let handled = self.handling.borrow().last().cloned();
        if let Some(h) = handled {
            self.context_of(e, h);
        }
    }

    pub(super) async fn handle_star(&self, e: Value, handlers: &[Handler]) -> Result<(), Ctrl> {
        let naked = group_items(&e).is_none();
        // As CPython's `exception_group_match`: a naked exception that matches is wrapped in
        // a group of its own (of a tuple); a group that does not match as a whole is split.
        let wrap = |e: &Value| {
            let g = make_group(&self.interp.class("ExceptionGroup"), "", vec![e.clone()]);
            if let Value::Instance(i) = &g {
                let args = vec![Value::Str("".into()), Value::Tuple(Rc::new(vec![e.clone()]))];
                i.attrs.borrow_mut().insert("args".into(), Value::Tuple(Rc::new(args)));
            }
            g
        };
        let mut rest = Some(e.clone());
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for h in handlers {
            let Some(current) = rest.take() else { break };
            let t = match &h.typ {
                Some(t) => self.eval(t).await?,
                None => Value::None,
            };
            let (matched, left) = match naked {
                true if exc_matches(&current, &t) => (Some(wrap(&current)), None),
                true => (None, Some(current)),
                false => super::groups::split_group(&current, &t),
            };
            rest = left;
            if let Some(m) = matched {
                match self.run_handler(h, m.clone()).await {
                    Ok(()) => {}
                    // `raise` (or `raise e`) of the part the clause matched: a re-raise.
                    Err(Ctrl::Exc(x)) if !naked && identity(&x) == identity(&m) => reraised.push(x),
                    Err(Ctrl::Exc(x)) => raised.push(x),
                    Err(other) => return Err(other),
                }
            }
        }
        // As CPython's `_PyExc_PrepReraiseStar`: what the clauses raised comes first, then one
        // projection of the original group of what was re-raised or left unmatched.
        match rest {
            Some(_) if naked => raised.insert(0, e.clone()),
            Some(r) => reraised.push(r),
            None => {}
        }
        if !naked && !reraised.is_empty() {
            raised.extend(super::groups::project(&e, &reraised));
        }
        match raised.len() {
            0 => Ok(()),
            1 => Err(Ctrl::Exc(raised.remove(0))),
            _ => Err(Ctrl::Exc(make_group(&self.interp.class("ExceptionGroup"), "", raised))),
        }
    }

    pub(super) async fn raise(&self, exc: Option<&Expr>, cause: Option<&Expr>) -> Result<(), Ctrl> {
        let Some(exc) = exc else {
            let current = self.handling.borrow().last().cloned();
            return match current {
                Some(e) => Err(Ctrl::Exc(e)),
                None => Err(self.err("RuntimeError", "No active exception to reraise")),
            };
        };
        let v = self.eval(exc).await?;
        let e = self.to_exception(v).await?;
        if let Some(c) = cause {
            let c = self.eval(c).await?;
            let c = if matches!(c, Value::None) { c } else { self.to_exception(c).await? };
            if let Value::Instance(i) = &e {
                i.attrs.borrow_mut().insert("__cause__".into(), c);
                i.attrs.borrow_mut().insert("__suppress_context__".into(), Value::Bool(true));
            }
        }
        Err(Ctrl::Exc(e))
    }

    /// An exception instance from what `raise` was given (a class is instantiated).
    pub async fn to_exception(&self, v: Value) -> Result<Value, Ctrl> {
        match &v {
            Value::Class(c) if c.is_exception => self.call(v.clone(), Args::default()).await,
            _ if exc_class(&v).is_some() => Ok(v),
            _ => Err(self.type_err("exceptions must derive from BaseException")),
        }
    }

    /// `async for`'s asynchronous iterator of `it` (`GET_AITER`: a `TypeError` naming its type
    /// if it has no `__aiter__`).
    pub(super) async fn aiter_of(&self, it: &Value) -> Result<Value, Ctrl> {
        let method = self.getattr(it, "__aiter__").map_err(|e| match &e {
            Ctrl::Exc(x) if super::exc::is_instance_of(&self.interp, x, "AttributeError") => self.type_err(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                crate::format::type_name(it)
            )),
            _ => e,
        })?;
        self.call(method, Args::default()).await
    }

    pub(super) async fn with(&self, items: &[(Expr, Option<Expr>)], body: &[Stmt], is_async: bool) -> Result<(), Ctrl> {
        let Some(((ctx_expr, target), rest)) = items.split_first() else {
            return self.exec_block(body).await;
        };
        let mgr = self.eval(ctx_expr).await?;
        let (enter, exit) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
        // As `BEFORE_WITH` / `BEFORE_ASYNC_WITH`: both methods are looked up before either runs.
        let protocol = if is_async { "asynchronous context manager" } else { "context manager" };
        let refused = |e: Ctrl, missed: &str| match &e {
            Ctrl::Exc(x) if super::exc::is_instance_of(&self.interp, x, "AttributeError") => self.type_err(format!(
                "'{}' object does not support the {protocol} protocol{missed}",
                crate::format::type_name(&mgr)
            )),
            _ => e,
        };
        let enter_method = self.getattr(&mgr, enter).map_err(|e| refused(e, ""))?;
        let exit_method = self.getattr(&mgr, exit).map_err(|e| refused(e, &format!(" (missed {exit} method)")))?;
        let mut v = self.call(enter_method, Args::default()).await?;
        if is_async {
            v = self.await_value(v).await?;
        }
        if let Some(t) = target {
            self.assign(t, v).await?;
        }
        let result = Box::pin(self.with(rest, body, is_async)).await;
        let args = match &result {
            Err(Ctrl::Exc(e)) => {
                let class = exc_class(e).map(Value::Class).unwrap_or(Value::None);
                vec![class, e.clone(), Value::None]
            }
            Err(Ctrl::Fatal(_)) => return result,
            _ => vec![Value::None, Value::None, Value::None],
        };
        let exited = async {
            let suppress = self.call(exit_method, Args::of(args)).await?;
            if is_async {
                return self.await_value(suppress).await;
            }
            Ok(suppress)
        };
        let suppress = match (exited.await, &result) {
            // Raised while the body's exception is handled: chained to it.
            (Err(Ctrl::Exc(new)), Err(Ctrl::Exc(e))) => {
                self.context_of(&new, e.clone());
                return Err(Ctrl::Exc(new));
            }
            (r, _) => r?,
        };
        match result {
            Err(Ctrl::Exc(_)) if truthy(&suppress) => Ok(()),
            other => other,
        }
    }
}
