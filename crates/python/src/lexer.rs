//! The lexer: source text to tokens with line and column, Python's INDENT and DEDENT included.

use crate::error::SyntaxError;
use crate::underscores::without_underscores;

/// A position in the source: 1-based line and 1-based column (CPython's offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// A token's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A name or keyword.
    Name(String),
    /// An integer literal.
    Int(i128),
    /// A float literal.
    Float(f64),
    /// A string literal: its text (decoded unless an f-string), whether it is an f-string,
    /// and where its text starts.
    Str {
        /// Its text: decoded, unless it is an f-string (kept raw for the parser).
        text: String,
        /// Whether it is an f-string.
        fstring: bool,
        /// Where its text starts (after the quotes).
        start: Pos,
        /// Whether it is a raw string.
        raw: bool,
    },
    /// An operator or delimiter.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// An indentation.
    Indent,
    /// A dedentation.
    Dedent,
    /// The end of the source.
    Eof,
}

/// A token and where it starts.
#[derive(Clone, Debug)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Where it starts.
    pub pos: Pos,
    /// Where it ends (the column after its last character).
    pub end: Pos,
}

const OPS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=",
    "%=", "&=", "|=", "^=", ":=", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";",
    "=", "&", "|", "^", "~", "@", "!",
];

pub use crate::escapes::decode_escapes;

struct Lexer<'a> {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    tokens: Vec<Token>,
    indents: Vec<usize>,
    brackets: Vec<(char, Pos)>,
    src: &'a str,
    unclosed: Option<SyntaxError>,
}

/// Splits `src` into tokens.
pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    tokenize_full(src).map(|(tokens, _)| tokens)
}

/// Splits `src` into tokens; also gives the error for the innermost bracket never closed,
/// which CPython reports if the parser reaches the end of the source, or fails on a later line.
pub fn tokenize_full(src: &str) -> Result<(Vec<Token>, Option<SyntaxError>), SyntaxError> {
    let mut lx = Lexer {
        chars: src.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
        tokens: vec![],
        indents: vec![0],
        brackets: vec![],
        src,
        unclosed: None,
    };
    lx.run()?;
    Ok((lx.tokens, lx.unclosed))
}

impl Lexer<'_> {
    fn peek(&self, k: usize) -> char {
        self.chars.get(self.i + k).copied().unwrap_or('\0')
    }
    fn bump(&mut self) -> char {
        let c = self.peek(0);
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        c
    }
    fn pos(&self) -> Pos {
        Pos { line: self.line, col: self.col }
    }
    fn push(&mut self, tok: Tok, pos: Pos) {
        let end = self.pos();
        self.tokens.push(Token { tok, pos, end });
    }
    fn err(&self, msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError::new(msg, pos)
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut at_line_start = true;
        while self.i < self.chars.len() {
            if at_line_start && self.brackets.is_empty() {
                at_line_start = false;
                if self.indentation()? {
                    at_line_start = true;
                    continue;
                }
            }
            let c = self.peek(0);
            let pos = self.pos();
            match c {
                ' ' | '\t' | '\x0c' | '\r' => {
                    self.bump();
                }
                '#' => {
                    while self.i < self.chars.len() && self.peek(0) != '\n' {
                        self.bump();
                    }
                }
                '\\' if self.peek(1) == '\n' || (self.peek(1) == '\r' && self.peek(2) == '\n') => {
                    self.bump();
                    if self.peek(0) == '\r' {
                        self.bump();
                    }
                    self.bump();
                }
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, pos);
                        at_line_start = true;
                    }
                }
                c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_ascii_digit()) => self.number()?,
                c if c.is_alphabetic() || c == '_' => {
                    let start = self.i;
                    while self.peek(0).is_alphanumeric() || self.peek(0) == '_' {
                        self.bump();
                    }
                    let word: String = self.chars[start..self.i].iter().collect();
                    let lower = word.to_ascii_lowercase();
                    let q = self.peek(0);
                    if (q == '"' || q == '\'') && lower.len() <= 2 && lower.chars().all(|c| "rfbu".contains(c)) {
                        if lower.contains('b') {
                            return Err(self.err("bytes literals are not supported by the playground", pos));
                        }
                        self.string(pos, lower.contains('f'), lower.contains('r'))?;
                    } else {
                        self.push(Tok::Name(word), pos);
                    }
                }
                '"' | '\'' => self.string(pos, false, false)?,
                _ => self.op(pos)?,
            }
        }
        let pos = self.pos();
        if let Some((open, p)) = self.brackets.last() {
            self.unclosed = Some(self.err(format!("'{open}' was never closed"), *p));
        }
        if !matches!(self.tokens.last().map(|t| &t.tok), None | Some(Tok::Newline)) {
            self.push(Tok::Newline, pos);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, pos);
        }
        self.push(Tok::Eof, pos);
        Ok(())
    }

    /// Measures a line's indentation; `true` if the line was blank or a comment only.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let mut width = 0;
        while matches!(self.peek(0), ' ' | '\t' | '\x0c') {
            width = if self.bump() == '\t' { (width / 8 + 1) * 8 } else { width + 1 };
        }
        match self.peek(0) {
            '#' | '\n' | '\r' | '\0' => {
                while self.i < self.chars.len() && self.peek(0) != '\n' {
                    self.bump();
                }
                if self.i < self.chars.len() {
                    self.bump();
                }
                return Ok(true);
            }
            _ => {}
        }
        let pos = self.pos();
        let current = *self.indents.last().expect("the indent stack starts with 0");
        if width > current {
            self.indents.push(width);
            self.push(Tok::Indent, Pos { line: pos.line, col: width.max(1) });
        } else {
            while width < *self.indents.last().expect("non-empty") {
                self.indents.pop();
                self.push(Tok::Dedent, pos);
            }
            if width != *self.indents.last().expect("non-empty") {
                let line_len = self.chars[self.i..].iter().take_while(|c| **c != '\n').count();
                let end = Pos { line: pos.line, col: pos.col + line_len };
                let mut e = self.err("unindent does not match any outer indentation level", end);
                e.kind = "IndentationError";
                return Err(e);
            }
        }
        Ok(false)
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let pos = self.pos();
        let start = self.i;
        if self.peek(0) == '0' && matches!(self.peek(1), 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
            let radix = match self.peek(1) {
                'x' | 'X' => 16,
                'o' | 'O' => 8,
                _ => 2,
            };
            self.bump();
            self.bump();
            let s = self.i;
            while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == '_' {
                self.bump();
            }
            // An underscore may follow the base's prefix (`0x_ff`), as it may follow a digit.
            let text: String = self.chars[s..self.i].iter().collect();
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            let digits = without_underscores(&text, radix, true)
                .map_err(|i| self.err(format!("invalid {kind} literal"), Pos { col: pos.col + 2 + i, ..pos }))?;
            let v = i128::from_str_radix(&digits, radix).map_err(|_| self.err("invalid number literal", pos))?;
            self.push(Tok::Int(v), pos);
            return Ok(());
        }
        let mut float = false;
        while self.peek(0).is_ascii_digit() || self.peek(0) == '_' {
            self.bump();
        }
        if self.peek(0) == '.' {
            float = true;
            self.bump();
            while self.peek(0).is_ascii_digit() || self.peek(0) == '_' {
                self.bump();
            }
        }
        if matches!(self.peek(0), 'e' | 'E')
            && (self.peek(1).is_ascii_digit() || (matches!(self.peek(1), '+' | '-') && self.peek(2).is_ascii_digit()))
        {
            float = true;
            self.bump();
            self.bump();
            while self.peek(0).is_ascii_digit() || self.peek(0) == '_' {
                self.bump();
            }
        }
        if matches!(self.peek(0), 'j' | 'J') {
            return Err(self.err("complex numbers are not supported by the playground", pos));
        }
        let text: String = self.chars[start..self.i].iter().collect();
        let text = without_underscores(&text, 10, false)
            .map_err(|i| self.err("invalid decimal literal", Pos { col: pos.col + i, ..pos }))?;
        if self.peek(0).is_alphabetic() || self.peek(0) == '_' {
            return Err(self.err("invalid decimal literal", pos));
        }
        if float {
            let v =
                playground_core::decimal::parse_f64(&text).ok_or_else(|| self.err("invalid number literal", pos))?;
            self.push(Tok::Float(v), pos);
        } else {
            match text.parse::<i128>() {
                Ok(v) => self.push(Tok::Int(v), pos),
                Err(_) => return Err(self.err("integers this large are not supported by the playground", pos)),
            }
        }
        Ok(())
    }

    fn string(&mut self, pos: Pos, fstring: bool, raw: bool) -> Result<(), SyntaxError> {
        let quote = self.bump();
        let triple = self.peek(0) == quote && self.peek(1) == quote;
        if triple {
            self.bump();
            self.bump();
        }
        let start = self.pos();
        let mut text = String::new();
        loop {
            if self.i >= self.chars.len() {
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", self.line)
                } else {
                    format!("unterminated string literal (detected at line {})", pos.line)
                };
                return Err(self.err(msg, pos));
            }
            let c = self.peek(0);
            if c == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) {
                self.bump();
                if triple {
                    self.bump();
                    self.bump();
                }
                break;
            }
            if c == '\n' && !triple {
                let msg = format!("unterminated string literal (detected at line {})", pos.line);
                return Err(self.err(msg, pos));
            }
            if c == '\\' {
                self.bump();
                let e = self.bump();
                text.push('\\');
                text.push(e);
                continue;
            }
            text.push(self.bump());
        }
        let _ = self.src;
        if !raw && !fstring {
            text = decode_escapes(&text).map_err(|m| self.err(m, pos))?;
        }
        self.push(Tok::Str { text, fstring, start, raw }, pos);
        Ok(())
    }

    fn op(&mut self, pos: Pos) -> Result<(), SyntaxError> {
        for op in OPS {
            if op.chars().enumerate().all(|(k, c)| self.peek(k) == c) {
                for _ in 0..op.chars().count() {
                    self.bump();
                }
                match op {
                    "(" | "[" | "{" => self.brackets.push((op.chars().next().expect("one char"), pos)),
                    ")" | "]" | "}" => {
                        let close = op.chars().next().expect("one char");
                        match self.brackets.pop() {
                            None => return Err(self.err(format!("unmatched '{close}'"), pos)),
                            Some((open, p)) => {
                                let want = match open {
                                    '(' => ')',
                                    '[' => ']',
                                    _ => '}',
                                };
                                if want != close {
                                    let msg = format!(
                                        "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                                    );
                                    let msg =
                                        if p.line != pos.line { format!("{msg} on line {}", p.line) } else { msg };
                                    return Err(self.err(msg, pos));
                                }
                            }
                        }
                    }
                    _ => {}
                }
                self.push(Tok::Op(op), pos);
                return Ok(());
            }
        }
        let c = self.peek(0);
        Err(self.err(format!("invalid character '{c}' (U+{:04X})", c as u32), pos))
    }
}
