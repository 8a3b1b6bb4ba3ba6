//! Colours for Python source: the spans the editor colours, found in one pass.
//!
//! Not a Python lexer: it only finds what is worth colouring (keywords, builtins, the name
//! after `def` and `class`, strings, numbers, comments, decorators), in linear time, and it
//! never fails. An unterminated string runs to the end of its line, or to the end of the text
//! for triple quotes. An f-string is coloured as a string except for its `{…}` expressions,
//! which are coloured as code (nested f-strings too, as Python 3.12 reads them).
//!
//! Offsets are bytes of the text, always on char boundaries: every span starts and ends at an
//! ASCII byte or at the end of the text.

/// What a coloured span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A keyword, `async` and `await` included; `match` and `case` where they start a statement.
    Keyword,
    /// A builtin function, type or exception (`print`, `range`, `ValueError`, …), not after a `.`.
    Builtin,
    /// The name a `def` or `class` defines.
    Definition,
    /// A string literal with its prefix and quotes (an f-string's literal parts).
    String,
    /// A number literal.
    Number,
    /// A comment, from `#` to the end of the line.
    Comment,
    /// A decorator: `@` and the dotted name after it, at the start of a line.
    Decorator,
}

/// A coloured span: `src[start..end]` (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it starts (a byte offset).
    pub start: usize,
    /// Where it ends (the byte offset after it).
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
}

/// A piece of the text as the editor draws it: a token or the plain text between two, cut
/// where a marked range (an error's) starts and ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Where it starts (a byte offset).
    pub start: usize,
    /// Where it ends (the byte offset after it).
    pub end: usize,
    /// Its colour, if it has one.
    pub kind: Option<TokenKind>,
    /// Whether it lies inside the marked range.
    pub marked: bool,
}

const KEYWORDS: &str = "False None True and as assert async await break class continue def del elif else \
except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield";

const BUILTINS: &str = "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr \
classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr \
globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min \
next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str \
sum super tuple type vars zip exit quit NotImplemented Ellipsis BaseException BaseExceptionGroup Exception \
ExceptionGroup ArithmeticError AssertionError AttributeError BufferError EOFError FloatingPointError \
GeneratorExit ImportError ModuleNotFoundError IndexError KeyError KeyboardInterrupt LookupError MemoryError \
NameError NotImplementedError OSError OverflowError RecursionError ReferenceError RuntimeError StopIteration \
StopAsyncIteration SyntaxError IndentationError TabError SystemError SystemExit TypeError UnboundLocalError \
UnicodeError ValueError ZeroDivisionError TimeoutError ConnectionError FileNotFoundError PermissionError";

/// The coloured spans of `src`, in order, never overlapping.
pub fn tokens(src: &str) -> Vec<Token> {
    let mut lexer = Lexer { src: src.as_bytes(), i: 0, out: Vec::new(), fstrings: Vec::new(), line_start: true };
    lexer.run();
    lexer.out
}

/// The whole of `src` as pieces, in order: its tokens, the plain text between them, each cut
/// where `mark` (a byte range) starts and ends, and marked inside it.
pub fn pieces(src: &str, mark: Option<(usize, usize)>) -> Vec<Piece> {
    let (from, to) = mark.unwrap_or((0, 0));
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize, kind: Option<TokenKind>| {
        // Cut at the mark's ends; nothing empty.
        let mut at = start;
        for cut in [from, to, end] {
            if cut > at && cut <= end {
                out.push(Piece { start: at, end: cut, kind, marked: at >= from && cut <= to && from < to });
                at = cut;
            }
        }
    };
    let mut at = 0;
    for t in tokens(src) {
        push(at, t.start, None);
        push(t.start, t.end, Some(t.kind));
        at = t.end;
    }
    push(at, src.len(), None);
    out
}

/// An f-string whose `{…}` expression is being read: its quote, and the brackets open in it.
struct FString {
    quote: u8,
    triple: bool,
    depth: usize,
}

struct Lexer<'a> {
    src: &'a [u8],
    i: usize,
    out: Vec<Token>,
    /// The f-strings whose expressions enclose the position, innermost last.
    fstrings: Vec<FString>,
    /// Whether nothing but blanks came before the position on its line (in code).
    line_start: bool,
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn listed(list: &str, word: &[u8]) -> bool {
    list.split(' ').any(|w| w.as_bytes() == word)
}

/// Whether `word` is a string prefix (`r`, `b`, `f`, `rb`, `fr`, `t`, …), and if so whether
/// the string is an f-string (or a t-string: its `{…}` are code alike).
fn prefix(word: &[u8]) -> Option<bool> {
    let (mut seen, mut f) = (0u8, false);
    if word.len() > 2 {
        return None;
    }
    for &c in word {
        let bit = match c | 0x20 {
            b'r' => 1,
            b'b' => 2,
            b'u' => 4,
            b'f' | b't' => 8,
            _ => return None,
        };
        f |= bit == 8;
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
    }
    // `u` goes alone, and bytes are never f-strings.
    let valid = (seen & 4 == 0 || word.len() == 1) && seen & 10 != 10;
    valid.then_some(f)
}

impl Lexer<'_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if end > start {
            self.out.push(Token { start, end, kind });
        }
    }

    /// Whether the significant token before `start` (blanks skipped, on any line) is a `.`.
    fn after_dot(&self, start: usize) -> bool {
        self.src[..start].iter().rev().find(|c| !c.is_ascii_whitespace()) == Some(&b'.')
    }

    /// The end of the run of bytes from `i` that `keep` accepts.
    fn run_while(&self, mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
        while i < self.src.len() && keep(self.src[i]) {
            i += 1;
        }
        i
    }

    fn run(&mut self) {
        let mut after_def = false;
        while self.i < self.src.len() {
            let (start, c) = (self.i, self.src[self.i]);
            self.i += 1;
            if c == b'\n' {
                self.line_start = true;
                // A one-quote f-string ends with its line.
                while self.fstrings.last().is_some_and(|f| !f.triple) {
                    self.fstrings.pop();
                }
                continue;
            }
            if c.is_ascii_whitespace() {
                continue;
            }
            let line_start = std::mem::take(&mut self.line_start);
            let was_def = std::mem::take(&mut after_def);
            match c {
                b'#' => {
                    self.i = self.run_while(start, |c| c != b'\n');
                    self.push(start, self.i, TokenKind::Comment);
                }
                b'\'' | b'"' => self.string(start, start, false),
                b'0'..=b'9' => self.number(start),
                b'.' if self.src.get(self.i).is_some_and(u8::is_ascii_digit) => self.number(start),
                b'@' if line_start => {
                    let i = self.run_while(self.i, |c| c == b' ' || c == b'\t');
                    self.i = self.run_while(i, |c| is_word(c) || c == b'.');
                    self.push(start, self.i, TokenKind::Decorator);
                }
                c if is_word(c) => after_def = self.word(start, was_def, line_start),
                b'{' | b'(' | b'[' => {
                    if let Some(f) = self.fstrings.last_mut() {
                        f.depth += 1;
                    }
                }
                b'}' | b')' | b']' | b':' => match self.fstrings.last_mut() {
                    // The end of an f-string's expression (`}`), or its format spec (`:`):
                    // the rest is the string's again.
                    Some(f) if f.depth == 0 && (c == b'}' || c == b':') => {
                        let (quote, triple) = (f.quote, f.triple);
                        self.fstrings.pop();
                        self.body(start, quote, triple, true);
                    }
                    Some(f) if c != b':' => f.depth = f.depth.saturating_sub(1),
                    _ => {}
                },
                _ => {}
            }
        }
    }

    /// A name from `start`: a keyword, a builtin, a defined name, a string's prefix, or none.
    /// Returns whether it was `def` or `class`.
    fn word(&mut self, start: usize, was_def: bool, line_start: bool) -> bool {
        self.i = self.run_while(self.i, is_word);
        let word = &self.src[start..self.i];
        if let Some(f) = self.src.get(self.i).filter(|q| matches!(q, b'\'' | b'"')).and_then(|_| prefix(word)) {
            self.string(start, self.i, f);
            return false;
        }
        let soft = line_start && (word == b"match" || word == b"case");
        let kind = if was_def {
            Some(TokenKind::Definition)
        } else if listed(KEYWORDS, word) || (soft && self.starts_statement()) {
            Some(TokenKind::Keyword)
        } else if listed(BUILTINS, word) && !self.after_dot(start) {
            Some(TokenKind::Builtin)
        } else {
            None
        };
        if let Some(kind) = kind {
            self.push(start, self.i, kind);
        }
        !was_def && (word == b"def" || word == b"class")
    }

    /// Whether the soft keyword just read starts a `match` or `case` statement: something
    /// other than an operator follows it, and its line holds a `:`.
    fn starts_statement(&self) -> bool {
        let next = self.run_while(self.i, |c| c == b' ' || c == b'\t');
        let end = self.run_while(next, |c| c != b'\n');
        next < end && !b"=.,:;)]}#".contains(&self.src[next]) && self.src[next..end].contains(&b':')
    }

    fn number(&mut self, start: usize) {
        let hex = self.src[start] == b'0' && matches!(self.src.get(start + 1), Some(b'x' | b'X'));
        let mut i = self.i;
        while let Some(&c) = self.src.get(i) {
            let exponent = !hex && (c == b'+' || c == b'-') && matches!(self.src[i - 1], b'e' | b'E');
            if !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent) {
                break;
            }
            i += 1;
        }
        self.i = i;
        self.push(start, i, TokenKind::Number);
    }

    /// A string from `start` (its prefix) whose opening quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize, f: bool) {
        let quote = self.src[quote_at];
        let triple = self.src[quote_at..].starts_with(&[quote; 3]);
        self.i = quote_at + if triple { 3 } else { 1 };
        self.body(start, quote, triple, f);
    }

    /// A string's body from the position (after its opening quote, or an f-string's `}` or
    /// `:`), pushed as a string from `start`. It ends after its closing quote, at the end of
    /// its line (one quote) or of the text, or, in an f-string, after a `{` that opens an
    /// expression (then read as code until its `}`).
    fn body(&mut self, start: usize, quote: u8, triple: bool, f: bool) {
        let s = self.src;
        let mut i = self.i;
        while i < s.len() {
            let c = s[i];
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'\n' && !triple {
                break;
            }
            if c == quote && (!triple || s[i..].starts_with(&[quote; 3])) {
                i += if triple { 3 } else { 1 };
                break;
            }
            if f && c == b'{' {
                if s.get(i + 1) == Some(&b'{') {
                    i += 2;
                    continue;
                }
                self.push(start, i + 1, TokenKind::String);
                self.fstrings.push(FString { quote, triple, depth: 0 });
                self.i = i + 1;
                return;
            }
            i += 1;
        }
        self.i = i.min(s.len());
        self.push(start, self.i, TokenKind::String);
    }
}
