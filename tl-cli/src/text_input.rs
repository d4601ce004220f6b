//! Bytes written as text, hex or base64, read as a user writes them: with
//! spaces and line breaks anywhere (as captured traffic is printed), and
//! refused with a reason in words where they are not what they claim.

use base64::Engine;

/// The bytes a hex text stands for. White space anywhere is skipped, and so
/// is a leading `0x`.
pub fn hex(text: &str) -> Result<Vec<u8>, String> {
    let trimmed = text.trim_start();
    let body = trimmed
        .strip_prefix("0x")
        .or_else(|| trimmed.strip_prefix("0X"))
        .unwrap_or(trimmed);
    let mut digits = Vec::with_capacity(body.len());
    for (index, c) in body.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        match c.to_digit(16) {
            Some(digit) => digits.push(digit as u8),
            None => {
                let at = text.len() - body.len() + index;
                let column = text[..at].chars().count() + 1;
                return Err(format!(
                    "not hex: `{c}` (character {column}) is not a hex digit"
                ));
            }
        }
    }
    if digits.len() % 2 == 1 {
        return Err(format!(
            "not hex: {} hex digits, an odd number; each byte takes two",
            digits.len()
        ));
    }
    Ok(digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair[1])
        .collect())
}

/// The bytes a base64 text (standard alphabet, with padding) stands for;
/// white space anywhere is skipped.
pub fn base64(text: &str) -> Result<Vec<u8>, String> {
    let compact: String = text.split_whitespace().collect();
    base64::engine::general_purpose::STANDARD
        .decode(&compact)
        .map_err(|e| format!("not base64: {e}"))
}

/// Whether bytes given as raw bytes look like hex or base64 text instead,
/// and so which option reads them as meant: `--hex` or `--base64`.
pub fn looks_like_text(bytes: &[u8]) -> Option<&'static str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let compact: String = text.split_whitespace().collect();
    if compact.len() < 8 {
        return None;
    }
    if hex(text).is_ok() {
        Some("--hex")
    } else if compact.len() % 4 == 0 && base64(text).is_ok() {
        Some("--base64")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_with_spaces_and_line_breaks() {
        assert_eq!(
            hex("c000bba2 05000000").unwrap(),
            [0xc0, 0, 0xbb, 0xa2, 5, 0, 0, 0]
        );
        assert_eq!(hex("0xC0 00\n\tbb a2\r\n").unwrap(), [0xc0, 0, 0xbb, 0xa2]);
        assert!(hex("").unwrap().is_empty());
    }

    #[test]
    fn hex_refused_in_words() {
        assert_eq!(
            hex("c000bba2 0500000").unwrap_err(),
            "not hex: 15 hex digits, an odd number; each byte takes two"
        );
        assert_eq!(
            hex("c0 0g").unwrap_err(),
            "not hex: `g` (character 5) is not a hex digit"
        );
    }

    #[test]
    fn text_given_as_bytes_is_recognised() {
        assert_eq!(looks_like_text(b"6b18f9c4\n"), Some("--hex"));
        assert_eq!(looks_like_text(b"orsAwAUAAAA=\n"), Some("--base64"));
        assert_eq!(looks_like_text(&[0xc4, 0xf9, 0x18, 0x6b]), None);
        assert_eq!(looks_like_text(b"abc"), None);
    }
}
