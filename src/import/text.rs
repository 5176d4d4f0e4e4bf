//! Turning an export's bytes into text: UTF-8 (a byte-order mark is dropped), else
//! Windows-1252, which older Excel versions write on German and French systems.

/// Windows-1252's characters for 0x80–0x9F (where it differs from ISO 8859-1);
/// the five bytes it leaves undefined become U+FFFD.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

/// The file's text.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Müller".as_bytes()), "Müller");
        assert_eq!(decode(b"\xEF\xBB\xBFM\xC3\xBCller"), "Müller");
    }

    #[test]
    fn windows_1252() {
        assert_eq!(
            decode(b"M\xFCller \x80 Stra\xDFe \x84Dach\x93"),
            "Müller € Straße „Dach“"
        );
    }
}
