//! Statements.

use super::Parser;
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::{Pos, Tok};
use crate::scope::Names;
use std::collections::HashSet;
use std::rc::Rc;

impl Parser {
    /// One statement line (several for `a; b`), or one compound statement.
    pub(super) fn statement(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        let pos = self.pos();
        let kw = match self.tok() {
            Tok::Name(n) => n.clone(),
            Tok::Op("@") => return Ok(vec![self.decorated()?]),
            Tok::Indent | Tok::Dedent => return Err(self.invalid()),
            _ => String::new(),
        };
        if kw == "match" && self.is_match_statement() {
            // A construct outside the playground's language, found while parsing.
            let mut e = SyntaxError::new("the 'match' statement", pos);
            e.kind = "Refused";
            return Err(e);
        }
        let compound = match kw.as_str() {
            "if" => Some(self.if_stmt()?),
            "while" => Some(self.while_stmt()?),
            "for" => Some(self.for_stmt(false, pos)?),
            "try" => Some(self.try_stmt()?),
            "with" => Some(self.with_stmt(false, pos)?),
            "def" => Some(self.funcdef(false, vec![], pos)?),
            "class" => Some(self.classdef(vec![], pos)?),
            "async" => {
                self.advance();
                match self.tok() {
                    Tok::Name(n) if n == "def" => Some(self.funcdef(true, vec![], pos)?),
                    Tok::Name(n) if n == "for" => Some(self.for_stmt(true, pos)?),
                    Tok::Name(n) if n == "with" => Some(self.with_stmt(true, pos)?),
                    _ => return Err(self.invalid()),
                }
            }
            _ => None,
        };
        if let Some(s) = compound {
            return Ok(vec![s]);
        }
        let mut out = vec![self.simple()?];
        while self.eat_op(";") {
            if matches!(self.tok(), Tok::Newline) {
                break;
            }
            out.push(self.simple()?);
        }
        if !matches!(self.tok(), Tok::Newline | Tok::Eof) {
            return Err(self.invalid());
        }
        self.advance();
        Ok(out)
    }

    /// Whether a line starting with `match` is a `match` statement (a soft keyword): a
    /// subject follows, and the line ends with `:`.
    fn is_match_statement(&self) -> bool {
        if matches!(self.tok_at(1), Tok::Op(op) if !matches!(*op, "(" | "[" | "{" | "-" | "*")) {
            return false;
        }
        let mut k = 1;
        loop {
            match self.tok_at(k) {
                Tok::Newline | Tok::Eof => return matches!(self.tok_at(k - 1), Tok::Op(":")),
                _ => k += 1,
            }
        }
    }

    /// The body after `:`: an indented block or statements on the same line.
    fn block(&mut self, what: &str, line: usize) -> Result<Block, SyntaxError> {
        self.expect_op(":")?;
        if !matches!(self.tok(), Tok::Newline) {
            let mut body = vec![self.simple()?];
            while self.eat_op(";") {
                if matches!(self.tok(), Tok::Newline) {
                    break;
                }
                body.push(self.simple()?);
            }
            if !matches!(self.tok(), Tok::Newline | Tok::Eof) {
                return Err(self.invalid());
            }
            self.advance();
            return Ok(body);
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let mut e = SyntaxError::new(format!("expected an indented block after {what} on line {line}"), self.pos());
            e.kind = "IndentationError";
            return Err(e);
        }
        self.advance();
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::Dedent => {
                    self.advance();
                    return Ok(body);
                }
                Tok::Eof => return Ok(body),
                Tok::Newline => {
                    self.advance();
                }
                _ => body.extend(self.statement()?),
            }
        }
    }

    fn decorated(&mut self) -> Result<Stmt, SyntaxError> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.test()?);
            if !matches!(self.tok(), Tok::Newline) {
                return Err(self.invalid());
            }
            self.advance();
        }
        let pos = self.pos();
        if self.is_kw("def") {
            return self.funcdef(false, decorators, pos);
        }
        if self.is_kw("class") {
            return self.classdef(decorators, pos);
        }
        if self.eat_kw("async") && self.is_kw("def") {
            return self.funcdef(true, decorators, pos);
        }
        Err(self.invalid())
    }

    fn if_stmt(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.advance().pos;
        let test = self.named_test()?;
        let body = self.block("'if' statement", pos.line)?;
        let orelse = self.else_part()?;
        Ok(Stmt { pos, kind: StmtKind::If { test, body, orelse } })
    }

    fn else_part(&mut self) -> Result<Block, SyntaxError> {
        if self.is_kw("elif") {
            let pos = self.advance().pos;
            let test = self.named_test()?;
            let body = self.block("'elif' statement", pos.line)?;
            let orelse = self.else_part()?;
            return Ok(vec![Stmt { pos, kind: StmtKind::If { test, body, orelse } }]);
        }
        if self.is_kw("else") {
            let pos = self.advance().pos;
            return self.block("'else' statement", pos.line);
        }
        Ok(vec![])
    }

    fn while_stmt(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.advance().pos;
        let test = self.named_test()?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = if self.is_kw("else") {
            let p = self.advance().pos;
            self.block("'else' statement", p.line)?
        } else {
            vec![]
        };
        Ok(Stmt { pos, kind: StmtKind::While { test, body, orelse } })
    }

    fn for_stmt(&mut self, is_async: bool, pos: Pos) -> Result<Stmt, SyntaxError> {
        let kw = self.advance().pos;
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.test_list()?;
        let body = self.block("'for' statement", kw.line)?;
        let orelse = if self.is_kw("else") {
            let p = self.advance().pos;
            self.block("'else' statement", p.line)?
        } else {
            vec![]
        };
        Ok(Stmt { pos, kind: StmtKind::For { target, iter, body, orelse, is_async } })
    }

    fn try_stmt(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.advance().pos;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers = Vec::new();
        let mut star = false;
        while self.is_kw("except") {
            let hpos = self.advance().pos;
            if self.eat_op("*") {
                star = true;
            }
            let mut typ = None;
            let mut name = None;
            if !self.is_op(":") {
                typ = Some(self.test()?);
                if self.is_op(",") {
                    let first = typ.take().expect("parsed above");
                    let mut items = vec![first];
                    while self.eat_op(",") {
                        items.push(self.test()?);
                    }
                    return Err(SyntaxError::new("multiple exception types must be parenthesized", items[0].pos));
                }
                if self.eat_kw("as") {
                    name = Some(self.name()?);
                }
            }
            let what = if star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.block(what, hpos.line)?;
            handlers.push(Handler { pos: hpos, typ, name, body: hbody });
        }
        let orelse = if !handlers.is_empty() && self.is_kw("else") {
            let p = self.advance().pos;
            self.block("'else' statement", p.line)?
        } else {
            vec![]
        };
        let finalbody = if self.is_kw("finally") {
            let p = self.advance().pos;
            self.block("'finally' statement", p.line)?
        } else {
            vec![]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        Ok(Stmt { pos, kind: StmtKind::Try { body, handlers, orelse, finalbody, star } })
    }

    fn with_stmt(&mut self, is_async: bool, pos: Pos) -> Result<Stmt, SyntaxError> {
        let kw = self.advance().pos;
        let mut items = Vec::new();
        let parens = self.is_op("(") && self.paren_with_items();
        if parens {
            self.advance();
        }
        loop {
            let ctx = self.test()?;
            let target = if self.eat_kw("as") { Some(self.target()?) } else { None };
            items.push((ctx, target));
            if !self.eat_op(",") || (parens && self.is_op(")")) {
                break;
            }
        }
        if parens {
            self.expect_op(")")?;
        }
        let body = self.block("'with' statement", kw.line)?;
        Ok(Stmt { pos, kind: StmtKind::With { items, body, is_async } })
    }

    /// Whether `with (` opens a parenthesized list of items (`with (a as b, c):`).
    fn paren_with_items(&self) -> bool {
        let mut depth = 0;
        let mut k = 0;
        loop {
            match self.tok_at(k) {
                Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
                Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => {
                    depth -= 1;
                    if depth == 0 {
                        return matches!(self.tok_at(k + 1), Tok::Op(":"));
                    }
                }
                Tok::Name(n) if n == "as" && depth == 1 => return true,
                Tok::Newline | Tok::Eof => return false,
                _ => {}
            }
            k += 1;
        }
    }

    pub(super) fn funcdef(&mut self, is_async: bool, decorators: Vec<Expr>, pos: Pos) -> Result<Stmt, SyntaxError> {
        let kw = self.advance().pos;
        let name = self.name()?;
        if !self.is_op("(") {
            return Err(self.err_here("expected '('"));
        }
        self.advance();
        let params = self.params(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.test()?;
        }
        let what = format!("function definition on line {}", kw.line);
        let _ = what;
        self.yields.push(false);
        let body = self.block("function definition", kw.line);
        let is_gen = self.yields.pop().unwrap_or(false);
        let mut f = make_func(name, params, body?, is_async, decorators, pos);
        f.is_gen = is_gen;
        Ok(Stmt { pos, kind: StmtKind::FuncDef(Rc::new(f)) })
    }

    /// Parameters up to `close` (`)` for `def`, `:` for `lambda`).
    pub(super) fn params(&mut self, close: &str) -> Result<Params, SyntaxError> {
        let mut params = Params::default();
        let mut kwonly = false;
        let mut seen: Vec<String> = Vec::new();
        // A parameter's name, refused if another parameter has it.
        let mut named = |p: &mut Self| -> Result<(String, Pos), SyntaxError> {
            let at = p.pos();
            let name = p.name()?;
            if seen.contains(&name) {
                return Err(SyntaxError::new(format!("duplicate argument '{name}' in function definition"), at));
            }
            seen.push(name.clone());
            Ok((name, at))
        };
        while !self.is_op(close) {
            if self.eat_op("**") {
                params.kwarg = Some(named(self)?.0);
                self.annotation(close)?;
            } else if self.eat_op("*") {
                kwonly = true;
                if !self.is_op(",") {
                    params.vararg = Some(named(self)?.0);
                    self.annotation(close)?;
                }
            } else if self.is_op("/") {
                self.advance();
                params.posonly = params.args.len();
            } else {
                let (name, at) = named(self)?;
                self.annotation(close)?;
                let default = if self.eat_op("=") { Some(self.test()?) } else { None };
                if !kwonly && default.is_none() && params.args.iter().any(|p| p.default.is_some()) {
                    return Err(SyntaxError::new("non-default argument follows default argument", at));
                }
                let p = Param { name, default };
                if kwonly {
                    params.kwonly.push(p);
                } else {
                    params.args.push(p);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(params)
    }

    fn annotation(&mut self, close: &str) -> Result<(), SyntaxError> {
        if close == ")" && self.eat_op(":") {
            self.test()?;
        }
        Ok(())
    }

    fn classdef(&mut self, decorators: Vec<Expr>, pos: Pos) -> Result<Stmt, SyntaxError> {
        let kw = self.advance().pos;
        let name = self.name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat_op("(") {
            while !self.is_op(")") {
                if matches!(self.tok(), Tok::Name(_)) && matches!(self.tok_at(1), Tok::Op("=")) {
                    let k = self.name()?;
                    self.advance();
                    keywords.push((k, self.test()?));
                } else {
                    bases.push(self.test()?);
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
        }
        let body = self.block("class definition", kw.line)?;
        let c = ClassDef { name, bases, keywords, body, decorators, pos };
        Ok(Stmt { pos, kind: StmtKind::ClassDef(Rc::new(c)) })
    }
}

/// Builds a function, computing its locals.
pub(super) fn make_func(
    name: String,
    params: Params,
    body: Block,
    is_async: bool,
    decorators: Vec<Expr>,
    pos: Pos,
) -> FuncDef {
    // CPython's order: the parameters (those after `*` too, then `*args`, `**kwargs`), then
    // the other locals as the body first binds them.
    let mut order = Names::default();
    for p in params.args.iter().chain(params.kwonly.iter()) {
        order.insert(p.name.clone());
    }
    params.vararg.iter().chain(params.kwarg.iter()).for_each(|n| order.insert(n.clone()));
    let mut globals = HashSet::new();
    assigned_names(&body, &mut order, &mut globals);
    let mut nonlocals = HashSet::new();
    nonlocal_names(&body, &mut nonlocals);
    for g in globals.iter().chain(nonlocals.iter()) {
        order.remove(g);
    }
    let order = order.into_vec();
    let locals = order.iter().cloned().collect();
    FuncDef { name, params, body, is_async, is_gen: false, decorators, pos, locals, order, globals, nonlocals }
}
