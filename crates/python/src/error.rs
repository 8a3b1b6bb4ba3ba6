//! What can stop a program before it runs: a syntax error, or a construct the playground refuses.

use crate::lexer::Pos;
use std::fmt;

/// A syntax error, as CPython reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError` or `IndentationError` (`Refused` inside the parser, for a construct it refuses).
    pub kind: &'static str,
    /// CPython's message, e.g. `expected ':'`.
    pub msg: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
}

impl SyntaxError {
    /// A `SyntaxError` at `pos`.
    pub fn new(msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError { kind: "SyntaxError", msg: msg.into(), line: pos.line, col: pos.col }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "File \"{}\", line {}, column {}: {}: {}", crate::MAIN_FILE, self.line, self.col, self.kind, self.msg)
    }
}

/// A construct outside the playground's language, found before the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The construct, e.g. `input()` or `import os`.
    pub construct: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {} is not supported by the playground", self.line, self.col, self.construct)
    }
}

/// Why a program cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// It does not parse.
    Syntax(SyntaxError),
    /// It uses something the playground does not support.
    Refused(Refusal),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Syntax(e) => e.fmt(f),
            CheckError::Refused(r) => r.fmt(f),
        }
    }
}

impl std::error::Error for CheckError {}

impl From<SyntaxError> for CheckError {
    fn from(e: SyntaxError) -> Self {
        CheckError::Syntax(e)
    }
}
