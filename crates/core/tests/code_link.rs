//! The `code` key's codec: round trips, interop with the raw DEFLATE of CPython's and
//! Node's zlib (both ways), hostile input, and the wording of its errors.
#![cfg(not(target_arch = "wasm32"))]

use playground_core::code_link::{decode_program, encode_program, CodeError, Damage, MAX_PROGRAM_BYTES};
use proptest::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// xorshift64*: a fixed, dependency-free stream of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// `n` characters drawn from `alphabet`.
fn random_text(rng: &mut Rng, alphabet: &[char], n: usize) -> String {
    (0..n).map(|_| alphabet[rng.below(alphabet.len() as u64) as usize]).collect()
}

fn corpus() -> Vec<(String, String)> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the programs folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../python/tests/programs");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    assert!(files.len() > 10, "the corpus is in {}", root.display());
    let name = |p: &PathBuf| p.strip_prefix(&root).expect("under the root").display().to_string();
    files.iter().map(|p| (name(p), std::fs::read_to_string(p).expect("a UTF-8 program"))).collect()
}

/// The corpus and synthetic texts: empty, one character, 40 KB of mixed text, highly
/// repetitive text, and text repeated at distances near 32 KiB.
fn texts() -> Vec<(String, String)> {
    let mut texts = corpus();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut mixed = String::new();
    for (i, (_, program)) in texts.iter().cycle().enumerate() {
        if mixed.len() >= 40_000 {
            break;
        }
        mixed.push_str(program);
        mixed.push_str(&format!("# {} héllo wörld — 日本語 🎉 {}\n", i, rng.below(1 << 40)));
    }
    let letters: Vec<char> = ('a'..='z').collect();
    let far = random_text(&mut rng, &letters, 32_760);
    let synthetic = [
        String::new(),
        "x".to_string(),
        mixed,
        "print('hello')\n".repeat(3000),
        "a".repeat(60_000),
        format!("{far}{}", &far[..2000]),
        format!("{far}abcdefghij{}", &far[..3000]),
    ];
    texts.extend(synthetic.into_iter().enumerate().map(|(i, t)| (format!("synthetic {i}"), t)));
    texts
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `program` with one line per input on stdin, and returns its output's lines.
fn run(program: &str, args: &[&str], lines: &[String]) -> Vec<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    let mut stdin = child.stdin.take().expect("stdin");
    let input = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).expect("input written"));
    let output = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    assert!(output.status.success(), "{program} failed");
    String::from_utf8(output.stdout).expect("UTF-8 output").lines().map(str::to_string).collect()
}

const PYTHON_COMPRESS: &str = r#"
import base64, sys, zlib
def code(data, level, strategy=zlib.Z_DEFAULT_STRATEGY, mem=8):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, mem, strategy)
    return base64.urlsafe_b64encode(c.compress(data) + c.flush()).rstrip(b"=").decode()
for line in sys.stdin:
    data = bytes.fromhex(line.strip()[1:])
    print(" ".join([code(data, level) for level in (0, 1, 6, 9)] + [code(data, 9, zlib.Z_FIXED),
        code(data, 9, zlib.Z_HUFFMAN_ONLY), code(data, 9, zlib.Z_RLE), code(data, 9, mem=1)]))
"#;

const PYTHON_DECOMPRESS: &str = r#"
import base64, sys, zlib
for line in sys.stdin:
    v = line.strip()
    print("x" + zlib.decompress(base64.urlsafe_b64decode(v + "=" * (-len(v) % 4)), -15).hex())
"#;

const NODE_COMPRESS: &str = r#"
const zlib = require("zlib");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.startsWith("x"));
for (const l of lines) {
  const src = Buffer.from(l.slice(1), "hex").toString("utf8");
  const options = [{}, { level: 9 }, { level: 1 }, { level: 0 }, { strategy: zlib.constants.Z_FIXED }];
  console.log(options.map((o) => zlib.deflateRawSync(Buffer.from(src, "utf8"), o).toString("base64url")).join(" "));
}
"#;

#[test]
fn decodes_what_python_and_node_encode() {
    let texts = texts();
    let lines: Vec<String> = texts.iter().map(|(_, t)| format!("x{}", hex(t.as_bytes()))).collect();
    let python = run("python3", &["-c", PYTHON_COMPRESS], &lines);
    let node = run("node", &["-e", NODE_COMPRESS], &lines);
    assert_eq!((python.len(), node.len()), (texts.len(), texts.len()));
    for ((name, text), line) in texts.iter().zip(python.iter().zip(&node)) {
        for value in line.0.split(' ').chain(line.1.split(' ')) {
            assert_eq!(decode_program(value).as_deref(), Ok(text.as_str()), "{name}: {value:.60}");
        }
    }
}

#[test]
fn python_decodes_what_we_encode_and_we_compress_about_as_well_as_zlib_9() {
    let texts = texts();
    let ours: Vec<String> = texts.iter().map(|(_, t)| encode_program(t)).collect();
    let decoded = run("python3", &["-c", PYTHON_DECOMPRESS], &ours);
    for ((name, text), line) in texts.iter().zip(&decoded) {
        assert_eq!(line, &format!("x{}", hex(text.as_bytes())), "{name}");
    }
    let lines: Vec<String> = texts.iter().map(|(_, t)| format!("x{}", hex(t.as_bytes()))).collect();
    let node = run("node", &["-e", NODE_COMPRESS], &lines);
    let (mut sum, mut ours_total, mut zlib_total, mut programs) = (0.0, 0, 0, 0);
    for (((name, text), ours), node) in texts.iter().zip(&ours).zip(&node) {
        let zlib9 = node.split(' ').nth(1).expect("level 9").len();
        println!("{name:<50} {:>6} bytes  zlib -9 {zlib9:>6} chars  ours {:>6} chars", text.len(), ours.len());
        if !name.starts_with("synthetic") {
            sum += ours.len() as f64 / zlib9 as f64;
            (ours_total, zlib_total, programs) = (ours_total + ours.len(), zlib_total + zlib9, programs + 1);
        }
    }
    let mean = sum / f64::from(programs);
    let total = ours_total as f64 / zlib_total as f64;
    println!("{programs} programs: ours / zlib level 9 = {mean:.4} on average, {total:.4} in total");
    assert!(mean < 1.10, "the mean ratio is {mean}");
}

#[test]
fn lenient_where_harmless() {
    let programs: Vec<String> = corpus().into_iter().take(12).map(|(_, p)| p).collect();
    let script = "import base64, sys, zlib\nfor line in sys.stdin:\n    c = zlib.compressobj(9, 8, -15)\n    \
                  print(base64.b64encode(c.compress(bytes.fromhex(line.strip()[1:])) + c.flush()).decode())";
    let lines: Vec<String> = programs.iter().map(|p| format!("x{}", hex(p.as_bytes()))).collect();
    let standard = run("python3", &["-c", script], &lines);
    // Standard base64 with its padding, and with `+` turned into a space by form decoding.
    for (program, standard) in programs.iter().zip(&standard) {
        let value = encode_program(program);
        let padded = format!("{value}{}", "=".repeat((4 - value.len() % 4) % 4));
        for v in [padded.as_str(), standard, &standard.replace('+', " "), &format!("{value}=")] {
            assert_eq!(decode_program(v).as_deref(), Ok(program.as_str()), "{v}");
        }
    }
    assert!(standard.iter().any(|s| s.contains('+')) && standard.iter().any(|s| s.contains('/')));
    assert!(
        standard.iter().any(|s| s.ends_with("==")) && standard.iter().any(|s| s.ends_with('=') && !s.ends_with("=="))
    );
    // Unused bits of the last character are ignored: "AwA" and "AwB" are both the empty program.
    assert_eq!(decode_program("AwB").as_deref(), Ok(""));
    // Bytes after the final block are ignored, as Python's and Node's zlib do.
    assert_eq!(decode_program("AwBqdW5r").as_deref(), Ok(""));
}

/// Bits written least significant first, with Huffman codes most significant first.
#[derive(Default)]
struct Bits(Vec<bool>);

impl Bits {
    fn put(mut self, value: u32, n: u32) -> Self {
        self.0.extend((0..n).map(|i| value >> i & 1 == 1));
        self
    }
    fn code(mut self, code: u32, n: u32) -> Self {
        self.0.extend((0..n).rev().map(|i| code >> i & 1 == 1));
        self
    }
    /// A fixed-code literal or length symbol below 144 or from 256 to 279.
    fn fixed(self, symbol: u32) -> Self {
        match symbol {
            0..=143 => self.code(0x30 + symbol, 8),
            256..=279 => self.code(symbol - 256, 7),
            _ => self.code(0xC0 + symbol - 280, 8),
        }
    }
    fn value(&self) -> String {
        let bytes: Vec<u8> =
            self.0.chunks(8).map(|c| c.iter().enumerate().fold(0, |b, (i, &bit)| b | u8::from(bit) << i)).collect();
        b64(&bytes)
    }
}

/// base64url without padding, written independently of the codec.
fn b64(bytes: &[u8]) -> String {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: Vec<bool> = bytes.iter().flat_map(|b| (0..8).rev().map(move |i| b >> i & 1 == 1)).collect();
    bits.chunks(6)
        .map(|c| DIGITS[c.iter().chain([false; 6].iter()).take(6).fold(0, |d, &b| d << 1 | usize::from(b))] as char)
        .collect()
}

/// A dynamic block header: `hlit` and `hdist` as written (minus 257 and 1), and the code
/// lengths of the code-length code in the order the block lists them.
fn dynamic(hlit: u32, hdist: u32, cl: &[u32]) -> Bits {
    let mut bits = Bits::default().put(0b101, 3).put(hlit, 5).put(hdist, 5).put(cl.len() as u32 - 4, 4);
    for &l in cl {
        bits = bits.put(l, 3);
    }
    bits
}

/// A fixed-code block: `a`, then `matches` copies of 258 bytes at distance 1, then the end.
fn bomb(matches: usize) -> String {
    let mut bits = Bits::default().put(0b011, 3).fixed(u32::from(b'a'));
    for _ in 0..matches {
        bits = bits.fixed(285).code(0, 5);
    }
    bits.fixed(256).value()
}

/// The code-length code of these headers: 0, 16, 17 and 18 in 2 bits each (00, 01, 10, 11).
fn two_bit_header() -> Bits {
    dynamic(0, 0, &[2, 2, 2, 2])
}

#[test]
fn error_messages() {
    let damaged = |d: &str| format!("the code is damaged: {d}");
    let bad =
        |c: &str, p: usize| format!("the code has \u{201c}{c}\u{201d} at position {p}, which base64url does not use");
    let fixed = || Bits::default().put(0b011, 3);
    let zeros_258 = two_bit_header().code(3, 2).put(127, 7).code(3, 2).put(109, 7);
    let cases: Vec<(String, CodeError, String)> = vec![
        (String::new(), CodeError::Empty, "the code is empty".into()),
        ("ab*c".into(), CodeError::BadCharacter { position: 3, character: '*' }, bad("*", 3)),
        (
            "AwA\n".into(),
            CodeError::BadCharacter { position: 4, character: '\n' },
            "the code has U+000A at position 4, which base64url does not use".into(),
        ),
        (
            "Aw\u{a0}A".into(),
            CodeError::BadCharacter { position: 3, character: '\u{a0}' },
            "the code has U+00A0 at position 3, which base64url does not use".into(),
        ),
        ("Aw=A".into(), CodeError::BadCharacter { position: 3, character: '=' }, bad("=", 3)),
        ("AwA===".into(), CodeError::BadCharacter { position: 4, character: '=' }, bad("=", 4)),
        ("é".into(), CodeError::BadCharacter { position: 1, character: 'é' }, bad("é", 1)),
        (
            "AwAAA".into(),
            CodeError::DanglingCharacter { position: 5 },
            "the code ends with a lone character at position 5: the link may have been cut short".into(),
        ),
        (
            "Aw".into(),
            CodeError::Truncated,
            "the code ends before the program does: the link may have been cut short".into(),
        ),
        (
            Bits::default().put(0b111, 3).value(),
            Damage::BadBlockType.into(),
            damaged("a block of compressed data has an unknown type"),
        ),
        (
            Bits::default().put(1, 8).put(5, 16).put(5, 16).value(),
            Damage::StoredLengthMismatch.into(),
            damaged("an uncompressed block's length does not match its check"),
        ),
        (
            dynamic(30, 0, &[1; 4]).value(),
            Damage::TooManyCodes.into(),
            damaged("a block's code table has more codes than DEFLATE allows"),
        ),
        (
            dynamic(0, 30, &[1; 4]).value(),
            Damage::TooManyCodes.into(),
            damaged("a block's code table has more codes than DEFLATE allows"),
        ),
        (
            dynamic(0, 0, &[1; 19]).value(),
            Damage::Oversubscribed.into(),
            damaged("a block's code table has more codes than its code lengths allow"),
        ),
        (
            two_bit_header().code(1, 2).put(0, 2).value(),
            Damage::RepeatWithoutLength.into(),
            damaged("a block's code table repeats a length before giving one"),
        ),
        (
            two_bit_header().code(3, 2).put(127, 7).code(3, 2).put(127, 7).value(),
            Damage::RepeatPastEnd.into(),
            damaged("a block's code table repeats a length past its end"),
        ),
        (zeros_258.value(), Damage::NoEndOfBlock.into(), damaged("a block's code table has no end-of-block code")),
        (
            fixed().code(0xC6, 8).value(),
            Damage::UndefinedCode.into(),
            damaged("the data uses a code that its table does not define"),
        ),
        (
            fixed().fixed(u32::from(b'a')).fixed(257).code(1, 5).value(),
            Damage::DistanceTooFar.into(),
            damaged("the data refers back to text before the program's start"),
        ),
        (
            bomb(400),
            CodeError::TooLong,
            format!("the program is longer than {MAX_PROGRAM_BYTES} bytes, the most a link may carry"),
        ),
        (
            fixed().fixed(0x80).fixed(256).value(),
            CodeError::NotUtf8 { position: 1 },
            "the program is not UTF-8 text (byte 1 is not valid)".into(),
        ),
    ];
    for (value, error, message) in cases {
        assert_eq!(decode_program(&value), Err(error), "{value}");
        assert_eq!(error.to_string(), message);
    }
    assert_eq!(MAX_PROGRAM_BYTES, 100_000);
}

#[test]
fn more_hostile_streams() {
    let fixed = || Bits::default().put(0b011, 3);
    // Fixed distance codes 30 and 31, which DEFLATE does not use; a copy overlapping its own output.
    assert_eq!(decode_program(&fixed().fixed(97).fixed(257).code(30, 5).value()), Err(Damage::UndefinedCode.into()));
    assert_eq!(decode_program(&fixed().fixed(97).fixed(257).code(31, 5).value()), Err(Damage::UndefinedCode.into()));
    assert_eq!(decode_program(&fixed().fixed(97).fixed(258).code(0, 5).fixed(256).value()).as_deref(), Ok("aaaaa"));
    // A bad block type after a valid block; a stored block longer than its data.
    assert_eq!(
        decode_program(&Bits::default().put(0b010, 3).fixed(256).put(0b111, 3).value()),
        Err(Damage::BadBlockType.into())
    );
    assert_eq!(
        decode_program(&Bits::default().put(1, 8).put(5, 16).put(!5, 16).put(0x41, 8).value()),
        Err(CodeError::Truncated)
    );
    // A dynamic block whose literal/length code is oversubscribed: 258 lengths of 1.
    // Code-length code: 1 → 00, 15 → 01, 18 → 10 (listed eighteenth, nineteenth and third).
    let mut ones = dynamic(0, 0, &[0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2]);
    for _ in 0..258 {
        ones = ones.code(0, 2);
    }
    assert_eq!(decode_program(&ones.value()), Err(Damage::Oversubscribed.into()));
    // An incomplete literal/length code ('a' and end-of-block, 2 bits each): its unused codes are errors.
    // Code-length code: 1 → 00, 2 → 01, 18 → 10 (listed eighteenth, sixteenth and third).
    let incomplete = || {
        dynamic(0, 0, &[0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2])
            .code(2, 2)
            .put(97 - 11, 7) // 97 zeros
            .code(1, 2) // 'a': 2 bits
            .code(2, 2)
            .put(127, 7)
            .code(2, 2)
            .put(20 - 11, 7) // 158 zeros
            .code(1, 2) // end of block: 2 bits
            .code(0, 2) // the one distance code: 1 bit
    };
    assert_eq!(decode_program(&incomplete().code(0, 2).code(1, 2).value()).as_deref(), Ok("a"));
    // Detected as soon as the bits read are longer than the table's longest code.
    assert_eq!(decode_program(&incomplete().code(2, 2).value()), Err(Damage::UndefinedCode.into()));
    assert_eq!(decode_program(&incomplete().code(3, 2).value()), Err(Damage::UndefinedCode.into()));
    // Decompression bombs stop at the limit, quickly: exactly the limit is fine, one more byte is not.
    let exact = "a".repeat(MAX_PROGRAM_BYTES);
    assert_eq!(decode_program(&encode_program(&exact)).map(|p| p.len()), Ok(MAX_PROGRAM_BYTES));
    assert_eq!(decode_program(&encode_program(&(exact + "b"))), Err(CodeError::TooLong));
    let start = std::time::Instant::now();
    let script = "import base64, zlib\nc = zlib.compressobj(9, 8, -15)\n\
                  print(base64.urlsafe_b64encode(c.compress(b'a' * 8_000_000) + c.flush()).decode().rstrip('='))";
    let huge = run("python3", &["-c", script], &[]);
    assert!(huge[0].len() < 12_000, "{}", huge[0].len());
    assert_eq!(decode_program(&huge[0]), Err(CodeError::TooLong));
    assert_eq!(decode_program(&bomb(20_000)), Err(CodeError::TooLong));
    assert!(start.elapsed().as_secs() < 2);
}

#[test]
fn truncated_streams_are_errors_at_every_length() {
    let texts = corpus();
    let lines: Vec<String> = texts.iter().take(6).map(|(_, t)| format!("x{}", hex(t.as_bytes()))).collect();
    let python = run("python3", &["-c", PYTHON_COMPRESS], &lines);
    let values = python.iter().flat_map(|l| l.split(' ').map(str::to_string).collect::<Vec<_>>());
    for value in values.chain(texts.iter().take(6).map(|(_, t)| encode_program(t))) {
        for n in 1..value.len() {
            let error = decode_program(&value[..n]).expect_err("a cut value is refused");
            let expected = if n % 4 == 1 { CodeError::DanglingCharacter { position: n } } else { CodeError::Truncated };
            assert_eq!(error, expected, "{value} cut at {n}");
        }
    }
}

/// Long repetitive text: a unit repeated, with changes here and there; or random text
/// repeated at a distance near the 32 KiB window.
fn repetitive() -> impl Strategy<Value = String> {
    let unit = prop::collection::vec(prop::char::range('\0', '\u{3000}'), 1..40).prop_map(String::from_iter);
    let periodic = (unit, 1usize..3000, any::<u64>(), 0u64..50).prop_map(|(unit, times, seed, changes)| {
        let mut rng = Rng(seed | 1);
        let mut text: Vec<char> = unit.repeat(times.min(90_000 / unit.len())).chars().collect();
        for _ in 0..changes {
            let i = rng.below(text.len() as u64) as usize;
            text[i] = char::from(b'a' + rng.below(26) as u8);
        }
        String::from_iter(text)
    });
    let far = (any::<u64>(), 32_000usize..33_500, 0usize..1000).prop_map(|(seed, distance, extra)| {
        let text = random_text(&mut Rng(seed | 1), &['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'é', '日'], distance);
        let cut = text.char_indices().nth(extra).map_or(text.len(), |(i, _)| i);
        format!("{text}{}", &text[..cut])
    });
    prop_oneof![periodic, far]
}

proptest! {
    #[test]
    fn round_trip_any_text(text in any::<String>()) {
        prop_assert_eq!(decode_program(&encode_program(&text)), Ok(text));
    }

    #[test]
    fn round_trip_program_like_text(text in "[ a-z():=\n]{0,3000}") {
        prop_assert_eq!(decode_program(&encode_program(&text)), Ok(text));
    }

    #[test]
    fn hostile_strings_never_panic(value in any::<String>()) {
        let _ = decode_program(&value);
    }

    #[test]
    fn hostile_base64url_never_panics(value in "[A-Za-z0-9_-]{0,400}") {
        let _ = decode_program(&value);
    }

    #[test]
    fn random_bytes_never_panic(mut bytes in prop::collection::vec(any::<u8>(), 0..600), kind in 0u8..4) {
        if let Some(first) = bytes.first_mut() {
            *first = (*first & !6) | kind << 1;
        }
        let _ = decode_program(&b64(&bytes));
    }

    #[test]
    fn corrupted_values_never_panic(index in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), digit in 0usize..64) {
        let programs = corpus();
        let mut value: Vec<char> = encode_program(&index.get(&programs).1).chars().collect();
        let i = at.index(value.len());
        value[i] = char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[digit]);
        let _ = decode_program(&String::from_iter(value));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn round_trip_long_repetitive_text(text in repetitive()) {
        let back = decode_program(&encode_program(&text));
        prop_assert!(back.as_ref() == Ok(&text), "{} bytes: {:?}", text.len(), back.map(|b| b.len()));
    }
}
