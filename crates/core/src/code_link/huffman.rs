//! Huffman codes for the encoder: code lengths from symbol frequencies, limited in length,
//! and the canonical codes they give.

use super::deflate::Bits;

/// A code: its length in bits per symbol, and its bit-reversed codes.
pub(super) struct Code {
    pub(super) bits: Vec<u8>,
    codes: Vec<u16>,
}

impl Code {
    /// The canonical code (RFC 1951 §3.2.2) with these code lengths.
    pub(super) fn new(bits: Vec<u8>) -> Code {
        let mut count = [0u16; 16];
        for &b in &bits {
            count[usize::from(b)] += 1;
        }
        let (mut next, mut code) = ([0u16; 16], 0u16);
        for b in 1..16 {
            code = (code + if b > 1 { count[b - 1] } else { 0 }) << 1;
            next[b] = code;
        }
        let codes = bits
            .iter()
            .map(|&b| {
                let c = next[usize::from(b)];
                next[usize::from(b)] += 1;
                if b == 0 {
                    0
                } else {
                    c.reverse_bits() >> (16 - b)
                }
            })
            .collect();
        Code { bits, codes }
    }

    /// The bits these symbol frequencies take in this code.
    pub(super) fn cost(&self, freq: &[u32]) -> usize {
        freq.iter().zip(&self.bits).map(|(&f, &b)| f as usize * usize::from(b)).sum()
    }

    /// Writes `symbol`.
    pub(super) fn put(&self, out: &mut Bits, symbol: usize) {
        out.put(u32::from(self.codes[symbol]), u32::from(self.bits[symbol]));
    }
}

/// Huffman code lengths for these symbol frequencies, none longer than `limit`. At least
/// two symbols get a code (as zlib does), so that even old decoders accept the table.
pub(super) fn code_bits(freq: &[u32], limit: u8) -> Vec<u8> {
    let mut used: Vec<(u32, usize)> = freq.iter().enumerate().filter(|(_, &f)| f > 0).map(|(s, &f)| (f, s)).collect();
    for (s, &f) in freq.iter().enumerate().take(2) {
        if used.len() < 2 && f == 0 {
            used.push((1, s));
        }
    }
    // By frequency, then symbol: an insertion sort, as there are at most 286 (and it is small).
    for i in 1..used.len() {
        let mut j = i;
        while j > 0 && used[j - 1] > used[j] {
            used.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut depth: Vec<u32> = used.iter().map(|u| u.0).collect();
    minimum_redundancy(&mut depth);
    // Lengths over the limit become the limit; then codes move down until they fit.
    let limit = usize::from(limit);
    let mut count = [0u32; 16];
    for &d in &depth {
        count[(d as usize).min(limit)] += 1;
    }
    let mut total: u32 = (1..=limit).map(|l| count[l] << (limit - l)).sum();
    while total > 1 << limit {
        count[limit] -= 1;
        if let Some(l) = (1..limit).rev().find(|&l| count[l] > 0) {
            count[l] -= 1;
            count[l + 1] += 2;
        }
        total -= 1;
    }
    // The most frequent symbols (last in `used`) get the shortest codes.
    let mut bits = vec![0u8; freq.len()];
    let mut symbols = used.iter().rev();
    for (l, &c) in count.iter().enumerate().skip(1) {
        for (_, s) in symbols.by_ref().take(c as usize) {
            bits[*s] = l as u8;
        }
    }
    bits
}

/// Moffat and Katajainen's in-place minimum-redundancy code: `a` holds at least two
/// frequencies in increasing order, and becomes their code lengths (in decreasing order).
fn minimum_redundancy(a: &mut [u32]) {
    let n = a.len();
    a[0] += a[1];
    let (mut root, mut leaf) = (0, 2);
    for next in 1..n - 1 {
        if leaf >= n || a[root] < a[leaf] {
            a[next] = a[root];
            a[root] = next as u32;
            root += 1;
        } else {
            a[next] = a[leaf];
            leaf += 1;
        }
        if leaf >= n || (root < next && a[root] < a[leaf]) {
            a[next] += a[root];
            a[root] = next as u32;
            root += 1;
        } else {
            a[next] += a[leaf];
            leaf += 1;
        }
    }
    a[n - 2] = 0;
    for next in (0..n.saturating_sub(2)).rev() {
        a[next] = a[a[next] as usize] + 1;
    }
    let (mut available, mut used, mut depth) = (1, 0, 0);
    let (mut root, mut next) = (n as isize - 2, n as isize - 1);
    while available > 0 {
        while root >= 0 && a[root as usize] == depth {
            used += 1;
            root -= 1;
        }
        while available > used {
            a[next as usize] = depth;
            next -= 1;
            available -= 1;
        }
        available = 2 * used;
        depth += 1;
        used = 0;
    }
}
