//! What the public API cannot reach with text: stored blocks (UTF-8 text always compresses)
//! and codes longer than DEFLATE allows before they are limited.

use super::deflate::deflate;
use super::huffman::code_bits;
use super::inflate::inflate;
use std::io::Write;
use std::process::{Command, Stdio};

fn random_bytes(n: usize) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn incompressible_bytes_go_in_stored_blocks_that_zlib_reads() {
    for n in [200, 1000, 65_535, 70_000] {
        let data = random_bytes(n);
        let compressed = deflate(&data);
        assert_eq!(compressed[0] & 0b110, 0, "{n} bytes: a stored block first");
        // Five bytes a block: blocks end every 16383 tokens, and a stored block holds 65535 bytes.
        assert!(compressed.len() <= n + 5 * (n / 16_000 + 1), "{n} bytes: {}", compressed.len());
        assert_eq!(inflate(&compressed).as_deref(), Ok(&data[..]));
        let hex: String = compressed.iter().map(|b| format!("{b:02x}")).collect();
        let mut python = Command::new("python3")
            .args(["-c", "import sys, zlib\nprint(zlib.decompress(bytes.fromhex(sys.stdin.read()), -15).hex())"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        python.stdin.take().expect("stdin").write_all(hex.as_bytes()).expect("written");
        let out = python.wait_with_output().expect("output");
        let expected: String = data.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), expected);
    }
}

/// The sum of 2^-length over the codes, times 2^15: 2^15 for a complete code.
fn kraft(bits: &[u8]) -> u32 {
    bits.iter().filter(|&&b| b > 0).map(|&b| 1 << (15 - b)).sum()
}

#[test]
fn codes_are_limited_and_complete() {
    let mut fibonacci = vec![1u32, 1];
    while fibonacci.len() < 30 {
        fibonacci.push(fibonacci[fibonacci.len() - 1] + fibonacci[fibonacci.len() - 2]);
    }
    for (freq, limit) in [(&fibonacci[..], 15), (&fibonacci[..19], 7), (&fibonacci[..8], 15)] {
        let bits = code_bits(freq, limit);
        assert_eq!(bits.iter().max(), Some(&limit.min(freq.len() as u8 - 1)), "{freq:?}");
        assert_eq!(kraft(&bits), 1 << 15);
        // More frequent symbols never get longer codes.
        assert!(bits.windows(2).all(|w| w[0] >= w[1]), "{bits:?}");
    }
    assert_eq!(code_bits(&[0, 0, 5, 0], 15), [1, 0, 1, 0]);
    assert_eq!(code_bits(&[0, 0, 0], 7), [1, 1, 0]);
    assert_eq!(code_bits(&[3, 0, 0], 7), [1, 1, 0]);
}
