use serde::{Deserialize, Serialize};

/// A half-open byte range `[start_byte, end_byte)` into a document's text.
///
/// Byte offsets are what Rust strings index with; exporters convert to character offsets at
/// the boundary (see [`Span::to_char_offsets`]) because JSON consumers count characters.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start_byte: usize,
    /// One past the last byte of the span.
    pub end_byte: usize,
}

impl Span {
    /// A span from `start_byte` to `end_byte` (half-open).
    pub fn new(start_byte: usize, end_byte: usize) -> Self {
        debug_assert!(start_byte <= end_byte, "span start after end");
        Self { start_byte, end_byte }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end_byte - self.start_byte
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start_byte == self.end_byte
    }

    /// The text this span covers, or `None` when it is out of bounds or splits a character.
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start_byte..self.end_byte)
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start_byte < other.end_byte && other.start_byte < self.end_byte
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start_byte <= other.start_byte && other.end_byte <= self.end_byte
    }

    /// The same range in Unicode scalar values (`char`s), as exported in JSON.
    ///
    /// Counts from the start of the text, so converting many spans is quadratic; exporters use
    /// [`crate::text::CharOffsets`] instead.
    pub fn to_char_offsets(&self, text: &str) -> (usize, usize) {
        let start = text.get(..self.start_byte).map_or(0, |s| s.chars().count());
        let len = self.text(text).map_or(0, |s| s.chars().count());
        (start, start + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let text = "“Kim” in Seoul";
        let start = text.find("Seoul").unwrap();
        let span = Span::new(start, start + "Seoul".len());
        assert_eq!(span.to_char_offsets(text), (9, 14));
    }

    #[test]
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 3).overlaps(&Span::new(3, 5)));
        assert!(Span::new(0, 4).overlaps(&Span::new(3, 5)));
        assert!(Span::new(0, 9).contains(&Span::new(3, 5)));
    }
}
