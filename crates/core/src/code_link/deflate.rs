//! Raw DEFLATE compression (RFC 1951): the LZ77 tokens of [`super::lz77`] in blocks of
//! up to [`BLOCK_TOKENS`] tokens, each written as whichever of a dynamic Huffman, a fixed
//! Huffman or a stored block is smallest.

use super::huffman::{code_bits, Code};
use super::lz77::{token_len, tokens, Token};
use super::{
    distance_extra, fixed_litlen_bits, length_extra, Bases, CODE_LENGTH_ORDER, DISTANCE_SYMBOLS, END_OF_BLOCK,
    FIXED_DISTANCE_BITS, LITLEN_SYMBOLS, MAX_CODE_BITS,
};

/// Tokens per block, as zlib's default memory level.
const BLOCK_TOKENS: usize = 16 * 1024 - 1;
/// The longest code of the code-length code.
const MAX_CODE_LENGTH_BITS: u8 = 7;
/// The most bytes a stored block holds.
const MAX_STORED: usize = 65_535;

/// Output bits, least significant first.
#[derive(Default)]
pub(super) struct Bits {
    bytes: Vec<u8>,
    pending: u64,
    count: u32,
}

impl Bits {
    /// Writes the `count` low bits of `value`.
    pub(super) fn put(&mut self, value: u32, count: u32) {
        self.pending |= u64::from(value) << self.count;
        self.count += count;
        while self.count >= 8 {
            self.bytes.push(self.pending as u8);
            self.pending >>= 8;
            self.count -= 8;
        }
    }

    /// Pads with zero bits to a byte boundary.
    fn align(&mut self) {
        if self.count > 0 {
            self.put(0, 8 - self.count);
        }
    }

    fn len(&self) -> usize {
        self.bytes.len() * 8 + self.count as usize
    }
}

/// `data` compressed as raw DEFLATE.
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    let tokens = tokens(data);
    let bases = Bases::new();
    let mut out = Bits::default();
    let blocks = tokens.len().div_ceil(BLOCK_TOKENS).max(1);
    let mut start = 0;
    for b in 0..blocks {
        let block = &tokens[b * BLOCK_TOKENS..tokens.len().min((b + 1) * BLOCK_TOKENS)];
        let end = start + block.iter().map(|&t| token_len(t)).sum::<usize>();
        write_block(&mut out, block, &data[start..end], b + 1 == blocks, &bases);
        start = end;
    }
    out.align();
    out.bytes
}

/// The length code (0..29) and distance code (0..30) of a match.
fn match_codes(token: Token, bases: &Bases) -> (usize, usize) {
    let (len, dist) = ((token >> 16) as u16, token as u16);
    let code = |base: &[u16], v: u16| base.iter().rposition(|&b| b <= v).unwrap_or(0);
    (code(&bases.length, len), code(&bases.distance, dist))
}

fn write_block(out: &mut Bits, block: &[Token], data: &[u8], last: bool, bases: &Bases) {
    let (mut litlen_freq, mut dist_freq, mut extra) = ([0u32; LITLEN_SYMBOLS], [0u32; DISTANCE_SYMBOLS], 0);
    for &t in block {
        if t < 256 {
            litlen_freq[t as usize] += 1;
        } else {
            let (l, d) = match_codes(t, bases);
            litlen_freq[257 + l] += 1;
            dist_freq[d] += 1;
            extra += (length_extra(l) + distance_extra(d)) as usize;
        }
    }
    litlen_freq[END_OF_BLOCK] = 1;
    let litlen = Code::new(code_bits(&litlen_freq, MAX_CODE_BITS));
    let distance = Code::new(code_bits(&dist_freq, MAX_CODE_BITS));
    let nlen = trimmed(&litlen.bits, 257);
    let ndist = trimmed(&distance.bits, 1);
    let all: Vec<u8> = litlen.bits[..nlen].iter().chain(&distance.bits[..ndist]).copied().collect();
    let runs = runs(&all);
    let mut cl_freq = [0u32; 19];
    let mut cl_extra = 0;
    for &(symbol, _) in &runs {
        cl_freq[usize::from(symbol)] += 1;
        cl_extra += run_extra_bits(symbol) as usize;
    }
    let cl = Code::new(code_bits(&cl_freq, MAX_CODE_LENGTH_BITS));
    let ncode = 4.max(19 - CODE_LENGTH_ORDER.iter().rev().take_while(|&&s| cl.bits[s] == 0).count());

    let dynamic =
        17 + 3 * ncode + cl.cost(&cl_freq) + cl_extra + litlen.cost(&litlen_freq) + distance.cost(&dist_freq) + extra;
    let fixed_litlen = Code::new((0..288).map(fixed_litlen_bits).collect());
    let fixed_distance = Code::new(vec![FIXED_DISTANCE_BITS; 30]);
    let fixed = 3 + fixed_litlen.cost(&litlen_freq) + fixed_distance.cost(&dist_freq) + extra;
    let chunks = data.len().div_ceil(MAX_STORED).max(1);
    let first_pad = (8 - (out.len() + 3) % 8) % 8;
    let stored = first_pad + chunks * (3 + 32) + (chunks - 1) * 5 + data.len() * 8;

    if stored < dynamic.min(fixed) {
        for (k, chunk) in data.chunks(MAX_STORED).chain(data.is_empty().then_some(&data[..0])).enumerate() {
            out.put(u32::from(last && k + 1 == chunks), 3);
            out.align();
            let len = chunk.len() as u32;
            out.put(len | (!len & 0xFFFF) << 16, 32);
            chunk.iter().for_each(|&b| out.put(u32::from(b), 8));
        }
    } else if fixed <= dynamic {
        out.put(u32::from(last) | 1 << 1, 3);
        write_tokens(out, block, &fixed_litlen, &fixed_distance, bases);
    } else {
        out.put(u32::from(last) | 2 << 1, 3);
        out.put((nlen - 257) as u32 | ((ndist - 1) as u32) << 5 | ((ncode - 4) as u32) << 10, 14);
        for &s in &CODE_LENGTH_ORDER[..ncode] {
            out.put(u32::from(cl.bits[s]), 3);
        }
        for &(symbol, value) in &runs {
            cl.put(out, usize::from(symbol));
            out.put(u32::from(value), run_extra_bits(symbol));
        }
        write_tokens(out, block, &litlen, &distance, bases);
    }
}

fn write_tokens(out: &mut Bits, block: &[Token], litlen: &Code, distance: &Code, bases: &Bases) {
    for &t in block {
        if t < 256 {
            litlen.put(out, t as usize);
        } else {
            let (l, d) = match_codes(t, bases);
            litlen.put(out, 257 + l);
            out.put(u32::from((t >> 16) as u16 - bases.length[l]), length_extra(l));
            distance.put(out, d);
            out.put(u32::from(t as u16 - bases.distance[d]), distance_extra(d));
        }
    }
    litlen.put(out, END_OF_BLOCK);
}

/// How many of `bits` are listed once trailing unused codes are dropped (at least `min`).
fn trimmed(bits: &[u8], min: usize) -> usize {
    min.max(bits.len() - bits.iter().rev().take_while(|&&b| b == 0).count())
}

/// Extra bits after a code-length symbol: 16 repeats the previous length 3–6 times,
/// 17 writes 3–10 zeros, 18 writes 11–138 zeros.
fn run_extra_bits(symbol: u8) -> u32 {
    match symbol {
        16 => 2,
        17 => 3,
        18 => 7,
        _ => 0,
    }
}

/// Code lengths as code-length symbols with their extra bits' values.
fn runs(lengths: &[u8]) -> Vec<(u8, u8)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let l = lengths[i];
        let mut n = lengths[i..].iter().take_while(|&&x| x == l).count();
        i += n;
        if l == 0 {
            while n >= 11 {
                let r = n.min(138);
                runs.push((18, (r - 11) as u8));
                n -= r;
            }
            if n >= 3 {
                runs.push((17, (n - 3) as u8));
                n = 0;
            }
        } else {
            runs.push((l, 0));
            n -= 1;
            while n >= 3 {
                let r = n.min(6);
                runs.push((16, (r - 3) as u8));
                n -= r;
            }
        }
        runs.extend(std::iter::repeat_n((l, 0), n));
    }
    runs
}
