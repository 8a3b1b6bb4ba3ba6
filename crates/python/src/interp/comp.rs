//! f-strings, comprehensions, and assignment to targets.

use super::eval::Fut;
use super::lazy::{generator, GenState, Lazy};
use super::{Ctrl, Cx, ScopeKind};
use crate::ast::*;
use crate::format::format_value;
use crate::value::{hash_key, Dict, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

impl Cx {
    pub(super) async fn fstring(&self, parts: &[FPart]) -> Result<String, Ctrl> {
        let mut out = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Expr { expr, conv, spec, debug } => {
                    let v = self.eval(expr).await?;
                    let spec = Box::pin(self.fstring(spec)).await?;
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let conv = conv.or(if debug.is_some() && spec.is_empty() { Some('r') } else { None });
                    let text = match conv {
                        Some('r') => Value::Str(self.to_repr(&v)?.into()),
                        Some('a') => Value::Str(crate::escapes::ascii(&self.to_repr(&v)?).into()),
                        Some(_) => Value::Str(self.to_str(&v)?.into()),
                        None => v,
                    };
                    let s = self.to_str(&text)?;
                    out.push_str(&format_value(&text, &spec, &s).map_err(|e| e.raise(self))?);
                }
            }
        }
        Ok(out)
    }

    /// A comprehension's value (`span`: where it is, which its frame's traceback entry marks
    /// when taking an item fails there, as CPython's).
    pub(super) async fn comprehension(
        &self,
        c: &Rc<Comprehension>,
        span: (crate::lexer::Pos, crate::lexer::Pos),
    ) -> Result<Value, Ctrl> {
        let (kind, elt, value, gens) = (c.kind, &c.elt, c.value.as_ref(), &c.gens);
        let mut names = crate::scope::Names::default();
        for g in gens {
            target_names(&g.target, &mut names);
        }
        let names = names.into_vec().into_iter().collect();
        let func = self.qualify(match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        });
        let scope = super::Scope::new(Some(self.scope.clone()), ScopeKind::Comp(names));
        let inner = Cx { scope, func: func.clone(), ..self.clone() };
        let first = self.eval(&gens[0].iter).await?;
        if kind == CompKind::Gen && gens.len() == 1 {
            // A generator expression: its items are made as they are asked for.
            let source = self.cursor(&first)?;
            return Ok(generator(Lazy::Gen(GenState { cx: inner, comp: c.clone(), source, span }), func));
        }
        let mut out = Vec::new();
        // The comprehension is a frame of its own in a traceback, as CPython's function for it.
        let made = inner.comp_level(gens, 0, Some(first), elt, value, &mut out).await;
        if let Err(Ctrl::Exc(exc)) = &made {
            // What failed is the expression noted there, or else the taking of an item.
            inner.note_failure_at(exc, span);
            inner.note_frame(exc, elt.pos.line);
        }
        made?;
        Ok(match kind {
            CompKind::List => list(out),
            CompKind::Gen => self.make_iter(&list(out))?,
            CompKind::Set => {
                let mut d = Dict::new();
                for v in out {
                    d.insert(hash_key(&v).ok_or_else(|| self.unhashable(&v))?, v, Value::None);
                }
                Value::Set(Rc::new(RefCell::new(d)))
            }
            CompKind::Dict => {
                let mut d = Dict::new();
                for pair in out {
                    if let Value::Tuple(kv) = pair {
                        let h = hash_key(&kv[0]).ok_or_else(|| self.unhashable(&kv[0]))?;
                        d.insert(h, kv[0].clone(), kv[1].clone());
                    }
                }
                Value::Dict(Rc::new(RefCell::new(d)))
            }
        })
    }

    pub(super) fn comp_level<'a>(
        &'a self,
        gens: &'a [CompFor],
        k: usize,
        first: Option<Value>,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        out: &'a mut Vec<Value>,
    ) -> Fut<'a, ()> {
        Box::pin(async move {
            let g = &gens[k];
            let iterable = match first {
                Some(v) => v,
                None => self.eval(&g.iter).await?,
            };
            // `async for` takes its items from an asynchronous iterator, awaiting each.
            let (mut items, aiter) = match g.is_async {
                false => (Some(self.cursor(&iterable)?), None),
                true => (None, Some(self.aiter_of(&iterable).await?)),
            };
            'items: loop {
                let item = match (&mut items, &aiter) {
                    (Some(items), _) => match items.pull()? {
                        Some(item) => item,
                        None => break,
                    },
                    (None, Some(aiter)) => match self.anext_of(aiter).await? {
                        Some(item) => item,
                        None => break,
                    },
                    (None, None) => break,
                };
                self.assign(&g.target, item).await?;
                for cond in &g.ifs {
                    if !self.is_true(&self.eval(cond).await?)? {
                        continue 'items;
                    }
                }
                if k + 1 < gens.len() {
                    self.comp_level(gens, k + 1, None, elt, value, out).await?;
                } else {
                    let v = self.eval(elt).await?;
                    match value {
                        Some(val) => {
                            let w = self.eval(val).await?;
                            out.push(Value::Tuple(Rc::new(vec![v, w])));
                        }
                        None => out.push(v),
                    }
                }
            }
            Ok(())
        })
    }

    /// Assigns a value to a target (a name, attribute, subscript, or an unpacking).
    pub fn assign<'a>(&'a self, target: &'a Expr, v: Value) -> Fut<'a, ()> {
        Box::pin(async move {
            let done = self.store(target, v).await;
            if let Err(Ctrl::Exc(exc)) = &done {
                self.note_failure(exc, target);
            }
            done
        })
    }

    async fn store(&self, target: &Expr, v: Value) -> Result<(), Ctrl> {
        {
            match &target.kind {
                ExprKind::Name(n) => {
                    self.set_name(n, v);
                    Ok(())
                }
                ExprKind::Attribute(obj, name) => {
                    let o = self.eval(obj).await?;
                    self.setattr(&o, name, v)
                }
                ExprKind::Subscript(obj, index) => {
                    let o = self.eval(obj).await?;
                    let i = self.eval(index).await?;
                    self.setitem(&o, &i, v)
                }
                ExprKind::Tuple(targets) | ExprKind::List(targets) => {
                    let star = targets.iter().position(|t| matches!(t.kind, ExprKind::Starred(_)));
                    if matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None) {
                        let msg = format!("cannot unpack non-iterable {} object", crate::format::type_name(&v));
                        return Err(self.type_err(msg));
                    }
                    let items = match star {
                        // As CPython unpacks an iterator: one item more than the targets at most.
                        None => {
                            let (mut from, mut items) = (self.cursor(&v)?, Vec::new());
                            while items.len() <= targets.len() {
                                let Some(item) = from.pull()? else { break };
                                items.push(item);
                            }
                            items
                        }
                        Some(_) => self.iterate(&v)?,
                    };
                    match star {
                        None => {
                            if items.len() != targets.len() {
                                let msg = if items.len() > targets.len() {
                                    format!("too many values to unpack (expected {})", targets.len())
                                } else {
                                    format!(
                                        "not enough values to unpack (expected {}, got {})",
                                        targets.len(),
                                        items.len()
                                    )
                                };
                                return Err(self.err("ValueError", msg));
                            }
                            for (t, item) in targets.iter().zip(items) {
                                self.assign(t, item).await?;
                            }
                        }
                        Some(s) => {
                            let after = targets.len() - s - 1;
                            if items.len() < s + after {
                                return Err(self.err(
                                    "ValueError",
                                    format!(
                                        "not enough values to unpack (expected at least {}, got {})",
                                        s + after,
                                        items.len()
                                    ),
                                ));
                            }
                            for (t, item) in targets[..s].iter().zip(items.iter()) {
                                self.assign(t, item.clone()).await?;
                            }
                            let middle = items[s..items.len() - after].to_vec();
                            if let ExprKind::Starred(inner) = &targets[s].kind {
                                self.assign(inner, list(middle)).await?;
                            }
                            for (t, item) in targets[s + 1..].iter().zip(items[items.len() - after..].iter()) {
                                self.assign(t, item.clone()).await?;
                            }
                        }
                    }
                    Ok(())
                }
                _ => Err(self.err("SyntaxError", "cannot assign to this expression")),
            }
        }
    }
}
