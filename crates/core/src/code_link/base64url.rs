//! base64url (RFC 4648 §5) without padding, with the lenient reading described in the
//! module's documentation.

use super::CodeError;

/// The value of each base64url digit, in order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url, without padding.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |g, (i, &b)| g | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            text.push(char::from(ALPHABET[(group >> (18 - 6 * i)) as usize & 63]));
        }
    }
    text
}

/// The value of a digit: base64url's, standard base64's `+` and `/`, and a space as `+`.
fn digit(c: char) -> Option<u32> {
    let v = match c {
        'A'..='Z' => c as u32 - 'A' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 26,
        '0'..='9' => c as u32 - '0' as u32 + 52,
        '-' | '+' | ' ' => 62,
        '_' | '/' => 63,
        _ => return None,
    };
    Some(v)
}

/// The bytes `text` encodes; up to two trailing `=` are ignored, and so are the unused
/// bits of the last character.
pub(super) fn decode(text: &str) -> Result<Vec<u8>, CodeError> {
    let body = text.strip_suffix('=').unwrap_or(text);
    let body = body.strip_suffix('=').unwrap_or(body);
    let mut bytes = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let (mut group, mut bits, mut count) = (0u32, 0u32, 0usize);
    for (i, character) in body.chars().enumerate() {
        let v = digit(character).ok_or(CodeError::BadCharacter { position: i + 1, character })?;
        group = (group << 6 | v) & 0xFFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((group >> bits) as u8);
        }
        count = i + 1;
    }
    if count % 4 == 1 {
        return Err(CodeError::DanglingCharacter { position: count });
    }
    Ok(bytes)
}
