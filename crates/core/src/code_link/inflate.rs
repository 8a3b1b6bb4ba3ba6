//! Raw DEFLATE decompression (RFC 1951), after Mark Adler's `puff`: canonical Huffman
//! codes decoded a bit at a time, which is small and fast enough for a program.

use super::{
    fixed_litlen_bits, length_extra, Bases, CodeError, Damage, CODE_LENGTH_ORDER, DISTANCE_SYMBOLS, END_OF_BLOCK,
    FIXED_DISTANCE_BITS, LITLEN_SYMBOLS, MAX_PROGRAM_BYTES,
};

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    /// Codes of each length, up to the longest: once past it, the bits read are no code.
    counts: Vec<u16>,
    symbols: Vec<u16>,
}

impl Huffman {
    /// The code with these code lengths (0: symbol unused; every length at most 15).
    /// Codes left unused are accepted; too many codes are not.
    fn new(lengths: &[u8]) -> Result<Huffman, Damage> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        let mut left = 1i32;
        for &c in &counts[1..] {
            left = 2 * left - i32::from(c);
            if left < 0 {
                return Err(Damage::Oversubscribed);
            }
        }
        let mut offsets = [0u16; 16];
        for l in 1..15 {
            offsets[l + 1] = offsets[l] + counts[l];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offsets[usize::from(l)])] = symbol as u16;
                offsets[usize::from(l)] += 1;
            }
        }
        let longest = counts.iter().rposition(|&c| c > 0).unwrap_or(0).max(1);
        Ok(Huffman { counts: counts[..=longest].to_vec(), symbols })
    }
}

/// The compressed bytes, read least significant bit first.
struct Input<'a> {
    data: &'a [u8],
    /// Bits read so far.
    bit: usize,
}

impl Input<'_> {
    fn bits(&mut self, n: u32) -> Result<usize, CodeError> {
        let mut value = 0;
        for i in 0..n {
            let byte = self.data.get(self.bit >> 3).ok_or(CodeError::Truncated)?;
            value |= usize::from(byte >> (self.bit & 7) & 1) << i;
            self.bit += 1;
        }
        Ok(value)
    }

    fn symbol(&mut self, code: &Huffman) -> Result<usize, CodeError> {
        let (mut bits, mut first, mut index) = (0usize, 0usize, 0usize);
        for &count in &code.counts[1..] {
            bits |= self.bits(1)?;
            let count = usize::from(count);
            if bits < first + count {
                return Ok(usize::from(code.symbols[index + bits - first]));
            }
            index += count;
            first = (first + count) << 1;
            bits <<= 1;
        }
        Err(Damage::UndefinedCode.into())
    }
}

/// The bytes a raw DEFLATE stream holds; bytes after its final block are ignored.
pub(super) fn inflate(data: &[u8]) -> Result<Vec<u8>, CodeError> {
    let bases = Bases::new();
    let mut input = Input { data, bit: 0 };
    let mut out = Vec::new();
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => stored(&mut input, &mut out)?,
            1 => {
                let litlen: Vec<u8> = (0..288).map(fixed_litlen_bits).collect();
                let (litlen, distance) = (Huffman::new(&litlen)?, Huffman::new(&[FIXED_DISTANCE_BITS; 30])?);
                codes(&mut input, &mut out, &litlen, &distance, &bases)?;
            }
            2 => {
                let (litlen, distance) = dynamic(&mut input)?;
                codes(&mut input, &mut out, &litlen, &distance, &bases)?;
            }
            _ => return Err(Damage::BadBlockType.into()),
        }
        if last {
            return Ok(out);
        }
    }
}

/// Makes room for `n` more bytes of program, within [`MAX_PROGRAM_BYTES`].
fn room(out: &[u8], n: usize) -> Result<(), CodeError> {
    if out.len() + n > MAX_PROGRAM_BYTES {
        return Err(CodeError::TooLong);
    }
    Ok(())
}

fn stored(input: &mut Input<'_>, out: &mut Vec<u8>) -> Result<(), CodeError> {
    let start = input.bit.div_ceil(8);
    let header = input.data.get(start..start + 4).ok_or(CodeError::Truncated)?;
    let len = usize::from(u16::from_le_bytes([header[0], header[1]]));
    if len != usize::from(!u16::from_le_bytes([header[2], header[3]])) {
        return Err(Damage::StoredLengthMismatch.into());
    }
    room(out, len)?;
    out.extend_from_slice(input.data.get(start + 4..start + 4 + len).ok_or(CodeError::Truncated)?);
    input.bit = (start + 4 + len) * 8;
    Ok(())
}

/// Reads a dynamic block's code tables.
fn dynamic(input: &mut Input<'_>) -> Result<(Huffman, Huffman), CodeError> {
    let nlen = input.bits(5)? + 257;
    let ndist = input.bits(5)? + 1;
    let ncode = input.bits(4)? + 4;
    if nlen > LITLEN_SYMBOLS || ndist > DISTANCE_SYMBOLS {
        return Err(Damage::TooManyCodes.into());
    }
    let mut lengths = [0u8; 19];
    for &symbol in &CODE_LENGTH_ORDER[..ncode] {
        lengths[symbol] = input.bits(3)? as u8;
    }
    let code_lengths = Huffman::new(&lengths)?;
    let mut lengths = [0u8; LITLEN_SYMBOLS + DISTANCE_SYMBOLS];
    let mut i = 0;
    while i < nlen + ndist {
        let symbol = input.symbol(&code_lengths)?;
        if symbol < 16 {
            lengths[i] = symbol as u8;
            i += 1;
            continue;
        }
        let (value, repeat) = match symbol {
            16 => (*lengths[..i].last().ok_or(Damage::RepeatWithoutLength)?, 3 + input.bits(2)?),
            17 => (0, 3 + input.bits(3)?),
            _ => (0, 11 + input.bits(7)?),
        };
        let run = lengths.get_mut(i..i + repeat).filter(|_| i + repeat <= nlen + ndist);
        run.ok_or(Damage::RepeatPastEnd)?.fill(value);
        i += repeat;
    }
    if lengths[END_OF_BLOCK] == 0 {
        return Err(Damage::NoEndOfBlock.into());
    }
    Ok((Huffman::new(&lengths[..nlen])?, Huffman::new(&lengths[nlen..nlen + ndist])?))
}

/// Decodes a Huffman block's literals and matches up to its end-of-block code.
fn codes(
    input: &mut Input<'_>,
    out: &mut Vec<u8>,
    litlen: &Huffman,
    distance: &Huffman,
    bases: &Bases,
) -> Result<(), CodeError> {
    loop {
        let symbol = input.symbol(litlen)?;
        if symbol < END_OF_BLOCK {
            room(out, 1)?;
            out.push(symbol as u8);
            continue;
        }
        if symbol == END_OF_BLOCK {
            return Ok(());
        }
        let code = symbol - 257;
        let base = *bases.length.get(code).ok_or(Damage::UndefinedCode)?;
        let len = usize::from(base) + input.bits(length_extra(code))?;
        let code = input.symbol(distance)?;
        let base = *bases.distance.get(code).ok_or(Damage::UndefinedCode)?;
        let dist = usize::from(base) + input.bits(super::distance_extra(code))?;
        if dist > out.len() {
            return Err(Damage::DistanceTooFar.into());
        }
        room(out, len)?;
        let from = out.len() - dist;
        for k in from..from + len {
            out.push(out[k]);
        }
    }
}
