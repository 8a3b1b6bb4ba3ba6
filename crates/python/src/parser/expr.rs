//! Expressions, by precedence.

use super::simple::check_target;
use super::stmt::make_func;
use super::Parser;
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::{Pos, Tok};
use std::rc::Rc;

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser {
    /// `a, *b, c` (a tuple if there is a comma).
    pub(super) fn test_list_star(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let first = self.star_or_test()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_tuple_end() {
                break;
            }
            items.push(self.star_or_test()?);
        }
        Ok(Expr { pos, kind: ExprKind::Tuple(items), end: self.prev_end() })
    }

    fn at_tuple_end(&self) -> bool {
        matches!(
            self.tok(),
            Tok::Newline | Tok::Eof | Tok::Op("=") | Tok::Op(")") | Tok::Op("]") | Tok::Op("}") | Tok::Op(";")
        ) || matches!(self.tok(), Tok::Op(":"))
            || AUG.contains(&match self.tok() {
                Tok::Op(o) => *o,
                _ => "",
            })
    }

    fn star_or_test(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_op("*") {
            let pos = self.advance().pos;
            return Ok(Expr { pos, kind: ExprKind::Starred(bx(self.expr()?)), end: self.prev_end() });
        }
        self.named_test()
    }

    /// `a, b` of a `for` (a tuple if there is a comma).
    pub(super) fn test_list(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let first = self.star_or_test()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op(":") {
                break;
            }
            items.push(self.star_or_test()?);
        }
        Ok(Expr { pos, kind: ExprKind::Tuple(items), end: self.prev_end() })
    }

    /// The targets of a `for`: stops before `in`.
    pub(super) fn target_list(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let mut items = vec![self.target()?];
        if !self.is_op(",") {
            let t = items.pop().expect("one target");
            check_target(&t)?;
            return Ok(t);
        }
        while self.eat_op(",") {
            if self.is_kw("in") {
                break;
            }
            items.push(self.target()?);
        }
        let t = Expr { pos, kind: ExprKind::Tuple(items), end: self.prev_end() };
        check_target(&t)?;
        Ok(t)
    }

    /// One target (`x`, `a.b`, `(a, b)`, `*rest`).
    pub(super) fn target(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_op("*") {
            let pos = self.advance().pos;
            return Ok(Expr { pos, kind: ExprKind::Starred(bx(self.expr()?)), end: self.prev_end() });
        }
        self.expr()
    }

    /// A test that may be `name := value`.
    pub(super) fn named_test(&mut self) -> Result<Expr, SyntaxError> {
        if matches!(self.tok(), Tok::Name(_)) && matches!(self.tok_at(1), Tok::Op(":=")) {
            let pos = self.pos();
            let name = self.name()?;
            self.advance();
            let value = self.test()?;
            return Ok(Expr { pos, kind: ExprKind::Walrus(name.as_str().into(), bx(value)), end: self.prev_end() });
        }
        self.test()
    }

    /// A full expression: lambda, conditional, boolean logic...
    pub(super) fn test(&mut self) -> Result<Expr, SyntaxError> {
        self.enter()?;
        let r = self.test_inner();
        self.depth -= 1;
        r
    }

    fn test_inner(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        if self.eat_kw("lambda") {
            let params = self.params(":")?;
            self.expect_op(":")?;
            let body_pos = self.pos();
            let value = self.test()?;
            let body = vec![Stmt { pos: body_pos, kind: StmtKind::Return(Some(value)) }];
            let f = make_func("<lambda>".into(), params, body, false, vec![], pos);
            return Ok(Expr { pos, kind: ExprKind::Lambda(Rc::new(f)), end: self.prev_end() });
        }
        let e = self.or_test()?;
        if self.is_kw("if") {
            self.advance();
            let cond = self.or_test()?;
            if !self.eat_kw("else") {
                return Err(SyntaxError::new("expected 'else' after 'if' expression", pos));
            }
            let other = self.test()?;
            return Ok(Expr { pos, kind: ExprKind::IfExp(bx(cond), bx(e), bx(other)), end: self.prev_end() });
        }
        Ok(e)
    }

    fn test_no_cond(&mut self) -> Result<Expr, SyntaxError> {
        self.or_test()
    }

    fn or_test(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.pos();
        let mut e = self.and_test()?;
        while self.is_kw("or") {
            self.advance();
            let r = self.and_test()?;
            e = Expr { pos: start, kind: ExprKind::Or(bx(e), bx(r)), end: self.prev_end() };
        }
        Ok(e)
    }

    fn and_test(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.pos();
        let mut e = self.not_test()?;
        while self.is_kw("and") {
            self.advance();
            let r = self.not_test()?;
            e = Expr { pos: start, kind: ExprKind::And(bx(e), bx(r)), end: self.prev_end() };
        }
        Ok(e)
    }

    fn not_test(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_kw("not") {
            let pos = self.advance().pos;
            let e = self.not_test()?;
            return Ok(Expr { pos, kind: ExprKind::Unary(UnOp::Not, bx(e)), end: self.prev_end() });
        }
        self.comparison()
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.tok() {
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op(">") => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            Tok::Name(n) if n == "in" => CmpOp::In,
            Tok::Name(n) if n == "not" && matches!(self.tok_at(1), Tok::Name(m) if m == "in") => {
                self.advance();
                CmpOp::NotIn
            }
            Tok::Name(n) if n == "is" => {
                if matches!(self.tok_at(1), Tok::Name(m) if m == "not") {
                    self.advance();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.pos();
        let e = self.expr()?;
        let mut ops = Vec::new();
        while let Some(op) = self.comp_op() {
            ops.push((op, self.expr()?));
        }
        if ops.is_empty() {
            return Ok(e);
        }
        Ok(Expr { pos: start, kind: ExprKind::Compare(bx(e), ops), end: self.prev_end() })
    }

    /// A bitwise-or level expression (no comparisons).
    pub(super) fn expr(&mut self) -> Result<Expr, SyntaxError> {
        self.binary(0)
    }

    fn binary(&mut self, level: usize) -> Result<Expr, SyntaxError> {
        const LEVELS: [&[(&str, BinOp)]; 6] = [
            &[("|", BinOp::BitOr)],
            &[("^", BinOp::BitXor)],
            &[("&", BinOp::BitAnd)],
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("//", BinOp::FloorDiv), ("%", BinOp::Mod)],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let start = self.pos();
        let mut e = self.binary(level + 1)?;
        'outer: loop {
            for (op, bin) in LEVELS[level] {
                if self.is_op(op) {
                    self.advance();
                    let r = self.binary(level + 1)?;
                    e = Expr { pos: start, kind: ExprKind::BinOp(bx(e), *bin, bx(r)), end: self.prev_end() };
                    continue 'outer;
                }
            }
            return Ok(e);
        }
    }

    fn factor(&mut self) -> Result<Expr, SyntaxError> {
        let op = match self.tok() {
            Tok::Op("-") => UnOp::Neg,
            Tok::Op("+") => UnOp::Pos,
            Tok::Op("~") => UnOp::Invert,
            _ => return self.power(),
        };
        let pos = self.advance().pos;
        self.enter()?;
        let e = self.factor();
        self.depth -= 1;
        Ok(Expr { pos, kind: ExprKind::Unary(op, bx(e?)), end: self.prev_end() })
    }

    fn power(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.pos();
        let e = if self.is_kw("await") {
            let pos = self.advance().pos;
            let inner = self.primary()?;
            Expr { pos, kind: ExprKind::Await(bx(inner)), end: self.prev_end() }
        } else {
            self.primary()?
        };
        if self.eat_op("**") {
            let r = self.factor()?;
            return Ok(Expr { pos: start, kind: ExprKind::BinOp(bx(e), BinOp::Pow, bx(r)), end: self.prev_end() });
        }
        Ok(e)
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.pos();
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let name = self.name()?;
                e = Expr { pos: start, kind: ExprKind::Attribute(bx(e), name.into()), end: self.prev_end() };
            } else if self.is_op("(") {
                self.advance();
                e = self.call(e)?;
                e.pos = start;
            } else if self.is_op("[") {
                self.advance();
                let index = self.subscript()?;
                self.expect_op("]")?;
                e = Expr { pos: start, kind: ExprKind::Subscript(bx(e), bx(index)), end: self.prev_end() };
            } else {
                return Ok(e);
            }
        }
    }

    fn subscript(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let first = self.slice_item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(Expr { pos, kind: ExprKind::Tuple(items), end: self.prev_end() })
    }

    fn slice_item(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let lower = if self.is_op(":") { None } else { Some(self.test()?) };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let part = |p: &mut Parser| -> Result<Option<Box<Expr>>, SyntaxError> {
            if p.is_op(":") || p.is_op("]") || p.is_op(",") {
                Ok(None)
            } else {
                Ok(Some(bx(p.test()?)))
            }
        };
        let upper = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        Ok(Expr { pos, kind: ExprKind::Slice(lower.map(bx), upper, step), end: self.prev_end() })
    }

    fn call(&mut self, func: Expr) -> Result<Expr, SyntaxError> {
        // A generator expression that is the only argument spans the call's parentheses, as
        // in CPython's tree (a traceback marks it so): `open` is where `(` is.
        let open = Pos { col: self.prev_end().col - 1, ..self.prev_end() };
        let mut args = Vec::new();
        let mut kwargs: Vec<(Option<String>, Expr)> = Vec::new();
        while !self.is_op(")") {
            let pos = self.pos();
            if self.eat_op("**") {
                kwargs.push((None, self.test()?));
            } else if self.eat_op("*") {
                if kwargs.iter().any(|(k, _)| k.is_none()) {
                    return Err(SyntaxError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        self.prev_end(),
                    ));
                }
                args.push(Expr { pos, kind: ExprKind::Starred(bx(self.test()?)), end: self.prev_end() });
            } else if matches!(self.tok(), Tok::Name(_)) && matches!(self.tok_at(1), Tok::Op("=")) {
                let name = self.name()?;
                self.advance();
                kwargs.push((Some(name), self.test()?));
            } else {
                let e = self.named_test()?;
                if !kwargs.is_empty() {
                    let msg = if kwargs.iter().any(|(k, _)| k.is_none()) {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return Err(SyntaxError::new(msg, self.prev_end()));
                }
                if self.is_kw("for") || self.is_kw("async") {
                    let mut gen = self.comprehension(CompKind::Gen, e, None, pos)?;
                    if !self.is_op(")") || !args.is_empty() {
                        return Err(SyntaxError::new("Generator expression must be parenthesized", pos));
                    }
                    // It ends after the `)` it stands before.
                    (gen.pos, gen.end) = (open, Pos { col: self.pos().col + 1, ..self.pos() });
                    args.push(gen);
                    break;
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.eat_op(")") {
            return Err(self.invalid());
        }
        Ok(Expr { pos: func.pos, kind: ExprKind::Call { func: bx(func), args, kwargs }, end: self.prev_end() })
    }

    pub(super) fn comprehension(
        &mut self,
        kind: CompKind,
        elt: Expr,
        value: Option<Expr>,
        pos: Pos,
    ) -> Result<Expr, SyntaxError> {
        let mut gens = Vec::new();
        loop {
            let for_pos = self.pos();
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                break;
            }
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.test_no_cond()?);
            }
            gens.push(CompFor { pos: for_pos, target, iter, ifs, is_async });
        }
        if gens.is_empty() {
            return Err(self.invalid());
        }
        Ok(Expr { pos, kind: ExprKind::Comp(Rc::new(Comprehension { kind, elt, value, gens })), end: self.prev_end() })
    }
}

const AUG: [&str; 12] = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="];
