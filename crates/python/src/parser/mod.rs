//! The parser: tokens to the syntax tree, with CPython's messages for the common syntax errors.

mod expr;
mod fstring;
mod hints;
mod simple;
mod stmt;

use crate::ast::{Block, Expr, ExprKind};
use crate::error::SyntaxError;
use crate::lexer::{tokenize_full, Pos, Tok, Token};

/// Python's keywords.
pub const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Parses a whole program.
pub fn parse_program(src: &str) -> Result<Block, SyntaxError> {
    let (tokens, unclosed) = tokenize_full(src)?;
    let eof = tokens.last().map(|t| t.pos).unwrap_or_default();
    let mut p = Parser { tokens, i: 0, depth: 0, yields: Vec::new(), interned: Default::default() };
    // As CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: a bracket left open
    // before the line the parser failed on is the error; else its more helpful message if any.
    match (p.file(), unclosed) {
        (Err(e), Some(u))
            if (e.line, e.col) >= (eof.line, eof.col) || e.msg == "unexpected EOF while parsing" || e.line > u.line =>
        {
            Err(u)
        }
        (Ok(_), Some(u)) => Err(u),
        (Err(e), _) => Err(hints::helpful(&p.tokens, e)),
        (r, _) => r,
    }
}

pub(crate) struct Parser {
    tokens: Vec<Token>,
    i: usize,
    depth: usize,
    /// For each function being parsed, innermost last: whether its body yields.
    yields: Vec<bool>,
    /// String constants CPython interns (those made of name characters, and those of at most
    /// one character): each is one object however often the program writes it, so `is`
    /// answers as CPython's does.
    interned: std::collections::HashMap<String, std::rc::Rc<str>>,
}

impl Parser {
    /// After `yield` at `pos`: `yield from` is outside the playground's language.
    fn refuse_yield_from(&self, pos: Pos) -> Result<(), SyntaxError> {
        if !self.is_kw("from") {
            return Ok(());
        }
        let mut e = SyntaxError::new("'yield from'", pos);
        e.kind = "Refused";
        Err(e)
    }

    /// A `yield` of `value` at `pos`: the function being parsed is a generator.
    fn yielded(&mut self, pos: Pos, value: Option<Box<Expr>>) -> Expr {
        if let Some(yields) = self.yields.last_mut() {
            *yields = true;
        }
        Expr { pos, kind: ExprKind::Yield(value), end: self.prev_end() }
    }

    fn tok(&self) -> &Tok {
        &self.tokens[self.i.min(self.tokens.len() - 1)].tok
    }
    fn tok_at(&self, k: usize) -> &Tok {
        &self.tokens[(self.i + k).min(self.tokens.len() - 1)].tok
    }
    fn pos(&self) -> Pos {
        self.tokens[self.i.min(self.tokens.len() - 1)].pos
    }
    fn prev_end(&self) -> Pos {
        if self.i == 0 {
            return Pos { line: 1, col: 1 };
        }
        self.tokens[self.i - 1].end
    }
    fn advance(&mut self) -> Token {
        let t = self.tokens[self.i.min(self.tokens.len() - 1)].clone();
        if self.i < self.tokens.len() - 1 {
            self.i += 1;
        }
        t
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == kw)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn err_here(&self, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(msg, self.pos())
    }
    /// CPython's generic error at the current token.
    fn invalid(&self) -> SyntaxError {
        match self.tok() {
            Tok::Indent => {
                let mut e = self.err_here("unexpected indent");
                e.kind = "IndentationError";
                e
            }
            Tok::Dedent => {
                let mut e = self.err_here("unindent does not match any outer indentation level");
                e.kind = "IndentationError";
                e
            }
            Tok::Eof => self.err_here("unexpected EOF while parsing"),
            _ => self.err_here("invalid syntax"),
        }
    }
    fn expect_op(&mut self, op: &str) -> Result<(), SyntaxError> {
        if self.eat_op(op) {
            return Ok(());
        }
        if op == ":" || op == "=" {
            return Err(SyntaxError::new(format!("expected '{op}'"), self.prev_end()));
        }
        Err(self.invalid())
    }
    fn name(&mut self) -> Result<String, SyntaxError> {
        match self.tok().clone() {
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                self.advance();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > 150 {
            return Err(self.err_here("too many nested parentheses"));
        }
        Ok(())
    }

    fn file(&mut self) -> Result<Block, SyntaxError> {
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::Eof => return Ok(body),
                Tok::Newline => {
                    self.advance();
                }
                Tok::Indent => return Err(self.invalid()),
                _ => body.extend(self.statement()?),
            }
        }
    }
}
