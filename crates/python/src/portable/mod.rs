//! Portable values: Python values in a form that crosses to another interpreter of the
//! same program (a pool's worker, in the browser a Web Worker reached with `postMessage`),
//! as a compact string. Nothing is shared: the other side builds copies.
//!
//! What crosses: `None`, `bool`, `int`, `float`, `str`, `list`, `tuple`, `dict`, `set`,
//! `range`, `slice`, `...`; the program's functions (named by the position of their `def` or
//! `lambda`, which both sides parse identically, with their defaults and the enclosing
//! functions' variables they close over), classes (name, bases, attributes) and instances
//! (class, attributes; an exception's traceback frames too), bound methods, descriptors
//! (`staticmethod`...), built-in classes and functions, modules and `sys.stdout` by name.
//! Shared references and cycles are kept within one message (the same list twice stays
//! one list). What cannot cross (tasks, futures, coroutines, iterators, the loop, locks,
//! events, queues, pools...) is refused with the Python exception to raise ([`Unsendable`]).
//!
//! The wire: a stream of values, each a tag character and its fields; numbers end with
//! `;`, texts are `LEN:BYTES`. `N` `T` `F`; `i<int>;`; `f<hex bits>;`; `s<text>`;
//! `R<a>;<b>;<c>;`; `U<n>;` and n items (tuple); `Z` and 3 items (slice); `L`, `D`, `S`
//! (list, dict, set: made empty, filled later); `P<line>;<col>;` qualname, defaults,
//! keyword defaults and scope (function); `K` name, flag, bases (class, filled later); `I`
//! class and traceback (instance, filled later); `B<name>` (built-in class); `b` module,
//! name (built-in function); `m` object, name (built-in method); `O` self, function (bound
//! method); `Q<name>` (module); `o0` / `o1` (stdout, stderr); `E` (`...`); `d<k>` and a
//! value (descriptor); `@<id>;` (an object already read in this message); `^<k>;` (the
//! k-th class or function of the request, in a reply). Scopes: `M` (the module's), `@<id>;`,
//! or `C` kind (`d<line>;<col>;`, `c` names, `k`) and parent (filled later). Objects are
//! numbered in the order they are made; containers are filled, in the order they were made,
//! after the values that made them: so cycles and sharing need no look-ahead.

mod decode;
mod defs;
mod encode;
mod refuse;

pub use decode::Decoder;
pub use encode::{sorted, Encoder};

use crate::interp::Scope;
use crate::value::{Class, Dict, Instance, Items};
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// A container made empty, filled after the values that made it (in the order made).
enum Fill {
    List(Rc<RefCell<Items>>),
    Dict(Rc<RefCell<Dict>>, bool),
    Instance(Rc<Instance>),
    Class(Rc<Class>),
    Scope(Rc<Scope>),
}

/// The end of the messages about values that cannot be sent.
pub const WHY: &str = "the playground runs functions given to pools in a Web Worker, with a copy of the program's data";

/// Nesting (of tuples, functions' defaults...) beyond which a value is not sent: each level
/// takes about 1 KB of native stack in a release build.
pub const MAX_NESTING: usize = 100;

/// A value that cannot be sent: the Python exception to raise instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsendable {
    /// The exception's class: `TypeError`, `AttributeError`, `PicklingError` (`_pickle`'s),
    /// `RecursionError`.
    pub class: &'static str,
    /// Its message.
    pub msg: String,
}

impl Unsendable {
    /// A `TypeError` for an object of type `type_name` that cannot be sent to a thread.
    pub fn thread(type_name: &str) -> Unsendable {
        Unsendable { class: "TypeError", msg: format!("cannot send '{type_name}' object to a worker: {WHY}") }
    }
}

impl fmt::Display for Unsendable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.msg)
    }
}

/// Why a message could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// It ends too soon.
    Truncated,
    /// An unexpected character at this byte offset.
    Unexpected(usize),
    /// A number or a text's length that does not parse, at this byte offset.
    BadNumber(usize),
    /// A text that is not UTF-8 or not whole, at this byte offset.
    BadText(usize),
    /// A reference to an object the message has not made.
    BadRef(usize),
    /// A function whose definition (line, column) is not in the program.
    UnknownDef(usize, usize),
    /// A built-in class, function or module this interpreter does not have.
    Unknown(String),
    /// Nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// A dict key or set item that cannot be hashed.
    Unhashable,
    /// Not a message of this version of the format.
    Version,
    /// Characters after the end of the message, at this byte offset.
    Trailing(usize),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Truncated => write!(f, "the message ends too soon"),
            WireError::Unexpected(at) => write!(f, "unexpected character at byte {at}"),
            WireError::BadNumber(at) => write!(f, "a number that does not parse at byte {at}"),
            WireError::BadText(at) => write!(f, "a text that is not whole at byte {at}"),
            WireError::BadRef(id) => write!(f, "a reference to object {id}, which the message has not made"),
            WireError::UnknownDef(line, col) => write!(f, "no function is defined at line {line}, column {col}"),
            WireError::Unknown(name) => write!(f, "no built-in '{name}'"),
            WireError::TooDeep => write!(f, "values nested deeper than {MAX_NESTING}"),
            WireError::Unhashable => write!(f, "an unhashable dict key or set item"),
            WireError::Version => write!(f, "not a message of this version of the playground"),
            WireError::Trailing(at) => write!(f, "characters after the end of the message, at byte {at}"),
        }
    }
}

impl std::error::Error for WireError {}

/// Writes a message.
#[derive(Default)]
pub struct Writer(pub String);

impl Writer {
    /// A tag character.
    pub fn tag(&mut self, c: char) {
        self.0.push(c);
    }
    /// A number, ended by `;`.
    pub fn num(&mut self, n: impl fmt::Display) {
        use fmt::Write as _;
        let _ = write!(self.0, "{n};");
    }
    /// A text: its length in bytes, `:`, its bytes.
    pub fn text(&mut self, s: &str) {
        use fmt::Write as _;
        let _ = write!(self.0, "{}:{s}", s.len());
    }
}

/// Reads a message: every step checks what it reads, so garbled input is an error, never a panic.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `s`.
    pub fn new(s: &'a str) -> Reader<'a> {
        Reader { bytes: s.as_bytes(), pos: 0 }
    }
    /// Where it is (a byte offset).
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// The next byte, not taken.
    pub fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }
    /// The next byte.
    pub fn tag(&mut self) -> Result<u8, WireError> {
        let b = *self.bytes.get(self.pos).ok_or(WireError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }
    /// The next byte, which must be `want`.
    pub fn expect(&mut self, want: u8) -> Result<(), WireError> {
        let at = self.pos;
        if self.tag()? != want {
            return Err(WireError::Unexpected(at));
        }
        Ok(())
    }
    fn until(&mut self, end: u8) -> Result<&'a str, WireError> {
        let start = self.pos;
        let len = self.bytes[start..].iter().position(|&b| b == end).ok_or(WireError::Truncated)?;
        self.pos = start + len + 1;
        std::str::from_utf8(&self.bytes[start..start + len]).map_err(|_| WireError::BadNumber(start))
    }
    /// A number ended by `;`.
    pub fn num<T: std::str::FromStr>(&mut self) -> Result<T, WireError> {
        let at = self.pos;
        self.until(b';')?.parse().map_err(|_| WireError::BadNumber(at))
    }
    /// A number in hexadecimal, ended by `;`.
    pub fn hex(&mut self) -> Result<u64, WireError> {
        let at = self.pos;
        u64::from_str_radix(self.until(b';')?, 16).map_err(|_| WireError::BadNumber(at))
    }
    /// A text (`LEN:BYTES`).
    pub fn text(&mut self) -> Result<&'a str, WireError> {
        let at = self.pos;
        let len: usize = self.until(b':')?.parse().map_err(|_| WireError::BadNumber(at))?;
        let start = self.pos;
        let end = start.checked_add(len).ok_or(WireError::BadText(start))?;
        let bytes = self.bytes.get(start..end).ok_or(WireError::Truncated)?;
        self.pos = end;
        std::str::from_utf8(bytes).map_err(|_| WireError::BadText(start))
    }
    /// Fails unless the whole message was read.
    pub fn end(&self) -> Result<(), WireError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(WireError::Trailing(self.pos))
        }
    }
}
