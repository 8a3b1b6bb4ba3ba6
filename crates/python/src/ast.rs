//! The syntax tree, with the position of every statement and expression.

// The fields of the struct-like variants are named as in Python's own `ast` module.
#![allow(missing_docs)]

use crate::lexer::Pos;
use std::collections::HashSet;
use std::rc::Rc;

/// A sequence of statements.
pub type Block = Vec<Stmt>;

/// A statement and where it starts.
#[derive(Debug)]
pub struct Stmt {
    /// Where it starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// One name of an `import` statement: the dotted name, its alias, where it is.
#[derive(Debug)]
pub struct Alias {
    /// The (dotted) name.
    pub name: String,
    /// `as` name.
    pub asname: Option<String>,
    /// Where the name is.
    pub pos: Pos,
}

/// A statement.
#[derive(Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effects.
    Expr(Expr),
    /// `a = b = value`.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `a += value`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `a: T = value`.
    AnnAssign { target: Expr, value: Option<Expr> },
    /// `import a, b as c`.
    Import(Vec<Alias>),
    /// `from m import a, b as c`.
    ImportFrom { module: String, names: Vec<Alias>, star: bool },
    /// `def` or `async def`.
    FuncDef(Rc<FuncDef>),
    /// `class`.
    ClassDef(Rc<ClassDef>),
    /// `return`.
    Return(Option<Expr>),
    /// `if` / `elif` / `else`.
    If { test: Expr, body: Block, orelse: Block },
    /// `for` or `async for`.
    For { target: Expr, iter: Expr, body: Block, orelse: Block, is_async: bool },
    /// `while`.
    While { test: Expr, body: Block, orelse: Block },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// `try` with its handlers (`except*` if `star`).
    Try { body: Block, handlers: Vec<Handler>, orelse: Block, finalbody: Block, star: bool },
    /// `raise exc from cause`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    /// `with` or `async with`.
    With { items: Vec<(Expr, Option<Expr>)>, body: Block, is_async: bool },
    /// `del a, b[k]`.
    Delete(Vec<Expr>),
    /// `assert test, msg`.
    Assert { test: Expr, msg: Option<Expr> },
}

/// An `except` clause.
#[derive(Debug)]
pub struct Handler {
    /// Where it starts.
    pub pos: Pos,
    /// The type (or tuple of types) it catches; all if `None`.
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<String>,
    /// Its body.
    pub body: Block,
}

/// A parameter.
#[derive(Debug)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// Its default value.
    pub default: Option<Expr>,
}

/// A function's parameters.
#[derive(Debug, Default)]
pub struct Params {
    /// Positional parameters (the first `posonly` of them before `/`: positional only).
    pub args: Vec<Param>,
    /// How many of `args` are positional only.
    pub posonly: usize,
    /// `*args`.
    pub vararg: Option<String>,
    /// Keyword-only parameters.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<String>,
}

/// A function: `def`, `async def` or `lambda`.
#[derive(Debug)]
pub struct FuncDef {
    /// Its name (`<lambda>` for a lambda).
    pub name: String,
    /// Its parameters.
    pub params: Params,
    /// Its body (a lambda's is one `return`).
    pub body: Block,
    /// `async def`.
    pub is_async: bool,
    /// Its body yields: calling it makes a generator (an asynchronous one for `async def`).
    pub is_gen: bool,
    /// Its decorators.
    pub decorators: Vec<Expr>,
    /// Where it starts.
    pub pos: Pos,
    /// The names it assigns (its local variables), parameters included.
    pub locals: HashSet<String>,
    /// The same names in CPython's order of them (the order a returning frame frees them in).
    pub order: Vec<String>,
    /// The names it declares `global`.
    pub globals: HashSet<String>,
    /// The names it declares `nonlocal`.
    pub nonlocals: HashSet<String>,
}

/// A class.
#[derive(Debug)]
pub struct ClassDef {
    /// Its name.
    pub name: String,
    /// Its bases.
    pub bases: Vec<Expr>,
    /// Its keywords (`metaclass=`).
    pub keywords: Vec<(String, Expr)>,
    /// Its body.
    pub body: Block,
    /// Its decorators.
    pub decorators: Vec<Expr>,
    /// Where it starts.
    pub pos: Pos,
}

/// An expression and where it starts.
#[derive(Debug)]
pub struct Expr {
    /// Where it starts.
    pub pos: Pos,
    /// Where it ends (the column after its last character), as CPython's `end_col_offset`:
    /// a traceback marks the expression that failed from `pos` to `end`.
    pub end: Pos,
    /// What it is.
    pub kind: ExprKind,
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `not`
    Not,
    /// `~`
    Invert,
}

/// A piece of an f-string.
#[derive(Debug)]
pub enum FPart {
    /// Literal text.
    Lit(String),
    /// `{expr!conv:spec}`, with `debug` the text before `=` for `{expr=}`.
    Expr { expr: Box<Expr>, conv: Option<char>, spec: Vec<FPart>, debug: Option<String> },
}

/// What a comprehension builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// `[x for ...]`
    List,
    /// `{x for ...}`
    Set,
    /// `{k: v for ...}`
    Dict,
    /// `(x for ...)`
    Gen,
}

/// One `for ... in ... if ...` of a comprehension.
#[derive(Debug)]
pub struct CompFor {
    /// Where its `for` (or `async for`) starts.
    pub pos: Pos,
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// Its conditions.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// A comprehension or generator expression: shared, so a lazy generator can keep it.
#[derive(Debug)]
pub struct Comprehension {
    /// What it builds.
    pub kind: CompKind,
    /// The item (a dict's key).
    pub elt: Expr,
    /// A dict's value.
    pub value: Option<Expr>,
    /// Its `for` clauses.
    pub gens: Vec<CompFor>,
}

/// An expression.
#[derive(Debug)]
pub enum ExprKind {
    /// A name.
    Name(Rc<str>),
    /// An integer.
    Int(i128),
    /// A float.
    Float(f64),
    /// A string.
    Str(Rc<str>),
    /// An f-string.
    FString(Vec<FPart>),
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **d}` (a `None` key is `**`).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x`.
    Starred(Box<Expr>),
    /// `a + b`.
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    /// `-a`.
    Unary(UnOp, Box<Expr>),
    /// `a and b`.
    And(Box<Expr>, Box<Expr>),
    /// `a or b`.
    Or(Box<Expr>, Box<Expr>),
    /// `a < b <= c`.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `f(a, *b, k=c, **d)` (a `None` keyword is `**`).
    Call { func: Box<Expr>, args: Vec<Expr>, kwargs: Vec<(Option<String>, Expr)> },
    /// `a.b`.
    Attribute(Box<Expr>, Rc<str>),
    /// `a[b]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `a if test else b`.
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda`.
    Lambda(Rc<FuncDef>),
    /// `await x`.
    Await(Box<Expr>),
    /// A comprehension or generator expression.
    Comp(Rc<Comprehension>),
    /// `yield` and the value it yields (a `def` with one is a generator function).
    Yield(Option<Box<Expr>>),
    /// `name := value`.
    Walrus(Rc<str>, Box<Expr>),
}

pub use crate::scope::{assigned_names, nonlocal_names, target_names};
