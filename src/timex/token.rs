//! A fast tokenizer made for time expressions.
//!
//! Time expressions are built from words, digit runs and a little punctuation ("Oct. 12,
//! 1948", "10:35 a.m.", "1998-99", "the '90s"), so the tokenizer keeps exactly that: runs of
//! letters, runs of ASCII digits, and every other non-space character on its own. Whether a
//! token touches the previous one ("third-quarter", "12th", "1990s") is kept as a flag, because
//! the grammar needs it and whitespace is otherwise thrown away.

use super::lexicon::{self, Kind, LexId};

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

impl Shape {
    /// Title case or all capitals.
    pub fn is_capitalized(self) -> bool {
        matches!(self, Shape::Title | Shape::Upper)
    }
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
    /// The main lexicon reading of a word ([`Kind::None`] when it has none or the reading
    /// needs a capital letter the word lacks) and its second one. Kept here because the
    /// grammar asks for them again and again; a reference into the lexicon's table, so that
    /// making a token writes one pointer rather than two readings.
    pub readings: &'static (Kind, Kind),
    /// The grammar tries its rules here: a number, a word that can begin an expression or an
    /// apostrophe ("the '90s"). Set once here so that the grammar's scan skips all other
    /// tokens with one test each.
    pub can_start: bool,
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

    /// Capitalisation of this token in `text` (the text it was read from).
    ///
    /// Read from the text when a rule asks rather than while tokenizing: only a few tokens
    /// near time expressions are ever asked, and the lexicon works out the shape of its own
    /// words from the packed key.
    pub fn shape(&self, text: &str) -> Shape {
        text.as_bytes().get(self.start..self.end).map_or(Shape::Other, shape_of)
    }

    /// True when this word starts with a capital letter (title case or all capitals) in
    /// `text`.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.shape(text).is_capitalized()
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
    let table = lexicon::table();
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
        let mut lex = LexId::NONE;
        let mut readings = &lexicon::NO_READINGS;
        if b.is_ascii_alphabetic() {
            let word = AsciiWord::scan(bytes, i);
            i = word.end;
            if word.non_ascii_next && starts_letter(text, i) {
                // A non-ASCII letter inside the word: never a time word.
                i = scan_letters(text, i);
            } else if word.fits_lexicon(start) {
                lex = table.find(word.key);
                // Most words are not time words: their shape is never worked out here.
                if lex.is_some() {
                    readings = table.readings(lex, word.shape(b));
                }
            }
            kind = TokenKind::Word;
        } else if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            kind = TokenKind::Number;
        } else if b >= 0x80 && starts_letter(text, i) {
            // A word that starts with a non-ASCII letter is not in the lexicon.
            i = scan_letters(text, i + utf8_len(b));
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
        let can_start = match kind {
            TokenKind::Number => true,
            TokenKind::Word => lex.can_start(),
            TokenKind::Punct(c) => c == '\'',
        };
        out.push(Token {
            start,
            end: i,
            kind,
            lex,
            value,
            space_before,
            newline_before,
            readings,
            can_start,
        });
        // Most tokens are followed by one space: step over it here rather than in a loop
        // turn of its own.
        let spaced = bytes.get(i) == Some(&b' ');
        i += usize::from(spaced);
        space_before = spaced;
        newline_before = false;
    }
}

/// The end of the run of letters (ASCII or not) from byte `i`.
fn scan_letters(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&c) = bytes.get(i) {
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c >= 0x80 && starts_letter(text, i) {
            i += utf8_len(c);
        } else {
            break;
        }
    }
    i
}

/// A run of ASCII letters, read eight bytes at a time: most words take one step instead of
/// a loop turn and a test per byte.
struct AsciiWord {
    /// One past the last ASCII letter.
    end: usize,
    /// A non-ASCII byte follows the run (it may be a letter that continues the word).
    non_ascii_next: bool,
    /// The first sixteen letters lower-cased and packed as the lexicon keys them, zeros
    /// after the word.
    key: u128,
    /// The same letters as written.
    raw: u128,
}

/// `0x80` in every byte of a word.
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
/// The case bit of ASCII letters in every byte of a word: set for lower case.
const CASE: u64 = u64::from_le_bytes([0x20; 8]);

/// One chunk of eight bytes at the start of, or inside, a word.
struct Chunk {
    /// The bytes of the run, little-endian, zeros after it.
    raw: u64,
    /// All bits of the leading bytes that are ASCII letters.
    in_run: u64,
    /// How many leading bytes are ASCII letters (8 when all are).
    run: usize,
    /// The byte after the run is not ASCII (only meaningful when `run < 8`).
    non_ascii_next: bool,
}

impl Chunk {
    /// Reads the chunk at `i`.
    #[inline]
    fn at(bytes: &[u8], i: usize) -> Self {
        let chunk = load8(bytes, i);
        let stops = !letter_bits(chunk) & HIGH;
        // The top bit of the first byte that is not a letter (none when all are).
        let first_stop = stops & stops.wrapping_neg();
        let in_run = (first_stop >> 7).wrapping_sub(1);
        Self {
            raw: chunk & in_run,
            in_run,
            run: (stops.trailing_zeros() / 8) as usize,
            non_ascii_next: chunk & first_stop != 0,
        }
    }

    /// The letters of the run lower-cased, zeros after it.
    #[inline]
    fn lowered(&self) -> u64 {
        (self.raw | CASE) & self.in_run
    }
}

impl AsciiWord {
    /// Scans the ASCII letters from `start`, which must be one.
    #[inline]
    fn scan(bytes: &[u8], start: usize) -> Self {
        // The first eight bytes hold most words whole.
        let first = Chunk::at(bytes, start);
        let mut word = Self {
            end: start + first.run,
            non_ascii_next: first.non_ascii_next,
            key: u128::from(first.lowered()),
            raw: u128::from(first.raw),
        };
        if first.run == 8 {
            word.scan_on(bytes, start);
        }
        word
    }

    /// Scans on past a first chunk that was all letters; only the second chunk can still
    /// be part of a lexicon key.
    #[inline]
    fn scan_on(&mut self, bytes: &[u8], start: usize) {
        loop {
            let next = Chunk::at(bytes, self.end);
            if self.end - start == 8 {
                self.key |= u128::from(next.lowered()) << 64;
                self.raw |= u128::from(next.raw) << 64;
            }
            self.end += next.run;
            self.non_ascii_next = next.non_ascii_next;
            if next.run < 8 {
                break;
            }
        }
    }

    /// True when the word (from `start`) is short enough to be in the lexicon.
    #[inline]
    fn fits_lexicon(&self, start: usize) -> bool {
        self.end - start <= lexicon::MAX_WORD_LEN
    }

    /// The shape of a word that fits the lexicon, from its packed letters: a letter is
    /// upper case where the lowered key differs from the text, lower case where the text
    /// has the case bit. `first` is the word's first byte.
    #[inline]
    fn shape(&self, first: u8) -> Shape {
        const CASE_WIDE: u128 = u128::from_le_bytes([0x20; 16]);
        let upper_rest = (self.key ^ self.raw) >> 8;
        let lower_rest = (self.raw & CASE_WIDE) >> 8;
        word_shape(first, self.raw >> 8 == 0, upper_rest == 0, lower_rest == 0)
    }
}

/// The eight bytes from `i` as a little-endian integer, zeros past the end of the text
/// (zero is not a letter, so a run stops there).
#[inline]
fn load8(bytes: &[u8], i: usize) -> u64 {
    let rest = bytes.get(i..).unwrap_or_default();
    if let Some(chunk) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(*chunk);
    }
    let mut padded = [0u8; 8];
    padded[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(padded)
}

/// The top bit of every byte of `chunk` that is an ASCII letter. A byte's case bit is set
/// and it is compared with 'a' and 'z' by additions that carry into its top bit; top bits
/// are cleared first so that no byte carries into the next.
#[inline]
fn letter_bits(chunk: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let folded = chunk & !HIGH | CASE;
    let at_least = |c: u8| folded + ONES * u64::from(0x80 - c);
    at_least(b'a') & !at_least(b'z' + 1) & !chunk & HIGH
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
    let bytes = text.as_bytes();
    // News writes curly quotes and dashes (the apostrophe of "Obama's", en and em dashes)
    // from U+2000 to U+203F, encoded E2 80 xx, where there is no letter: answered without
    // the Unicode tables, which every other character still consults.
    if bytes.get(i) == Some(&0xE2) && bytes.get(i + 1) == Some(&0x80) {
        return false;
    }
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

/// The [`Shape`] of a token's bytes, looking at each byte.
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
    fn capitalisation_is_read_from_the_text() {
        let text = "May may MAY mAy";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let shapes: Vec<Shape> = toks.iter().map(|t| t.shape(text)).collect();
        assert_eq!(shapes, [Shape::Title, Shape::Lower, Shape::Upper, Shape::Other]);
    }

    proptest::proptest! {
        #[test]
        fn the_shape_worked_out_from_the_packed_key_is_the_shape_of_the_word(
            text in "[A-Za-z]{1,14}"
        ) {
            let word = AsciiWord::scan(text.as_bytes(), 0);
            proptest::prop_assert_eq!(word.end, text.len());
            proptest::prop_assert_eq!(word.shape(text.as_bytes()[0]), shape_of(text.as_bytes()));
        }
    }

    proptest::proptest! {
        #[test]
        fn words_read_eight_bytes_at_a_time_find_what_a_lookup_of_the_word_finds(
            text in "((may|MAY|May|Second|days|o'clock|[A-Za-z]{1,18}|Zürich|[0-9]{1,3})[ ,.\n-]{0,2}){0,8}"
        ) {
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            for t in toks.iter().filter(|t| t.is_word()) {
                let word = &text.as_bytes()[t.start..t.end];
                let lex = lexicon::lookup(word);
                proptest::prop_assert_eq!(t.lex, lex);
                let readings = lexicon::table().readings(lex, shape_of(word));
                proptest::prop_assert_eq!(t.readings, readings);
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(!c.is_alphabetic(), "{c:?}");
            assert!(!starts_letter(&c.to_string(), 0));
        }
        assert!(starts_letter("\u{e9}", 0));
    }

    #[test]
    fn huge_numbers_saturate_instead_of_overflowing() {
        let mut toks = Vec::new();
        tokenize("99999999999999999999", &mut toks);
        assert_eq!(toks[0].value, u32::MAX);
    }
}
