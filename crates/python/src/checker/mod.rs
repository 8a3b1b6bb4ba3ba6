//! The checker: refuses, before anything runs, every construct outside the playground's
//! language, and reports the compile-time syntax errors CPython finds after parsing
//! (`'await' outside async function`, `'return' outside function`, ...).

use crate::ast::*;
use crate::error::{CheckError, Refusal, SyntaxError};
use crate::lexer::Pos;
use std::collections::HashMap;

pub use crate::tables::MODULES;
use crate::tables::{collect_defined, members, DUNDERS};

#[derive(Clone, Copy, Default)]
struct Ctx {
    in_func: bool,
    in_async: bool,
    /// In an `async def` that yields: an asynchronous generator, whose `return` takes no value.
    in_async_gen: bool,
    in_loop: bool,
}

struct Checker {
    /// Module names bound at some scope, to the module they name.
    modules: HashMap<String, String>,
    /// Names the program defines as functions, methods or attributes.
    defined: std::collections::HashSet<String>,
    /// The compiler's `SyntaxWarning`s, in the order CPython writes them.
    warnings: Vec<Warning>,
}

/// A `SyntaxWarning` CPython writes before the program runs: its line and message.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// The line it is about.
    pub line: usize,
    /// What it says.
    pub message: String,
}

type R = Result<(), CheckError>;

mod expr;

fn refuse(construct: impl Into<String>, pos: Pos) -> CheckError {
    CheckError::Refused(Refusal { construct: construct.into(), line: pos.line, col: pos.col })
}

fn syntax(msg: &str, pos: Pos) -> CheckError {
    CheckError::Syntax(SyntaxError::new(msg, pos))
}

/// Checks a parsed program; what passes may still draw the compiler's warnings.
pub fn check_program(body: &Block) -> Result<Vec<Warning>, CheckError> {
    let mut defined = std::collections::HashSet::new();
    collect_defined(body, &mut defined);
    let mut c = Checker { modules: HashMap::new(), defined, warnings: Vec::new() };
    c.block(body, Ctx::default())?;
    Ok(c.warnings)
}

impl Checker {
    /// Notes a warning once per line and message, as the `warnings` module's default filter shows it.
    fn warn(&mut self, pos: Pos, message: String) {
        let w = Warning { line: pos.line, message };
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    /// An assignment's or `del`'s target: a subscript there is stored to, not read (no warning).
    fn target(&mut self, t: &Expr, ctx: Ctx) -> R {
        match &t.kind {
            ExprKind::Subscript(a, b) => {
                self.expr(a, ctx)?;
                self.expr(b, ctx)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|i| self.target(i, ctx)),
            ExprKind::Starred(inner) => self.target(inner, ctx),
            _ => self.expr(t, ctx),
        }
    }

    fn block(&mut self, body: &Block, ctx: Ctx) -> R {
        body.iter().try_for_each(|s| self.stmt(s, ctx))
    }

    fn stmt(&mut self, s: &Stmt, ctx: Ctx) -> R {
        let pos = s.pos;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.target(t, ctx))?;
                self.expr(value, ctx)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target, ctx)?;
                self.expr(value, ctx)
            }
            StmtKind::AnnAssign { target, value } => {
                self.target(target, ctx)?;
                value.iter().try_for_each(|v| self.expr(v, ctx))
            }
            StmtKind::Import(names) => {
                for a in names {
                    if members(&a.name).is_none() {
                        return Err(refuse(format!("the module '{}'", a.name), a.pos));
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").into());
                    let module = if a.asname.is_some() { a.name.clone() } else { bound.clone() };
                    self.modules.insert(bound, module);
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names, star } => {
                let Some(allowed) = members(module) else {
                    return Err(refuse(format!("the module '{module}'"), pos));
                };
                if *star {
                    return Err(refuse(format!("'from {module} import *'"), pos));
                }
                for a in names {
                    if !allowed.contains(&a.name.as_str()) {
                        return Err(refuse(format!("'{module}.{}'", a.name), a.pos));
                    }
                    if module == "concurrent" {
                        self.modules.insert(a.asname.clone().unwrap_or(a.name.clone()), "concurrent.futures".into());
                    }
                }
                Ok(())
            }
            StmtKind::FuncDef(f) => self.func(f, ctx),
            StmtKind::ClassDef(c) => {
                if let Some(d) = c.decorators.first() {
                    return Err(refuse("a class decorator", d.pos));
                }
                if let Some((k, e)) = c.keywords.first() {
                    let what =
                        if k == "metaclass" { "a metaclass".to_string() } else { format!("the class keyword '{k}'") };
                    return Err(refuse(what, e.pos));
                }
                c.bases.iter().try_for_each(|b| self.expr(b, ctx))?;
                for st in &c.body {
                    if let StmtKind::FuncDef(f) = &st.kind {
                        if f.name.starts_with("__") && f.name.ends_with("__") && !DUNDERS.contains(&f.name.as_str()) {
                            return Err(refuse(format!("the special method '{}'", f.name), st.pos));
                        }
                    }
                }
                let class_ctx = Ctx { in_loop: false, ..ctx };
                self.block(&c.body, class_ctx)
            }
            StmtKind::Return(v) => {
                if !ctx.in_func {
                    return Err(syntax("'return' outside function", pos));
                }
                if v.is_some() && ctx.in_async_gen {
                    return Err(syntax("'return' with value in async generator", pos));
                }
                v.iter().try_for_each(|v| self.expr(v, ctx))
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(body, ctx)?;
                self.block(orelse, ctx)
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async && !ctx.in_async {
                    return Err(syntax("'async for' outside async function", pos));
                }
                self.target(target, ctx)?;
                self.expr(iter, ctx)?;
                self.block(body, Ctx { in_loop: true, ..ctx })?;
                self.block(orelse, ctx)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(body, Ctx { in_loop: true, ..ctx })?;
                self.block(orelse, ctx)
            }
            StmtKind::Break if !ctx.in_loop => Err(syntax("'break' outside loop", pos)),
            StmtKind::Continue if !ctx.in_loop => Err(syntax("'continue' not properly in loop", pos)),
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Global(_) => Ok(()),
            StmtKind::Nonlocal(_) if !ctx.in_func => {
                Err(syntax("nonlocal declaration not allowed at module level", pos))
            }
            StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.block(body, ctx)?;
                for h in handlers {
                    h.typ.iter().try_for_each(|t| self.expr(t, ctx))?;
                    self.block(&h.body, ctx)?;
                }
                self.block(orelse, ctx)?;
                self.block(finalbody, ctx)
            }
            StmtKind::Raise { exc, cause } => exc.iter().chain(cause.iter()).try_for_each(|e| self.expr(e, ctx)),
            StmtKind::With { items, body, is_async } => {
                if *is_async && !ctx.in_async {
                    return Err(syntax("'async with' outside async function", pos));
                }
                for (e, t) in items {
                    self.expr(e, ctx)?;
                    t.iter().try_for_each(|t| self.target(t, ctx))?;
                }
                self.block(body, ctx)
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t, ctx)),
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx)?;
                msg.iter().try_for_each(|m| self.expr(m, ctx))
            }
        }
    }

    fn func(&mut self, f: &FuncDef, ctx: Ctx) -> R {
        for d in &f.decorators {
            if let ExprKind::Attribute(_, attr) = &d.kind {
                if matches!(attr.as_ref(), "deleter" | "getter") {
                    return Err(refuse(format!("the property decorator '.{attr}'"), d.pos));
                }
            }
            self.expr(d, ctx)?;
        }
        for p in f.params.args.iter().chain(f.params.kwonly.iter()) {
            p.default.iter().try_for_each(|d| self.expr(d, ctx))?;
        }
        let inner = Ctx { in_func: true, in_async: f.is_async, in_async_gen: f.is_async && f.is_gen, in_loop: false };
        self.block(&f.body, inner)
    }
}
