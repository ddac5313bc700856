//! Byte offsets to character offsets, for exporters that count Unicode scalar values.

use crate::model::Span;

/// Bytes per block of the lookup table: a lookup scans at most this many bytes, and the
/// table takes one word per block (an eighth of the text's size on 64-bit machines).
const BLOCK_BYTES: usize = 64;

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// JSON consumers (Python, JavaScript after code-point iteration, the public gold corpora)
/// count characters, while every span in the model counts bytes. Counting from the start of
/// the text for each span would be quadratic in a long document, so this keeps the number of
/// characters before every 64-byte block: a lookup is one table read plus a scan of at most
/// 64 bytes, and pure ASCII text (most news) needs no table at all.
///
/// # Examples
/// ```
/// use newsmap::text::CharOffsets;
/// let text = "“Kim” in Seoul";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_index(text.find("Seoul").unwrap()), 9);
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `chars_before_block[i]` = characters in `text[..i * BLOCK_BYTES]` (as bytes); empty
    /// for ASCII text, where byte and character offsets agree.
    chars_before_block: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    /// Builds the table for `text` in one pass (O(n), one word per 64 bytes).
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Self { text, chars_before_block: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK_BYTES + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK_BYTES) {
            chars_before_block.push(count);
            count += count_char_starts(block);
        }
        chars_before_block.push(count);
        Self { text, chars_before_block }
    }

    /// The text the offsets refer to.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The character index of byte offset `byte`: the number of characters that start before
    /// it. Offsets past the end are clamped to the text's length.
    pub fn char_index(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.chars_before_block.is_empty() {
            return byte;
        }
        let block = byte / BLOCK_BYTES;
        let block_start = block * BLOCK_BYTES;
        let before = self.chars_before_block.get(block).copied().unwrap_or(0);
        before + count_char_starts(&self.text.as_bytes()[block_start..byte])
    }

    /// A byte span as `(start, end)` character offsets.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_index(span.start_byte), self.char_index(span.end_byte))
    }
}

/// Counts the bytes that start a UTF-8 character (everything but continuation bytes).
fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_offsets_are_byte_offsets() {
        let offsets = CharOffsets::new("Seoul, Oct 12");
        assert_eq!(offsets.char_index(7), 7);
        assert_eq!(offsets.span(Span::new(0, 5)), (0, 5));
    }

    #[test]
    fn every_char_boundary_maps_like_counting_from_the_start() {
        let text = "Пхеньян – “Kim” 🇰🇵 ".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(offsets.char_index(byte), slow(&text, byte), "byte {byte}");
        }
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let text = "Zürich";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_index(1000), 6);
    }
}
