//! Which names a function's body binds: its locals, and those it declares `nonlocal`.

use crate::ast::{Block, Expr, ExprKind, StmtKind};
use std::collections::HashSet;

/// Names in the order they are first bound, each once: a function's locals in the order
/// CPython numbers them (and frees them when the frame ends).
#[derive(Debug, Default, Clone)]
pub struct Names(Vec<String>);

impl Names {
    /// Adds `name` unless it is there.
    pub fn insert(&mut self, name: String) {
        if !self.0.contains(&name) {
            self.0.push(name);
        }
    }

    /// Leaves `name` out.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|n| n != name);
    }

    /// The names, in order.
    pub fn into_vec(self) -> Vec<String> {
        self.0
    }
}

/// Collects the names a function body assigns (its locals), not looking into nested scopes.
pub fn assigned_names(block: &Block, out: &mut Names, globals: &mut HashSet<String>) {
    for stmt in block {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| target_names(t, out)),
            StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. } => target_names(target, out),
            StmtKind::Import(names) => {
                for a in names {
                    let first = a.name.split('.').next().unwrap_or_default();
                    out.insert(a.asname.clone().unwrap_or_else(|| first.to_string()));
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    out.insert(a.asname.clone().unwrap_or_else(|| a.name.clone()));
                }
            }
            StmtKind::FuncDef(f) => {
                out.insert(f.name.clone());
            }
            StmtKind::ClassDef(c) => {
                out.insert(c.name.clone());
            }
            StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                assigned_names(body, out, globals);
                assigned_names(orelse, out, globals);
            }
            StmtKind::For { target, body, orelse, .. } => {
                target_names(target, out);
                assigned_names(body, out, globals);
                assigned_names(orelse, out, globals);
            }
            StmtKind::Global(names) => globals.extend(names.iter().cloned()),
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                assigned_names(body, out, globals);
                for h in handlers {
                    if let Some(n) = &h.name {
                        out.insert(n.clone());
                    }
                    assigned_names(&h.body, out, globals);
                }
                assigned_names(orelse, out, globals);
                assigned_names(finalbody, out, globals);
            }
            StmtKind::With { items, body, .. } => {
                for (_, t) in items {
                    if let Some(t) = t {
                        target_names(t, out);
                    }
                }
                assigned_names(body, out, globals);
            }
            StmtKind::Delete(targets) => targets.iter().for_each(|t| target_names(t, out)),
            _ => {}
        }
    }
}

/// The names a function body declares `nonlocal` (not looking into nested scopes).
pub fn nonlocal_names(block: &Block, out: &mut HashSet<String>) {
    for stmt in block {
        match &stmt.kind {
            StmtKind::Nonlocal(names) => out.extend(names.iter().cloned()),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                nonlocal_names(body, out);
                nonlocal_names(orelse, out);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                nonlocal_names(body, out);
                handlers.iter().for_each(|h| nonlocal_names(&h.body, out));
                nonlocal_names(orelse, out);
                nonlocal_names(finalbody, out);
            }
            StmtKind::With { body, .. } => nonlocal_names(body, out),
            _ => {}
        }
    }
}

/// The names an assignment target binds.
pub fn target_names(target: &Expr, out: &mut Names) {
    match &target.kind {
        ExprKind::Name(n) => {
            out.insert(n.to_string());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|t| target_names(t, out)),
        ExprKind::Starred(inner) => target_names(inner, out),
        _ => {}
    }
}
