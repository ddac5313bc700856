//! Bytes to text: byte-order marks, UTF-16, binary detection.

/// Why a byte buffer is not text. The caller adds the path (see [`super::LoadError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Invalid UTF-8 at this byte offset.
    NotUtf8 { offset: usize },
    /// A UTF-16 byte-order mark followed by invalid UTF-16 at this byte offset.
    BadUtf16 { offset: usize },
    /// NUL bytes or mostly control characters: an image, a PDF, an executable.
    Binary,
}

/// Share of control characters (other than tab, newlines and form feed) above which a
/// decoded text counts as binary. Real text has almost none; a file that decodes as UTF-8
/// but is one tenth control characters is a binary format, not an article.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// Decodes a file's bytes to text.
///
/// A UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark (what Windows tools
/// write for "Unicode text") is decoded; anything else must be UTF-8. NUL bytes outside
/// UTF-16 mean binary data, as in git and ripgrep.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest, 3)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => utf8(bytes, 0)?,
    };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

/// Decodes an HTML page in the legacy character set its head declares
/// (`<meta charset="windows-1252">`, `content="text/html; charset=iso-8859-1"`), as browsers
/// do: older news archives are full of them. `None` when no known charset is declared in
/// the first kilobyte, or the bytes are not valid in it.
pub(crate) fn decode_declared_html(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let label = declared_charset(head)?;
    let encoding = encoding_rs::Encoding::for_label(label)?;
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    (!looks_binary(&text)).then(|| text.into_owned())
}

/// The label after the first `charset=` in `head`, without quotes.
fn declared_charset(head: &[u8]) -> Option<&[u8]> {
    let at = head.windows(8).position(|w| w.eq_ignore_ascii_case(b"charset="))? + 8;
    let rest = &head[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn utf8(bytes: &[u8], bom_len: usize) -> Result<String, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => Err(DecodeError::NotUtf8 { offset: bom_len + err.valid_up_to() }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    const BOM_BYTES: usize = 2;
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut units_done = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                units_done += c.len_utf16();
            }
            // An unpaired surrogate.
            Err(_) => return Err(DecodeError::BadUtf16 { offset: BOM_BYTES + 2 * units_done }),
        }
    }
    if bytes.len() % 2 == 1 {
        // An odd byte at the end: a truncated file.
        return Err(DecodeError::BadUtf16 { offset: BOM_BYTES + bytes.len() - 1 });
    }
    Ok(text)
}

fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    // Sample the start: binary formats show themselves early, and this keeps the check O(1)
    // per file.
    let sample: &str = match text.char_indices().nth(8192) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in sample.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    chars > 0 && controls as f64 / chars as f64 > MAX_CONTROL_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFSeoul").unwrap(), "Seoul");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "Пхеньян 🇰🇵";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
    }

    #[test]
    fn truncated_utf16_is_reported_where_it_breaks() {
        assert_eq!(decode(b"\xFF\xFEA\x00B"), Err(DecodeError::BadUtf16 { offset: 4 }));
        // A lone low surrogate.
        assert_eq!(decode(b"\xFF\xFEA\x00\x00\xDC"), Err(DecodeError::BadUtf16 { offset: 4 }));
    }

    #[test]
    fn latin1_is_reported_at_its_first_bad_byte() {
        assert_eq!(decode(b"Z\xFCrich"), Err(DecodeError::NotUtf8 { offset: 1 }));
        assert_eq!(decode(b"\xEF\xBB\xBFZ\xFC"), Err(DecodeError::NotUtf8 { offset: 4 }));
    }

    #[test]
    fn html_in_a_declared_legacy_charset_is_decoded() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><p>Z\xFCrich \x93quoted\x94</p>";
        assert_eq!(decode(page), Err(DecodeError::NotUtf8 { offset: 52 }));
        let text = decode_declared_html(page).unwrap();
        assert!(text.contains("Zürich “quoted”"), "{text}");
        let http_equiv =
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>Z\xFCrich";
        assert!(decode_declared_html(http_equiv).unwrap().ends_with("Zürich"));
        assert_eq!(decode_declared_html(b"<p>Z\xFCrich</p>"), None, "nothing declared");
        assert_eq!(decode_declared_html(b"<meta charset=klingon>Z\xFC"), None, "unknown charset");
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04 text"), Err(DecodeError::Binary));
    }

    #[test]
    fn tabs_newlines_and_form_feeds_are_text() {
        assert_eq!(decode(b"a\tb\r\nc\x0Cd").unwrap(), "a\tb\r\nc\x0Cd");
    }
}
