//! Backslash escapes of string literals.

/// Decodes a string literal's backslash escapes (`\n`, `\t`, `\x41`, `\u00e9`, `\033`...).
pub fn decode_escapes(s: &str) -> Result<String, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '\\' || i >= chars.len() {
            out.push(c);
            continue;
        }
        let e = chars[i];
        i += 1;
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            '\n' => {}
            '0'..='7' => {
                let mut code = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.get(i).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            code = code * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.iter().skip(i).take(n).collect();
                i += hex.chars().count();
                let code = u32::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|_| hex.chars().count() == n)
                    .ok_or_else(|| format!("(unicode error) truncated \\{e} escape"))?;
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// CPython's escape of one character in a repr: `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn escape_char(c: char, out: &mut String) {
    let n = c as u32;
    let s = if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    };
    out.push_str(&s);
}

/// Whether `repr` shows `c` as it is: CPython's `str.isprintable` of one character (not a control,
/// format, surrogate, private-use, unassigned or separator character, the space excepted). Rust's
/// `escape_debug` draws the same line (after another character, so that combining marks are kept).
pub fn printable(c: char) -> bool {
    c == ' '
        || (c as u32 >= 0x20 && c as u32 != 0x7f && (c.is_ascii() || !format!("a{c}").escape_debug().any(|e| e == '{')))
}

/// `ascii(x)`: `x`'s repr with every character outside ASCII escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            escape_char(c, &mut out);
        }
    }
    out
}
