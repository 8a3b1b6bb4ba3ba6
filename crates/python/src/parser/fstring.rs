//! Atoms: names, numbers, strings (f-strings included), and bracketed displays.

use super::{Parser, KEYWORDS};
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::{tokenize, Pos, Tok};

impl Parser {
    pub(super) fn atom(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let kind = match self.tok().clone() {
            Tok::Int(v) => {
                self.advance();
                ExprKind::Int(v)
            }
            Tok::Float(v) => {
                self.advance();
                ExprKind::Float(v)
            }
            Tok::Str { .. } => return self.strings(),
            Tok::Op("...") => {
                self.advance();
                ExprKind::Ellipsis
            }
            Tok::Name(n) => match n.as_str() {
                "None" => {
                    self.advance();
                    ExprKind::None
                }
                "True" | "False" => {
                    self.advance();
                    ExprKind::Bool(n == "True")
                }
                "yield" => {
                    self.advance();
                    return Err(SyntaxError::new("invalid syntax", pos));
                }
                _ if KEYWORDS.contains(&n.as_str()) => return Err(self.invalid()),
                _ => {
                    self.advance();
                    ExprKind::Name(n.as_str().into())
                }
            },
            Tok::Op("(") => {
                self.advance();
                if self.eat_op(")") {
                    return Ok(Expr { pos, kind: ExprKind::Tuple(vec![]), end: self.prev_end() });
                }
                if self.is_kw("yield") {
                    let p = self.advance().pos;
                    self.refuse_yield_from(p)?;
                    let value = if !self.is_op(")") { Some(Box::new(self.test_list_star()?)) } else { None };
                    self.expect_op(")")?;
                    return Ok(self.yielded(p, value));
                }
                let first = self.star_or_test_pub()?;
                if self.is_kw("for") || self.is_kw("async") {
                    let mut e = self.comprehension(CompKind::Gen, first, None, pos)?;
                    self.expect_op(")")?;
                    e.end = self.prev_end();
                    return Ok(e);
                }
                if self.eat_op(")") {
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.is_op(")") {
                        break;
                    }
                    items.push(self.star_or_test_pub()?);
                }
                if !self.eat_op(")") {
                    return Err(self.invalid());
                }
                ExprKind::Tuple(items)
            }
            Tok::Op("[") => {
                self.advance();
                let mut items = Vec::new();
                while !self.is_op("]") {
                    let e = self.star_or_test_pub()?;
                    if items.is_empty() && (self.is_kw("for") || self.is_kw("async")) {
                        let mut c = self.comprehension(CompKind::List, e, None, pos)?;
                        self.expect_op("]")?;
                        c.end = self.prev_end();
                        return Ok(c);
                    }
                    items.push(e);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                if !self.eat_op("]") {
                    return Err(self.invalid());
                }
                ExprKind::List(items)
            }
            Tok::Op("{") => return self.brace(pos),
            _ => return Err(self.invalid()),
        };
        Ok(Expr { pos, kind, end: self.prev_end() })
    }

    fn star_or_test_pub(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_op("*") {
            let pos = self.advance().pos;
            return Ok(Expr { pos, kind: ExprKind::Starred(Box::new(self.expr()?)), end: self.prev_end() });
        }
        self.named_test()
    }

    fn brace(&mut self, pos: Pos) -> Result<Expr, SyntaxError> {
        self.advance();
        if self.eat_op("}") {
            return Ok(Expr { pos, kind: ExprKind::Dict(vec![]), end: self.prev_end() });
        }
        let mut dict: Vec<(Option<Expr>, Expr)> = Vec::new();
        let mut set = Vec::new();
        let mut is_dict = None;
        loop {
            if self.eat_op("**") {
                is_dict = Some(true);
                dict.push((None, self.expr()?));
            } else {
                let k = self.star_or_test_pub()?;
                if is_dict != Some(false) && self.eat_op(":") {
                    let v = self.test()?;
                    if is_dict.is_none() && (self.is_kw("for") || self.is_kw("async")) {
                        let mut c = self.comprehension(CompKind::Dict, k, Some(v), pos)?;
                        self.expect_op("}")?;
                        c.end = self.prev_end();
                        return Ok(c);
                    }
                    is_dict = Some(true);
                    dict.push((Some(k), v));
                } else if is_dict == Some(true) {
                    return Err(SyntaxError::new("':' expected after dictionary key", self.prev_end()));
                } else {
                    if is_dict.is_none() && (self.is_kw("for") || self.is_kw("async")) {
                        let mut c = self.comprehension(CompKind::Set, k, None, pos)?;
                        self.expect_op("}")?;
                        c.end = self.prev_end();
                        return Ok(c);
                    }
                    is_dict = Some(false);
                    set.push(k);
                }
            }
            if !self.eat_op(",") || self.is_op("}") {
                break;
            }
        }
        if !self.eat_op("}") {
            return Err(self.invalid());
        }
        let kind = if is_dict == Some(true) { ExprKind::Dict(dict) } else { ExprKind::Set(set) };
        Ok(Expr { pos, kind, end: self.prev_end() })
    }

    /// Adjacent string literals, joined; an f-string among them makes the whole an f-string.
    fn strings(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let mut parts: Vec<FPart> = Vec::new();
        let mut any_f = false;
        while let Tok::Str { text, fstring, start, raw } = self.tok().clone() {
            let end = self.advance().end;
            if fstring {
                any_f = true;
                let more = fstring_parts(&text, start, raw).map_err(|mut e| {
                    if e.msg.starts_with("f-string: ") {
                        e.line = end.line;
                        e.col = end.col;
                    }
                    e
                })?;
                parts.extend(more);
            } else {
                parts.push(FPart::Lit(text));
            }
        }
        if !any_f {
            let s: String = parts.into_iter().map(|p| if let FPart::Lit(s) = p { s } else { String::new() }).collect();
            let interned = s.chars().count() <= 1 || s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let s: std::rc::Rc<str> = match interned {
                true => self.interned.entry(s.clone()).or_insert_with(|| s.into()).clone(),
                false => s.into(),
            };
            return Ok(Expr { pos, kind: ExprKind::Str(s), end: self.prev_end() });
        }
        Ok(Expr { pos, kind: ExprKind::FString(parts), end: self.prev_end() })
    }
}

/// Decodes the escapes of an f-string's literal text.
fn unescape(s: &str, raw: bool) -> String {
    if raw {
        return s.to_string();
    }
    crate::lexer::decode_escapes(s).unwrap_or_else(|_| s.to_string())
}

fn advance_pos(mut p: Pos, text: &[char]) -> Pos {
    for c in text {
        if *c == '\n' {
            p.line += 1;
            p.col = 1;
        } else {
            p.col += 1;
        }
    }
    p
}

/// Splits an f-string's text into literal pieces and `{expr!c:spec}` fields.
fn fstring_parts(text: &str, start: Pos, raw: bool) -> Result<Vec<FPart>, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            let p = advance_pos(start, &chars[..i]);
            return Err(SyntaxError::new("f-string: single '}' is not allowed", p));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(unescape(&std::mem::take(&mut lit), raw)));
        }
        let (part, next) = field(&chars, i + 1, start, raw)?;
        parts.push(part);
        i = next;
    }
    if !lit.is_empty() {
        parts.push(FPart::Lit(unescape(&lit, raw)));
    }
    Ok(parts)
}

/// Parses one `{...}` field starting after its `{`; returns it and the index after its `}`.
fn field(chars: &[char], from: usize, start: Pos, raw: bool) -> Result<(FPart, usize), SyntaxError> {
    let mut depth = 0;
    let mut i = from;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else if c == '\'' || c == '"' {
            quote = Some(c);
        } else if "([{".contains(c) {
            depth += 1;
        } else if ")]}".contains(c) && depth > 0 {
            depth -= 1;
        } else if depth == 0 && (c == '}' || c == ':' || (c == '!' && chars.get(i + 1) != Some(&'='))) {
            break;
        }
        i += 1;
    }
    let expr_chars = &chars[from..i];
    let mut expr_text: String = expr_chars.iter().collect();
    let mut debug = None;
    let trimmed = expr_text.trim_end();
    if trimmed.ends_with('=') && !trimmed.ends_with("==") && !trimmed.ends_with("!=") {
        debug = Some(expr_text.clone());
        expr_text = trimmed[..trimmed.len() - 1].to_string();
    }
    let epos = advance_pos(start, &chars[..from]);
    if expr_text.trim().is_empty() {
        let p = advance_pos(start, &chars[..i]);
        return Err(SyntaxError::new("f-string: empty expression not allowed", p));
    }
    let expr = parse_field_expr(&expr_text, epos)?;
    let mut conv = None;
    if chars.get(i) == Some(&'!') {
        let c = chars.get(i + 1).copied().unwrap_or(' ');
        if !"sra".contains(c) || c == ' ' {
            let p = advance_pos(start, &chars[..i + 1]);
            return Err(SyntaxError::new("f-string: invalid conversion character: expected 's', 'r', or 'a'", p));
        }
        conv = Some(c);
        i += 2;
    }
    let mut spec = Vec::new();
    if chars.get(i) == Some(&':') {
        i += 1;
        let s = i;
        let mut depth = 0;
        while i < chars.len() && !(chars[i] == '}' && depth == 0) {
            match chars[i] {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let spec_text: String = chars[s..i].iter().collect();
        spec = fstring_parts(&spec_text, advance_pos(start, &chars[..s]), raw)?;
    }
    if chars.get(i) != Some(&'}') {
        let p = advance_pos(start, &chars[..i.min(chars.len())]);
        return Err(SyntaxError::new("f-string: expecting '}'", p));
    }
    Ok((FPart::Expr { expr: Box::new(expr), conv, spec, debug }, i + 1))
}

fn parse_field_expr(text: &str, pos: Pos) -> Result<Expr, SyntaxError> {
    let wrapped = format!("({})", text.replace('\n', " "));
    let shift = |mut e: SyntaxError| {
        e.line += pos.line - 1;
        e.col = (e.col + pos.col).saturating_sub(2).max(1);
        e.msg = format!("f-string: {}", e.msg);
        e
    };
    let mut tokens = tokenize(&wrapped).map_err(shift)?;
    let moved = |p: Pos| Pos { line: pos.line + p.line - 1, col: (p.col + pos.col).saturating_sub(2).max(1) };
    for t in &mut tokens {
        (t.pos, t.end) = (moved(t.pos), moved(t.end));
    }
    let mut p = Parser { tokens, i: 0, depth: 0, yields: Vec::new(), interned: Default::default() };
    let e = p.test_list_star().map_err(|mut e| {
        e.msg = format!("f-string: {}", e.msg);
        e
    })?;
    Ok(e)
}
