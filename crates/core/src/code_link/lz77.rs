//! LZ77 matching for the encoder: hash chains over a 32 KiB window with lazy matching,
//! with the parameters of zlib's level 9 (but for [`TOO_FAR`]).

/// How far back a match may start.
const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// Candidates tried at each position.
const MAX_CHAIN: usize = 4096;
/// With a pending match this long, a quarter of the candidates are tried.
const GOOD_MATCH: usize = 32;
/// A match this long is taken without trying further candidates.
const NICE_MATCH: usize = 258;
/// A 3-byte match farther back than this is not taken: with its distance's extra bits it
/// costs about as much as three literals (zlib's 4096 gives slightly larger programs).
const TOO_FAR: usize = 256;

/// A token: a literal byte (below 256), or a match as `length << 16 | distance`.
pub(super) type Token = u32;

/// How many bytes of input `token` stands for.
pub(super) fn token_len(token: Token) -> usize {
    if token < 256 {
        1
    } else {
        (token >> 16) as usize
    }
}

struct Chains<'a> {
    data: &'a [u8],
    /// Per hash, the last position inserted, plus 1 (0: none).
    head: Vec<u32>,
    /// Per position, the previous position with its hash, plus 1 (0: none).
    prev: Vec<u32>,
}

impl Chains<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        ((usize::from(d[i]) << 10) ^ (usize::from(d[i + 1]) << 5) ^ usize::from(d[i + 2])) & ((1 << HASH_BITS) - 1)
    }

    fn insert(&mut self, i: usize) {
        if i + MIN_MATCH <= self.data.len() {
            let h = self.hash(i);
            self.prev[i] = self.head[h];
            self.head[h] = i as u32 + 1;
        }
    }

    /// The longest match for position `i` longer than `prev_len`, as (length, distance),
    /// or (0, 0); `i` is not inserted yet.
    fn longest(&self, i: usize, prev_len: usize) -> (usize, usize) {
        let d = self.data;
        let max = MAX_MATCH.min(d.len() - i);
        let mut best = prev_len.max(MIN_MATCH - 1);
        if best >= max {
            return (0, 0);
        }
        let mut chain = if prev_len >= GOOD_MATCH { MAX_CHAIN / 4 } else { MAX_CHAIN };
        let mut dist = 0;
        let mut candidate = self.head[self.hash(i)] as usize;
        while candidate != 0 && chain > 0 {
            let c = candidate - 1;
            if i - c > WINDOW {
                break;
            }
            if d[c + best] == d[i + best] {
                let len = d[c..c + max].iter().zip(&d[i..i + max]).take_while(|(a, b)| a == b).count();
                if len > best {
                    (best, dist) = (len, i - c);
                    if len >= NICE_MATCH.min(max) {
                        break;
                    }
                }
            }
            candidate = self.prev[c] as usize;
            chain -= 1;
        }
        if dist == 0 || (best == MIN_MATCH && dist > TOO_FAR) {
            return (0, 0);
        }
        (best, dist)
    }
}

/// The tokens of `data`: at each position the longest match is taken, unless the next
/// position has a longer one (lazy matching, as zlib's `deflate_slow`).
pub(super) fn tokens(data: &[u8]) -> Vec<Token> {
    let n = data.len();
    let mut chains = Chains { data, head: vec![0; 1 << HASH_BITS], prev: vec![0; n] };
    let mut tokens = Vec::with_capacity(n / 2);
    // The match found at the previous position (length 0 if none), if that position is not coded yet.
    let mut pending: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        let prev_len = pending.map_or(0, |p| p.0);
        let (len, dist) = if prev_len < MAX_MATCH { chains.longest(i, prev_len) } else { (0, 0) };
        chains.insert(i);
        match pending {
            Some((plen, pdist)) if plen >= MIN_MATCH && len <= plen => {
                tokens.push((plen as u32) << 16 | pdist as u32);
                let end = i - 1 + plen;
                for j in i + 1..end {
                    chains.insert(j);
                }
                i = end;
                pending = None;
            }
            _ => {
                if pending.is_some() {
                    tokens.push(u32::from(data[i - 1]));
                }
                pending = Some((len, dist));
                i += 1;
            }
        }
    }
    if pending.is_some() {
        tokens.push(u32::from(data[n - 1]));
    }
    tokens
}
