//! Simple statements: expressions, assignments, `return`, `import`, `raise`, ... and the
//! checks of assignment targets.

use super::Parser;
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::{Pos, Tok};

const AUG_OPS: [(&str, BinOp); 12] = [
    ("+=", BinOp::Add),
    ("-=", BinOp::Sub),
    ("*=", BinOp::Mul),
    ("/=", BinOp::Div),
    ("//=", BinOp::FloorDiv),
    ("%=", BinOp::Mod),
    ("**=", BinOp::Pow),
    ("<<=", BinOp::LShift),
    (">>=", BinOp::RShift),
    ("&=", BinOp::BitAnd),
    ("|=", BinOp::BitOr),
    ("^=", BinOp::BitXor),
];

/// What an expression is called in CPython's "cannot assign to ..." messages.
fn describe(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => return None,
        ExprKind::Call { .. } => "function call",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::None => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::BinOp(..) | ExprKind::Unary(..) => "expression",
        ExprKind::And(..) | ExprKind::Or(..) => "expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Comp(c) if c.kind == CompKind::List => "list comprehension",
        ExprKind::Comp(c) if c.kind == CompKind::Gen => "generator expression",
        ExprKind::Comp(_) => "comprehension",
        ExprKind::Yield(_) => "yield expression",
        _ => return None,
    })
}

impl Parser {
    pub(super) fn simple(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.pos();
        let kw = if let Tok::Name(n) = self.tok() { n.clone() } else { String::new() };
        let kind = match kw.as_str() {
            "pass" => {
                self.advance();
                StmtKind::Pass
            }
            "break" => {
                self.advance();
                StmtKind::Break
            }
            "continue" => {
                self.advance();
                StmtKind::Continue
            }
            "return" => {
                self.advance();
                let value = if self.at_end() { None } else { Some(self.test_list_star()?) };
                StmtKind::Return(value)
            }
            "global" | "nonlocal" => {
                self.advance();
                let mut names = vec![self.name()?];
                while self.eat_op(",") {
                    names.push(self.name()?);
                }
                if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            "del" => {
                self.advance();
                let mut targets = vec![self.expr()?];
                while self.eat_op(",") {
                    targets.push(self.expr()?);
                }
                for t in &targets {
                    if let Some(d) = describe(t) {
                        return Err(SyntaxError::new(format!("cannot delete {d}"), t.pos));
                    }
                }
                StmtKind::Delete(targets)
            }
            "assert" => {
                self.advance();
                let test = self.test()?;
                let msg = if self.eat_op(",") { Some(self.test()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            "raise" => {
                self.advance();
                let exc = if self.at_end() { None } else { Some(self.test()?) };
                let cause = if exc.is_some() && self.eat_kw("from") { Some(self.test()?) } else { None };
                StmtKind::Raise { exc, cause }
            }
            "import" => {
                self.advance();
                let mut names = vec![self.alias(true)?];
                while self.eat_op(",") {
                    names.push(self.alias(true)?);
                }
                StmtKind::Import(names)
            }
            "from" => {
                self.advance();
                let mut module = String::new();
                while self.is_op(".") || self.is_op("...") {
                    module.push_str(if self.is_op(".") { "." } else { "..." });
                    self.advance();
                }
                if !self.is_kw("import") {
                    module.push_str(&self.dotted()?);
                }
                if !self.eat_kw("import") {
                    return Err(self.invalid());
                }
                if self.eat_op("*") {
                    StmtKind::ImportFrom { module, names: vec![], star: true }
                } else {
                    let parens = self.eat_op("(");
                    let mut names = vec![self.alias(false)?];
                    while self.eat_op(",") {
                        if parens && self.is_op(")") {
                            break;
                        }
                        names.push(self.alias(false)?);
                    }
                    if parens {
                        self.expect_op(")")?;
                    }
                    StmtKind::ImportFrom { module, names, star: false }
                }
            }
            "yield" => StmtKind::Expr(self.rhs()?),
            _ => return self.expr_stmt(pos),
        };
        Ok(Stmt { pos, kind })
    }

    fn at_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(";"))
    }

    fn dotted(&mut self) -> Result<String, SyntaxError> {
        let mut name = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn alias(&mut self, dotted: bool) -> Result<Alias, SyntaxError> {
        let pos = self.pos();
        let name = if dotted { self.dotted()? } else { self.name()? };
        let asname = if self.eat_kw("as") { Some(self.name()?) } else { None };
        Ok(Alias { name, asname, pos })
    }

    fn expr_stmt(&mut self, pos: Pos) -> Result<Stmt, SyntaxError> {
        if self.is_kw("print") && matches!(self.tok_at(1), Tok::Str { .. } | Tok::Int(_)) {
            return Err(self.err_here("Missing parentheses in call to 'print'. Did you mean print(...)?"));
        }
        let first = self.test_list_star()?;
        if self.is_op(":")
            && matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..))
        {
            self.advance();
            self.test()?;
            let value = if self.eat_op("=") { Some(self.rhs()?) } else { None };
            return Ok(Stmt { pos, kind: StmtKind::AnnAssign { target: first, value } });
        }
        for (op, bin) in AUG_OPS {
            if self.is_op(op) {
                if let Some(d) = describe(&first).or(match first.kind {
                    ExprKind::Tuple(_) => Some("tuple"),
                    ExprKind::List(_) => Some("list"),
                    _ => None,
                }) {
                    let msg = format!("'{d}' is an illegal expression for augmented assignment");
                    return Err(SyntaxError::new(msg, first.pos));
                }
                self.advance();
                let value = self.rhs()?;
                return Ok(Stmt { pos, kind: StmtKind::AugAssign { target: first, op: bin, value } });
            }
        }
        if !self.is_op("=") {
            return Ok(Stmt { pos, kind: StmtKind::Expr(first) });
        }
        let mut targets = vec![first];
        while self.eat_op("=") {
            targets.push(self.rhs()?);
        }
        let value = targets.pop().expect("at least the first and one value");
        for t in &targets {
            check_target(t)?;
        }
        Ok(Stmt { pos, kind: StmtKind::Assign { targets, value } })
    }

    /// The right-hand side of an assignment: a `yield`, or expressions.
    fn rhs(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_kw("yield") {
            let pos = self.advance().pos;
            self.refuse_yield_from(pos)?;
            let value = if !self.at_end() && !self.is_op("=") { Some(Box::new(self.test_list_star()?)) } else { None };
            return Ok(self.yielded(pos, value));
        }
        self.test_list_star()
    }
}

/// Checks an assignment target, with CPython's message for what cannot be assigned.
pub(super) fn check_target(t: &Expr) -> Result<(), SyntaxError> {
    match &t.kind {
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(check_target),
        ExprKind::Starred(inner) => check_target(inner),
        _ => match describe(t) {
            None => Ok(()),
            Some(d) => {
                let hint = matches!(
                    t.kind,
                    ExprKind::Call { .. }
                        | ExprKind::Int(_)
                        | ExprKind::Float(_)
                        | ExprKind::Str(_)
                        | ExprKind::Bool(_)
                        | ExprKind::None
                        | ExprKind::Ellipsis
                        | ExprKind::BinOp(..)
                        | ExprKind::Attribute(..)
                );
                let msg = if hint && !matches!(t.kind, ExprKind::Bool(_) | ExprKind::None) {
                    format!("cannot assign to {d} here. Maybe you meant '==' instead of '='?")
                } else {
                    format!("cannot assign to {d}")
                };
                Err(SyntaxError::new(msg, t.pos))
            }
        },
    }
}
