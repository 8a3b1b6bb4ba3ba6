//! The checker's walk of expressions: refused built-ins, methods and module members,
//! `await` where it may not be, and the compiler's warnings.

use super::{refuse, syntax, Checker, Ctx, R};
use crate::ast::*;
use crate::tables::{members, REFUSED_BUILTINS, REFUSED_METHODS};

/// Whether an expression contains an `await` (not looking into lambdas).
fn has_await(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Await(_) => true,
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => items.iter().any(has_await),
        ExprKind::Dict(items) => items.iter().any(|(k, v)| k.as_ref().is_some_and(has_await) || has_await(v)),
        ExprKind::Starred(a) | ExprKind::Unary(_, a) | ExprKind::Attribute(a, _) => has_await(a),
        ExprKind::BinOp(a, _, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) | ExprKind::Subscript(a, b) => {
            has_await(a) || has_await(b)
        }
        ExprKind::Compare(a, rest) => has_await(a) || rest.iter().any(|(_, r)| has_await(r)),
        ExprKind::Call { func, args, kwargs } => {
            has_await(func) || args.iter().any(has_await) || kwargs.iter().any(|(_, v)| has_await(v))
        }
        ExprKind::IfExp(a, b, c) => has_await(a) || has_await(b) || has_await(c),
        ExprKind::Walrus(_, v) => has_await(v),
        ExprKind::FString(parts) => parts.iter().any(|p| matches!(p, FPart::Expr { expr, .. } if has_await(expr))),
        ExprKind::Comp(c) => has_await(&c.elt) || c.gens.iter().any(|g| has_await(&g.iter)),
        _ => false,
    }
}

impl Checker {
    pub(super) fn expr(&mut self, e: &Expr, ctx: Ctx) -> R {
        let pos = e.pos;
        match &e.kind {
            ExprKind::Name(n) => {
                if REFUSED_BUILTINS.contains(&n.as_ref()) {
                    return Err(refuse(format!("'{n}()'"), pos));
                }
                Ok(())
            }
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::None => Ok(()),
            ExprKind::Bool(_) | ExprKind::Ellipsis => Ok(()),
            ExprKind::FString(parts) => self.fparts(parts, ctx),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|i| self.expr(i, ctx))
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    k.iter().try_for_each(|k| self.expr(k, ctx))?;
                    self.expr(v, ctx)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) | ExprKind::Unary(_, inner) => self.expr(inner, ctx),
            ExprKind::BinOp(a, _, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a, ctx)?;
                self.expr(b, ctx)
            }
            ExprKind::Compare(a, rest) => {
                if let Some(w) = crate::syntaxwarn::compare(a, rest) {
                    self.warn(pos, w);
                }
                self.expr(a, ctx)?;
                rest.iter().try_for_each(|(_, r)| self.expr(r, ctx))
            }
            ExprKind::Call { func, args, kwargs } => {
                if let Some(w) = crate::syntaxwarn::call(func) {
                    self.warn(pos, w);
                }
                if let ExprKind::Attribute(_, name) = &func.kind {
                    if REFUSED_METHODS.contains(&name.as_ref()) && !self.defined.contains(name.as_ref()) {
                        return Err(refuse(format!("the method '.{name}()'"), func.pos));
                    }
                }
                self.expr(func, ctx)?;
                args.iter().try_for_each(|a| self.expr(a, ctx))?;
                kwargs.iter().try_for_each(|(_, v)| self.expr(v, ctx))
            }
            ExprKind::Attribute(obj, name) => {
                if let ExprKind::Name(base) = &obj.kind {
                    if let Some(module) = self.modules.get(base.as_ref()) {
                        let allowed = members(module).unwrap_or(&[]);
                        if !allowed.contains(&name.as_ref()) {
                            let shown = if module == base.as_ref() { module.clone() } else { base.to_string() };
                            return Err(refuse(format!("'{shown}.{name}'"), pos));
                        }
                        return Ok(());
                    }
                }
                if let ExprKind::Attribute(inner, sub) = &obj.kind {
                    if let ExprKind::Name(base) = &inner.kind {
                        if self.modules.get(base.as_ref()).is_some_and(|m| m == "concurrent")
                            && sub.as_ref() == "futures"
                        {
                            let allowed = members("concurrent.futures").unwrap_or(&[]);
                            if !allowed.contains(&name.as_ref()) {
                                return Err(refuse(format!("'concurrent.futures.{name}'"), pos));
                            }
                            return Ok(());
                        }
                    }
                }
                self.expr(obj, ctx)
            }
            ExprKind::Subscript(a, b) => {
                for w in crate::syntaxwarn::subscript(a, b) {
                    self.warn(pos, w);
                }
                self.expr(a, ctx)?;
                self.expr(b, ctx)
            }
            ExprKind::Slice(a, b, c) => [a, b, c].into_iter().flatten().try_for_each(|x| self.expr(x, ctx)),
            ExprKind::IfExp(a, b, c) => {
                self.expr(a, ctx)?;
                self.expr(b, ctx)?;
                self.expr(c, ctx)
            }
            ExprKind::Lambda(f) => self.func(f, Ctx { in_loop: false, ..ctx }),
            ExprKind::Await(inner) => {
                if !ctx.in_func {
                    return Err(syntax("'await' outside function", pos));
                }
                if !ctx.in_async {
                    return Err(syntax("'await' outside async function", pos));
                }
                self.expr(inner, ctx)
            }
            ExprKind::Comp(c) => {
                let Comprehension { kind, elt, value, gens } = &**c;
                if *kind == CompKind::Gen && (has_await(elt) || gens.iter().any(|g| g.ifs.iter().any(has_await))) {
                    return Err(refuse(
                        "an asynchronous generator expression ('await' in a generator expression)",
                        pos,
                    ));
                }
                for g in gens {
                    if g.is_async && *kind == CompKind::Gen {
                        return Err(refuse(
                            "an asynchronous generator expression ('async for' in a generator expression)",
                            g.pos,
                        ));
                    }
                    if g.is_async && !ctx.in_async {
                        return Err(syntax("asynchronous comprehension outside of an asynchronous function", pos));
                    }
                    self.expr(&g.target, ctx)?;
                    self.expr(&g.iter, ctx)?;
                    g.ifs.iter().try_for_each(|i| self.expr(i, ctx))?;
                }
                self.expr(elt, ctx)?;
                value.iter().try_for_each(|v| self.expr(v, ctx))
            }
            ExprKind::Yield(value) => {
                if !ctx.in_func {
                    return Err(syntax("'yield' outside function", pos));
                }
                value.iter().try_for_each(|v| self.expr(v, ctx))
            }
            ExprKind::Walrus(_, value) => self.expr(value, ctx),
        }
    }

    fn fparts(&mut self, parts: &[FPart], ctx: Ctx) -> R {
        for p in parts {
            if let FPart::Expr { expr, spec, .. } = p {
                self.expr(expr, ctx)?;
                self.fparts(spec, ctx)?;
            }
        }
        Ok(())
    }
}
