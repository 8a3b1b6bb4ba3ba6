//! CPython's more helpful messages for two generic syntax errors, found from the tokens
//! around where the parser failed, as CPython's `invalid_expression` and
//! `invalid_named_expression` rules find them: two expressions side by side inside brackets
//! (`invalid syntax. Perhaps you forgot a comma?`, at the first one), and `if x = 1:`
//! (`invalid syntax. Maybe you meant '==' or ':=' instead of '='?`, at the name).

use super::KEYWORDS;
use crate::error::SyntaxError;
use crate::lexer::{Tok, Token};

/// Names that are expressions although they are keywords.
const VALUE_KEYWORDS: [&str; 3] = ["None", "True", "False"];

fn ends_expression(t: &Tok) -> bool {
    match t {
        Tok::Name(n) => !KEYWORDS.contains(&n.as_str()) || VALUE_KEYWORDS.contains(&n.as_str()),
        Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
        Tok::Op(op) => matches!(*op, ")" | "]" | "}" | "..."),
        _ => false,
    }
}

fn starts_expression(t: &Tok) -> bool {
    match t {
        Tok::Name(n) => {
            !KEYWORDS.contains(&n.as_str())
                || matches!(n.as_str(), "None" | "True" | "False" | "not" | "lambda" | "await")
        }
        Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
        Tok::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

/// Where the disjunction (an expression without `if`/`else`, `lambda` or `:=`) that ends
/// with token `last` starts: back over brackets and operators to the delimiter before it;
/// `None` in a comprehension's `for` or `if` clause, which CPython parses as a bare
/// disjunction (so two side by side there are a generic error).
fn disjunction_start(tokens: &[Token], last: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = last;
    loop {
        match &tokens[i].tok {
            Tok::Op(")" | "]" | "}") => depth += 1,
            Tok::Op("(" | "[" | "{") if depth == 0 => return Some(i + 1),
            Tok::Op("(" | "[" | "{") => depth -= 1,
            Tok::Op("," | ":" | "=" | ":=" | "->" | ";") if depth == 0 => return Some(i + 1),
            Tok::Op(op) if depth == 0 && op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">=") => {
                return Some(i + 1)
            }
            Tok::Name(n) if depth == 0 && matches!(n.as_str(), "for" | "if") => return None,
            Tok::Name(n)
                if depth == 0
                    && KEYWORDS.contains(&n.as_str())
                    && !matches!(
                        n.as_str(),
                        "and" | "or" | "not" | "in" | "is" | "await" | "None" | "True" | "False"
                    ) =>
            {
                return Some(i + 1)
            }
            Tok::Newline | Tok::Indent | Tok::Dedent => return Some(i + 1),
            _ => {}
        }
        if i == 0 {
            return Some(0);
        }
        i -= 1;
    }
}

/// How many brackets are open before token `at`.
fn open_brackets(tokens: &[Token], at: usize) -> usize {
    tokens[..at].iter().fold(0usize, |n, t| match t.tok {
        Tok::Op("(" | "[" | "{") => n + 1,
        Tok::Op(")" | "]" | "}") => n.saturating_sub(1),
        _ => n,
    })
}

/// CPython's message for `e` where it has a more helpful one than the parser's.
pub fn helpful(tokens: &[Token], e: SyntaxError) -> SyntaxError {
    let Some(at) = tokens.iter().position(|t| (t.pos.line, t.pos.col) >= (e.line, e.col)) else { return e };
    if at == 0 || e.kind != "SyntaxError" {
        return e;
    }
    let (prev, here) = (&tokens[at - 1].tok, &tokens[at].tok);
    if e.msg == "invalid syntax"
        && open_brackets(tokens, at) > 0
        && ends_expression(prev)
        && starts_expression(here)
        && !(matches!(prev, Tok::Name(_)) && matches!(here, Tok::Str { .. }))
    {
        if let Some(start) = disjunction_start(tokens, at - 1) {
            return SyntaxError::new("invalid syntax. Perhaps you forgot a comma?", tokens[start].pos);
        }
    }
    // `if x = 1:`: a name, `=` and an expression where an expression was wanted.
    if e.msg == "expected ':'" && matches!(here, Tok::Op("=")) && at >= 2 {
        if let (Tok::Name(n), Tok::Name(kw)) = (prev, &tokens[at - 2].tok) {
            if !KEYWORDS.contains(&n.as_str()) && matches!(kw.as_str(), "if" | "elif" | "while") {
                let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                return SyntaxError::new(msg, tokens[at - 1].pos);
            }
        }
    }
    e
}
