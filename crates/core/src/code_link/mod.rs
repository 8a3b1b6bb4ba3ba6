//! The codec of the `code` key of share links (link version 1): a program's UTF-8 source,
//! compressed with raw DEFLATE (RFC 1951, no zlib header), then base64url (RFC 4648 §5)
//! without padding. Node writes the same with
//! `zlib.deflateRawSync(Buffer.from(src, 'utf8')).toString('base64url')`.
//!
//! [`decode_program`] reads any valid raw DEFLATE stream (stored, fixed and dynamic Huffman
//! blocks, distances up to 32 KiB), whatever wrote it. [`encode_program`] compresses with
//! LZ77 on hash chains and lazy matching, in dynamic Huffman blocks, or fixed or stored
//! ones where those are smaller.
//!
//! Where reading is lenient (all harmless: none of it can change what a valid value means):
//! - up to two trailing `=` (base64 padding) are ignored;
//! - `+` and `/` of standard base64 are read as `-` and `_`, and a space as `+` would be
//!   (form decoding of a query turns `+` into a space);
//! - unused bits in the last character, and bytes after the final DEFLATE block, are
//!   ignored (Python's and Node's zlib ignore such bytes too);
//! - Huffman tables that leave codes unused are accepted; only a code that is actually
//!   read and undefined is an error.
//!
//! Any other character is refused with its position ([`CodeError::BadCharacter`]).

mod base64url;
mod deflate;
mod huffman;
mod inflate;
mod lz77;
#[cfg(test)]
mod tests;

use std::fmt;

/// The longest program a link may carry, in bytes of UTF-8: decoding stops with
/// [`CodeError::TooLong`] past it (an 8,000-character link could otherwise expand to megabytes).
pub const MAX_PROGRAM_BYTES: usize = 100_000;

/// Why a `code` value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// The value is empty.
    Empty,
    /// A character that base64url does not use. The message quotes it, or gives its code
    /// point (`U+000A`) if it is a control character or a space of some kind.
    BadCharacter {
        /// Its position among the value's characters, counted from 1.
        position: usize,
        /// The character.
        character: char,
    },
    /// The value's last character is alone in its group of four, so it carries no whole byte.
    DanglingCharacter {
        /// Its position, counted from 1 (the value's length in characters).
        position: usize,
    },
    /// The compressed data stops before its final block is complete.
    Truncated,
    /// The compressed data breaks a rule of DEFLATE.
    Damaged(Damage),
    /// The program would be longer than [`MAX_PROGRAM_BYTES`].
    TooLong,
    /// The decompressed program is not UTF-8 text.
    NotUtf8 {
        /// The first byte that is not valid, counted from 1.
        position: usize,
    },
}

/// What is wrong in compressed data that breaks a rule of DEFLATE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// A block of type 3, which DEFLATE does not define.
    BadBlockType,
    /// A stored block whose length and the length's complement disagree.
    StoredLengthMismatch,
    /// A code table with more than 286 length codes or 30 distance codes.
    TooManyCodes,
    /// A code table whose code lengths give more codes than there are bit patterns.
    Oversubscribed,
    /// A code table that repeats the previous length before giving any.
    RepeatWithoutLength,
    /// A code table whose repeat runs past its end.
    RepeatPastEnd,
    /// A code table without the end-of-block code.
    NoEndOfBlock,
    /// A code that the block's table does not define, or a symbol DEFLATE does not.
    UndefinedCode,
    /// A match that reaches back before the start of the program.
    DistanceTooFar,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str("the code is empty"),
            CodeError::BadCharacter { position, character } => {
                f.write_str("the code has ")?;
                if character.is_control() || character.is_whitespace() {
                    write!(f, "U+{:04X}", u32::from(*character))?;
                } else {
                    write!(f, "\u{201c}{character}\u{201d}")?;
                }
                write!(f, " at position {position}, which base64url does not use")
            }
            CodeError::DanglingCharacter { position } => {
                write!(
                    f,
                    "the code ends with a lone character at position {position}: the link may have been cut short"
                )
            }
            CodeError::Truncated => {
                f.write_str("the code ends before the program does: the link may have been cut short")
            }
            CodeError::Damaged(damage) => write!(f, "the code is damaged: {damage}"),
            CodeError::TooLong => {
                write!(f, "the program is longer than {MAX_PROGRAM_BYTES} bytes, the most a link may carry")
            }
            CodeError::NotUtf8 { position } => {
                write!(f, "the program is not UTF-8 text (byte {position} is not valid)")
            }
        }
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Damage::BadBlockType => "a block of compressed data has an unknown type",
            Damage::StoredLengthMismatch => "an uncompressed block's length does not match its check",
            Damage::TooManyCodes => "a block's code table has more codes than DEFLATE allows",
            Damage::Oversubscribed => "a block's code table has more codes than its code lengths allow",
            Damage::RepeatWithoutLength => "a block's code table repeats a length before giving one",
            Damage::RepeatPastEnd => "a block's code table repeats a length past its end",
            Damage::NoEndOfBlock => "a block's code table has no end-of-block code",
            Damage::UndefinedCode => "the data uses a code that its table does not define",
            Damage::DistanceTooFar => "the data refers back to text before the program's start",
        })
    }
}

impl std::error::Error for CodeError {}

impl From<Damage> for CodeError {
    fn from(damage: Damage) -> Self {
        CodeError::Damaged(damage)
    }
}

/// The `code` value for `src`: raw DEFLATE, then base64url without padding.
///
/// Sources longer than [`MAX_PROGRAM_BYTES`] are encoded too, but [`decode_program`]
/// refuses them: check the length before offering such a link.
pub fn encode_program(src: &str) -> String {
    base64url::encode(&deflate::deflate(src.as_bytes()))
}

/// The program in a `code` value (base64url of raw DEFLATE of UTF-8), or why there is none.
pub fn decode_program(value: &str) -> Result<String, CodeError> {
    if value.is_empty() {
        return Err(CodeError::Empty);
    }
    let bytes = inflate::inflate(&base64url::decode(value)?)?;
    String::from_utf8(bytes).map_err(|e| CodeError::NotUtf8 { position: e.utf8_error().valid_up_to() + 1 })
}

/// Length codes (symbols 257 + i): extra bits of code `i` (0..29).
fn length_extra(i: usize) -> u32 {
    if i < 8 || i == 28 {
        0
    } else {
        (i as u32 - 4) / 4
    }
}

/// Distance codes: extra bits of code `i` (0..30).
fn distance_extra(i: usize) -> u32 {
    if i < 4 {
        0
    } else {
        i as u32 / 2 - 1
    }
}

/// The smallest length and distance of each length and distance code.
struct Bases {
    length: [u16; 29],
    distance: [u16; 30],
}

impl Bases {
    fn new() -> Bases {
        let (mut length, mut distance) = ([0u16; 29], [0u16; 30]);
        let (mut l, mut d) = (3u16, 1u16);
        for i in 0..30 {
            if i < 29 {
                length[i] = l;
                l += 1 << length_extra(i);
            }
            distance[i] = d;
            d += 1 << distance_extra(i);
        }
        length[28] = 258;
        Bases { length, distance }
    }
}

/// The order in which a dynamic block lists the code lengths of its code-length code.
const CODE_LENGTH_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// Length-and-literal symbols of a DEFLATE alphabet (286 used; fixed blocks code 288).
const LITLEN_SYMBOLS: usize = 286;
/// Distance symbols (30 used; fixed blocks code 32).
const DISTANCE_SYMBOLS: usize = 30;
/// The end-of-block symbol.
const END_OF_BLOCK: usize = 256;
/// The longest code DEFLATE allows for lengths, literals and distances.
const MAX_CODE_BITS: u8 = 15;

/// The code length of `symbol` in the fixed literal/length code of RFC 1951 §3.2.6.
fn fixed_litlen_bits(symbol: usize) -> u8 {
    match symbol {
        0..=143 => 8,
        144..=255 => 9,
        256..=279 => 7,
        _ => 8,
    }
}

/// The code length of every distance code in fixed blocks.
const FIXED_DISTANCE_BITS: u8 = 5;
