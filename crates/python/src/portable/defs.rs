//! The program's functions (`def`, `async def`, `lambda`) by the position where they start:
//! how a function is named on the wire (both sides parse the same source).

use crate::ast::{Block, Expr, ExprKind, FPart, FuncDef, Params, StmtKind};
use std::collections::HashMap;
use std::rc::Rc;

/// Functions by (line, column).
pub type Defs = HashMap<(usize, usize), Rc<FuncDef>>;

/// Every function of a program.
pub fn collect(body: &Block) -> Defs {
    let mut out = Defs::new();
    block(body, &mut out);
    out
}

fn func(f: &Rc<FuncDef>, out: &mut Defs) {
    out.insert((f.pos.line, f.pos.col), f.clone());
    exprs(&f.decorators, out);
    params(&f.params, out);
    block(&f.body, out);
}

fn params(p: &Params, out: &mut Defs) {
    for a in p.args.iter().chain(&p.kwonly) {
        if let Some(d) = &a.default {
            expr(d, out);
        }
    }
}

fn block(b: &Block, out: &mut Defs) {
    for s in b {
        match &s.kind {
            StmtKind::Expr(e) => expr(e, out),
            StmtKind::Assign { targets, value } => {
                exprs(targets, out);
                expr(value, out);
            }
            StmtKind::AugAssign { target, value, .. } => {
                expr(target, out);
                expr(value, out);
            }
            StmtKind::AnnAssign { target, value } => {
                expr(target, out);
                opt(value.as_ref(), out);
            }
            StmtKind::FuncDef(f) => func(f, out),
            StmtKind::ClassDef(c) => {
                exprs(&c.bases, out);
                c.keywords.iter().for_each(|(_, e)| expr(e, out));
                exprs(&c.decorators, out);
                block(&c.body, out);
            }
            StmtKind::Return(e) => opt(e.as_ref(), out),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                expr(test, out);
                block(body, out);
                block(orelse, out);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                expr(target, out);
                expr(iter, out);
                block(body, out);
                block(orelse, out);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                block(body, out);
                for h in handlers {
                    opt(h.typ.as_ref(), out);
                    block(&h.body, out);
                }
                block(orelse, out);
                block(finalbody, out);
            }
            StmtKind::Raise { exc, cause } => {
                opt(exc.as_ref(), out);
                opt(cause.as_ref(), out);
            }
            StmtKind::With { items, body, .. } => {
                for (e, target) in items {
                    expr(e, out);
                    opt(target.as_ref(), out);
                }
                block(body, out);
            }
            StmtKind::Delete(targets) => exprs(targets, out),
            StmtKind::Assert { test, msg } => {
                expr(test, out);
                opt(msg.as_ref(), out);
            }
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Pass
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_) => {}
        }
    }
}

fn opt(e: Option<&Expr>, out: &mut Defs) {
    if let Some(e) = e {
        expr(e, out);
    }
}

fn exprs(items: &[Expr], out: &mut Defs) {
    items.iter().for_each(|e| expr(e, out));
}

fn fparts(parts: &[FPart], out: &mut Defs) {
    for p in parts {
        if let FPart::Expr { expr: e, spec, .. } = p {
            expr(e, out);
            fparts(spec, out);
        }
    }
}

fn expr(e: &Expr, out: &mut Defs) {
    match &e.kind {
        ExprKind::Lambda(f) => func(f, out),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => exprs(items, out),
        ExprKind::Dict(items) => items.iter().for_each(|(k, v)| {
            opt(k.as_ref(), out);
            expr(v, out);
        }),
        ExprKind::FString(parts) => fparts(parts, out),
        ExprKind::Starred(a) | ExprKind::Unary(_, a) | ExprKind::Attribute(a, _) | ExprKind::Await(a) => expr(a, out),
        ExprKind::Walrus(_, a) => expr(a, out),
        ExprKind::BinOp(a, _, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) | ExprKind::Subscript(a, b) => {
            expr(a, out);
            expr(b, out);
        }
        ExprKind::Compare(a, rest) => {
            expr(a, out);
            rest.iter().for_each(|(_, r)| expr(r, out));
        }
        ExprKind::Call { func: f, args, kwargs } => {
            expr(f, out);
            exprs(args, out);
            kwargs.iter().for_each(|(_, v)| expr(v, out));
        }
        ExprKind::Slice(a, b, c) => [a, b, c].into_iter().for_each(|x| opt(x.as_deref(), out)),
        ExprKind::IfExp(a, b, c) => {
            expr(a, out);
            expr(b, out);
            expr(c, out);
        }
        ExprKind::Comp(c) => {
            expr(&c.elt, out);
            opt(c.value.as_ref(), out);
            for g in &c.gens {
                expr(&g.target, out);
                expr(&g.iter, out);
                exprs(&g.ifs, out);
            }
        }
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::None
        | ExprKind::Bool(_)
        | ExprKind::Ellipsis
        | ExprKind::Yield(None) => {}
        ExprKind::Yield(Some(v)) => expr(v, out),
    }
}
