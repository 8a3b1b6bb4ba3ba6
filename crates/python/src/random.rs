//! CPython's `random`: the Mersenne Twister with CPython's seeding, so that
//! `random.seed(n)` gives the very numbers CPython gives.

const N: usize = 624;
/// The words of the generator's state.
pub const WORDS: usize = N;
const M: usize = 397;

/// The MT19937 generator.
#[derive(Clone, PartialEq, Eq)]
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            state[i] = 1_812_433_253u32.wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// Seeded as CPython's `random.seed(n)` for an integer `n`.
    pub fn from_int(n: i128) -> Mt {
        let mut key = Vec::new();
        let mut v = n.unsigned_abs();
        while v > 0 {
            key.push(v as u32);
            v >>= 32;
        }
        if key.is_empty() {
            key.push(0);
        }
        let mut mt = Mt::init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len();
        for _ in 0..N.max(len) {
            let prev = mt.state[i - 1] ^ (mt.state[i - 1] >> 30);
            mt.state[i] = (mt.state[i] ^ prev.wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt.state[0] = mt.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt.state[i - 1] ^ (mt.state[i - 1] >> 30);
            mt.state[i] = (mt.state[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt.state[0] = mt.state[N - 1];
                i = 1;
            }
        }
        mt.state[0] = 0x8000_0000;
        mt.index = N;
        mt
    }

    /// Its state: the words and the index of the next one (a worker gets a copy).
    pub fn state(&self) -> (&[u32; WORDS], usize) {
        (&self.state, self.index)
    }

    /// A generator in the given state (`None` if the index is out of range).
    pub fn from_state(state: [u32; WORDS], index: usize) -> Option<Mt> {
        (index <= N).then_some(Mt { state, index })
    }

    /// Seeded from a clock reading in ms (no `random.seed` call): the runtime's clock, since
    /// the system clock is not available in WebAssembly.
    pub fn from_clock(ms: f64) -> Mt {
        Mt::from_int((ms * 1000.0) as i128 ^ 0x5eed_1234)
    }

    fn genrand(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mut v = self.state[(k + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.state[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`.
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for `k` up to 64.
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let low = self.genrand() as u64;
        let high = (self.genrand() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// `random._randbelow(n)` for `n > 0`.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}
