//! A fast tokenizer made for time expressions.
//!
//! Time expressions are built from words, digit runs and a little punctuation ("Oct. 12,
//! 1948", "10:35 a.m.", "1998-99", "the '90s"), so the tokenizer keeps exactly that: runs of
//! letters, runs of ASCII digits, and every other non-space character on its own. Whether a
//! token touches the previous one ("third-quarter", "12th", "1990s") is kept as a flag, because
//! the grammar needs it and whitespace is otherwise thrown away.

use super::lexicon::{self, LexId};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (ASCII or not).
    Word,
    /// ASCII digits.
    Number,
    /// Any other single character that is not whitespace.
    Punct(char),
}

/// How a word is capitalised; "May" the month and "may" the verb differ only here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// All lower case ("may").
    Lower,
    /// First letter upper case, some lower ("May").
    Title,
    /// All upper case, two letters or more ("MAY").
    Upper,
    /// Anything else (digits, punctuation, mixed case).
    Other,
}

/// One token with its byte span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The lexicon entry of a word ([`LexId::NONE`] for other tokens and unknown words).
    pub lex: LexId,
    /// For numbers: the value (saturating at `u32::MAX`).
    pub value: u32,
    /// True when whitespace separates this token from the previous one (or it is the first).
    pub space_before: bool,
    /// True when a line break separates this token from the previous one.
    pub newline_before: bool,
    /// Capitalisation of a word.
    pub shape: Shape,
}

impl Token {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a number token.
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// True when this word starts with a capital letter (title case or all capitals).
    pub fn is_capitalized(&self) -> bool {
        matches!(self.shape, Shape::Title | Shape::Upper)
    }
}

/// Splits `text` into tokens, appending them to `out` (cleared first).
///
/// Runs in one pass over the bytes; words are looked up in the lexicon as they are found so
/// that the grammar never touches text again except to read digits.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    // News runs at a little over one token per five bytes: one allocation, no regrowth.
    out.reserve(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            newline_before |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let mut value = 0u32;
        let mut shape = Shape::Other;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            kind = TokenKind::Number;
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_letter(text, i)) {
            // The shape is read in the same pass: whether every letter after the first is
            // ASCII lower case, or ASCII upper case.
            i += if b < 0x80 { 1 } else { utf8_len(b) };
            let (mut rest_lower, mut rest_upper) = (true, true);
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    rest_lower &= c.is_ascii_lowercase();
                    rest_upper &= c.is_ascii_uppercase();
                    i += 1;
                } else if c >= 0x80 && starts_letter(text, i) {
                    (rest_lower, rest_upper) = (false, false);
                    i += utf8_len(c);
                } else {
                    break;
                }
            }
            shape = word_shape(b, i - start == 1, rest_lower, rest_upper);
            kind = TokenKind::Word;
        } else if b < 0x80 {
            i += 1;
            kind = TokenKind::Punct(char::from(b));
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            i += c.len_utf8();
            if c.is_whitespace() {
                space_before = true;
                newline_before |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            kind = TokenKind::Punct(normalize_punct(c));
        }
        let lex =
            if kind == TokenKind::Word { lexicon::lookup(&bytes[start..i]) } else { LexId::NONE };
        out.push(Token { start, end: i, kind, lex, value, space_before, newline_before, shape });
        space_before = false;
        newline_before = false;
    }
}

/// Maps typographic variants onto the ASCII character the grammar looks for.
fn normalize_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        other => other,
    }
}

fn utf8_len(first_byte: u8) -> usize {
    match first_byte {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// True when the (non-ASCII) character starting at byte `i` is a letter.
fn starts_letter(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic)
}

/// The [`Shape`] of a word from its first byte, whether it is one byte long, and whether
/// the letters after the first are all ASCII lower case or all ASCII upper case.
fn word_shape(first: u8, single: bool, rest_lower: bool, rest_upper: bool) -> Shape {
    if first.is_ascii_lowercase() {
        if rest_lower { Shape::Lower } else { Shape::Other }
    } else if !first.is_ascii_uppercase() {
        Shape::Other
    } else if single {
        Shape::Title
    } else if rest_upper {
        Shape::Upper
    } else if rest_lower {
        Shape::Title
    } else {
        Shape::Other
    }
}

/// The [`Shape`] of a word, looking at each byte: what [`word_shape`] gives from one pass.
#[cfg(test)]
fn shape_of(word: &[u8]) -> Shape {
    let Some(&first) = word.first() else {
        return Shape::Other;
    };
    if !first.is_ascii_alphabetic() {
        return Shape::Other;
    }
    let rest = &word[1..];
    if first.is_ascii_lowercase() {
        if rest.iter().all(u8::is_ascii_lowercase) { Shape::Lower } else { Shape::Other }
    } else if rest.is_empty() {
        Shape::Title
    } else if rest.iter().all(u8::is_ascii_uppercase) {
        Shape::Upper
    } else if rest.iter().all(u8::is_ascii_lowercase) {
        Shape::Title
    } else {
        Shape::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, bool)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter().map(|t| (text[t.start..t.end].to_owned(), t.space_before)).collect()
    }

    #[test]
    fn digits_letters_and_punctuation_are_separate_tokens_that_remember_gluing() {
        let got = kinds("Oct. 12th, 1990s third-quarter");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Oct", ".", "12", "th", ",", "1990", "s", "third", "-", "quarter"]);
        let glued: Vec<bool> = got.iter().map(|(_, s)| !s).collect();
        assert_eq!(glued, [false, true, false, true, true, false, true, false, true, true]);
    }

    #[test]
    fn typographic_dashes_and_apostrophes_read_as_ascii() {
        let mut toks = Vec::new();
        tokenize("the ’90s 1998–99", &mut toks);
        assert!(toks[1].is_punct('\''));
        assert!(toks[5].is_punct('-'));
    }

    #[test]
    fn non_ascii_letters_stay_inside_words_and_spans_stay_on_char_boundaries() {
        let text = "Blagoveshchensk’s Tsiolkovsky Zürich\u{a0}2023";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        for t in &toks {
            assert!(text.get(t.start..t.end).is_some());
        }
        assert_eq!(&text[toks[4].start..toks[4].end], "Zürich");
        assert!(toks[5].space_before, "a no-break space separates tokens");
    }

    #[test]
    fn capitalisation_is_recorded() {
        let mut toks = Vec::new();
        tokenize("May may MAY mAy", &mut toks);
        let shapes: Vec<Shape> = toks.iter().map(|t| t.shape).collect();
        assert_eq!(shapes, [Shape::Title, Shape::Lower, Shape::Upper, Shape::Other]);
    }

    proptest::proptest! {
        #[test]
        fn the_shape_read_while_scanning_is_the_shape_of_the_word(
            text in "[A-Za-zÄäÉé]{1,6}"
        ) {
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            proptest::prop_assert_eq!(toks.len(), 1);
            proptest::prop_assert_eq!(toks[0].shape, shape_of(text.as_bytes()));
        }
    }

    #[test]
    fn huge_numbers_saturate_instead_of_overflowing() {
        let mut toks = Vec::new();
        tokenize("99999999999999999999", &mut toks);
        assert_eq!(toks[0].value, u32::MAX);
    }
}
