//! Python's one rule for underscores in numbers, in literals and in `int()` and `float()`:
//! each underscore stands between two digits (or, in a literal, just after its base's
//! prefix: `0x_ff`).

/// `text` without its underscores, if each is followed by a digit of `radix` and follows
/// one (or starts `text`, where `lead` allows it). Else the index, in characters, where
/// CPython's tokenizer reports the first that is not: the underscore itself, or the
/// character before it when only that is wrong (`1._5`). `1_000.000_1` and `1e1_0` are
/// numbers; `1__0`, `_1`, `1_`, `1_.5` are not.
pub fn without_underscores(text: &str, radix: u32, lead: bool) -> Result<String, usize> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_digit(radix));
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '_' {
            out.push(c);
        } else if !digit(i + 1) {
            return Err(i);
        } else if !(if i == 0 { lead } else { digit(i - 1) }) {
            return Err(i.saturating_sub(1));
        }
    }
    Ok(out)
}
