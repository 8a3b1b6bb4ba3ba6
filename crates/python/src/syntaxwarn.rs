//! The `SyntaxWarning`s CPython 3.11's compiler writes before a program runs (`compile.c`'s
//! `check_compare`, `check_caller`, `check_subscripter` and `check_index`): `is` with a
//! literal, and calling or subscripting a literal ("perhaps you missed a comma?").

use crate::ast::*;

/// The type CPython's `infer_type` gives a literal or display, if it gives one.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Dict(_) => "dict",
        ExprKind::Set(_) => "set",
        ExprKind::Comp(c) => match c.kind {
            CompKind::List => "list",
            CompKind::Set => "set",
            CompKind::Dict => "dict",
            CompKind::Gen => "generator",
        },
        ExprKind::Lambda(_) => "function",
        ExprKind::FString(_) => "str",
        _ => return constant_type(e),
    })
}

/// The type of a constant after CPython's constant folding (`-1` and `(1, 2)` are constants).
fn constant_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Int(_) => "int",
        ExprKind::Float(_) => "float",
        ExprKind::Str(_) => "str",
        ExprKind::Bool(_) => "bool",
        ExprKind::None => "NoneType",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Unary(UnOp::Neg | UnOp::Pos | UnOp::Invert, inner) => match constant_type(inner)? {
            "bool" => "int",
            t @ ("int" | "float") => t,
            _ => return None,
        },
        ExprKind::Tuple(items) if items.iter().all(|i| constant_type(i).is_some()) => "tuple",
        _ => return None,
    })
}

/// Whether `e` is a constant once CPython has folded it (`3`, `-1`, `"s"`, `(1, 2)`).
pub fn is_constant(e: &Expr) -> bool {
    constant_type(e).is_some()
}

/// Whether `is` with `e` is fine: not a constant, or a named singleton.
fn is_arg_ok(e: &Expr) -> bool {
    matches!(constant_type(e), None | Some("NoneType" | "bool" | "ellipsis"))
}

/// `a is 0`, `x is not "s"`: CPython's warning, at the first such operator.
pub fn compare(left: &Expr, rest: &[(CmpOp, Expr)]) -> Option<String> {
    let mut left_ok = is_arg_ok(left);
    for (op, right) in rest {
        let right_ok = is_arg_ok(right);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
            return Some(match op {
                CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?".into(),
                _ => "\"is not\" with a literal. Did you mean \"!=\"?".into(),
            });
        }
        left_ok = right_ok;
    }
    None
}

/// `(1, 2)(3, 4)`: calling a literal.
pub fn call(func: &Expr) -> Option<String> {
    let t = match &func.kind {
        ExprKind::Lambda(_) => return None,
        _ => infer_type(func)?,
    };
    Some(format!("'{t}' object is not callable; perhaps you missed a comma?"))
}

/// `[1, 2][3, 4]`, `{1, 2}[0]`: subscripting a literal that cannot be, or with an index it
/// cannot take. Both warnings may apply.
pub fn subscript(value: &Expr, index: &Expr) -> Vec<String> {
    let mut out = Vec::new();
    let not_subscriptable = match &value.kind {
        ExprKind::Set(_) | ExprKind::Lambda(_) => true,
        ExprKind::Comp(c) => matches!(c.kind, CompKind::Set | CompKind::Gen),
        _ => matches!(constant_type(value), Some("int" | "float" | "bool" | "NoneType" | "ellipsis")),
    };
    if not_subscriptable {
        if let Some(t) = infer_type(value) {
            out.push(format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
        }
    }
    let index_type = match &index.kind {
        ExprKind::Slice(..) => None,
        _ => infer_type(index).filter(|t| !matches!(*t, "int" | "bool")),
    };
    let takes_no_such_index = match &value.kind {
        ExprKind::Tuple(_) | ExprKind::List(_) | ExprKind::FString(_) => true,
        ExprKind::Comp(c) => matches!(c.kind, CompKind::List),
        _ => matches!(constant_type(value), Some("str" | "tuple")),
    };
    if let (Some(it), true) = (index_type, takes_no_such_index) {
        if let Some(t) = infer_type(value) {
            out.push(format!("{t} indices must be integers or slices, not {it}; perhaps you missed a comma?"));
        }
    }
    out
}
