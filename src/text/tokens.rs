//! Tokens with byte spans and the shape information the recognizer needs.

use super::abbreviations::{Abbreviation, abbreviation};
pub use super::shape::Case;
use super::shape::case_of;
use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits after a letter): "Seoul", "Jong-un", "O'Brien", "U.S.", "Oct.".
    Word,
    /// Starts with a digit: "1948", "2.5", "1,000", "75th", "10:30".
    Number,
    /// The clitic "'s"/"’s" split off a word ("Russia" + "’s"), or a lone apostrophe after
    /// a word ending in "s" ("States" + "’"). Usually a possessive, so the word before it is
    /// the name; "it's" yields one too.
    Possessive,
    /// Punctuation or a symbol: one character, except runs of periods ("...") and hyphens
    /// ("--"), which are one token each.
    Punct,
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is (byte offsets into the text; on character boundaries).
    pub span: Span,
    /// Word, number, possessive or punctuation.
    pub kind: TokenKind,
    /// Capitalisation.
    pub case: Case,
    /// Index of the sentence it belongs to (see [`segment`]).
    pub sentence: u32,
    /// Newlines in the whitespace before it, capped at 2 (2 = a blank line before it).
    pub newlines_before: u8,
    /// Preceded by whitespace or the start of the text. "(EFE).-" has none inside it.
    pub space_before: bool,
    /// The first word or number of its sentence, where capitalisation says nothing about
    /// being a name.
    pub sentence_initial: bool,
    /// Contains a hyphen between letters or digits ("Jong-un", "anti-tank"); see
    /// [`Token::hyphen_parts`].
    pub hyphenated: bool,
    /// Ends with an abbreviation's period ("Oct.", "U.S.", "J."), included in the span.
    pub abbreviation: Option<Abbreviation>,
}

impl Token {
    /// The token's text in `text` (the text it was made from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text).unwrap_or("")
    }

    /// True when the first letter is upper case (title case, all caps or mixed).
    pub fn is_capitalised(&self) -> bool {
        matches!(self.case, Case::Title | Case::Upper | Case::Mixed)
    }

    /// True for a word or number.
    pub fn is_word_like(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// The spans of the parts between hyphens ("Jong", "un" in "Jong-un"); the whole span
    /// when the token is not hyphenated.
    pub fn hyphen_parts<'a>(&self, text: &'a str) -> impl Iterator<Item = Span> + 'a {
        let base = self.span.start_byte;
        let token = self.text(text);
        let mut offset = 0;
        token.split(is_hyphen).map(move |part| {
            let span = Span::new(base + offset, base + offset + part.len());
            offset +=
                part.len() + token[offset + part.len()..].chars().next().map_or(0, char::len_utf8);
            span
        })
    }
}

/// A text split into tokens and sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Sentence spans, in order, trimmed (each from its first token to its last).
    pub sentences: Vec<Span>,
}

/// Splits a text into tokens, with shapes and sentence positions filled in.
///
/// Use [`segment`] to get the sentences from the same pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    segment(text).tokens
}

/// Splits a text into tokens and sentences in one pass (see [`super::sentences()`] for the
/// sentence rules).
pub fn segment(text: &str) -> Segmentation {
    Segmentation::with_each_token(text, |_, _| {})
}

impl Segmentation {
    /// [`segment`], calling `on_token` with each token as the scan makes it, in order, and
    /// with what the scan knows of its text, so that what a view derives from every token
    /// (its folded form, its flags) is built in the scan's pass rather than in a second one
    /// that reads each token and its text again. The token's `sentence` and
    /// `sentence_initial` are not filled in yet.
    pub(crate) fn with_each_token(text: &str, on_token: impl FnMut(&Token, Written)) -> Self {
        let Scan { mut tokens, long_lines } = scan(text, on_token);
        let sentences = super::sentences::split(text, &mut tokens, long_lines);
        Segmentation { tokens, sentences }
    }
}

/// What the scan knows of a token's text as it makes it (see
/// [`Segmentation::with_each_token`]): a plain word's letters were read as its case was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Written {
    /// ASCII lower-case letters and digits only, so the text is its own folded form.
    LowerAscii,
    /// ASCII letters and digits only, with a capital among them.
    CapitalisedAscii,
    /// Anything else, or not known.
    Unknown,
}

impl Written {
    /// True when the text is ASCII letters and digits only, so its length in bytes is its
    /// length in characters and its folded form is its lower-case form.
    pub(crate) fn is_plain_ascii(self) -> bool {
        self != Self::Unknown
    }

    /// True when the text is its own folded form.
    pub(crate) fn is_folded(self) -> bool {
        self == Self::LowerAscii
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Letters, digits and combining marks (a decomposed "é" stays one word).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if GENERAL_PUNCTUATION.contains(&c) {
        // Most non-ASCII characters of news are typographic quotes, apostrophes and dashes,
        // which this block holds with no letter or digit: it saves the Unicode tables' search.
        matches!(c, '\u{200C}' | '\u{200D}')
    } else {
        c.is_alphanumeric()
            || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
                | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}')
    }
}

/// The Unicode block of typographic punctuation: quotes, apostrophes, dashes, ellipses,
/// special spaces and invisible formatting characters.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// The character at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Byte classes for the ASCII fast paths of [`scan`]: a word's bytes are OR-ed together, so
/// its case is known from one test at its end, and a run of spaces is one loop.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
/// ASCII whitespace (a newline too).
const SPACE: u8 = 8;
/// The newline byte, which ends a line as well as being a space.
const NEWLINE: u8 = 16;
/// Ends a plain word only by joining it or by ending it specially: a hyphen, an apostrophe,
/// a period, or the first byte of a non-ASCII character.
const JOINER: u8 = 32;
/// ASCII punctuation, symbols and control characters: always a token of its own.
const MARK: u8 = 64;
const LETTER: u8 = LOWER | UPPER;
const ALPHANUMERIC: u8 = LETTER | DIGIT;

/// The class bits of every byte value.
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = match byte {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'\n' => SPACE | NEWLINE,
            b' ' | b'\t' | b'\r' | b'\x0B' | b'\x0C' => SPACE,
            b'-' | b'\'' => JOINER | MARK,
            b'.' => JOINER | MARK,
            0x80..=0xFF => JOINER,
            _ => MARK,
        };
        b += 1;
    }
    classes
}

#[inline]
fn class_of(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// What [`scan`] finds besides the tokens.
struct Scan {
    /// Every token, in order.
    tokens: Vec<Token>,
    /// Some line is longer than [`super::sentences::WRAPPED_LINE_MAX_BYTES`], so the text is
    /// not hard-wrapped. Found here because the scan sees every newline anyway.
    long_lines: bool,
}

/// The whitespace seen since the last token, and where the current line started.
struct Gap {
    newlines: u8,
    space: bool,
    line_start: usize,
    long_lines: bool,
}

impl Gap {
    /// Passes over the ASCII whitespace from `start`; returns where it ends.
    #[inline]
    fn skip_ascii_spaces(&mut self, bytes: &[u8], start: usize) -> usize {
        self.space = true;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            let class = class_of(b);
            if class & SPACE == 0 {
                break;
            }
            if class & NEWLINE != 0 {
                self.newlines = self.newlines.saturating_add(1).min(2);
                self.end_line(i);
            }
            i += 1;
        }
        i
    }

    /// Passes over a lone space at `at`, right after a token: the commonest gap of all,
    /// taken here without going round the scan's loop and into
    /// [`Gap::skip_ascii_spaces`]. Returns where the next token may start.
    #[inline]
    fn pass_lone_space(&mut self, bytes: &[u8], at: usize) -> usize {
        if bytes.get(at) == Some(&b' ')
            && bytes.get(at + 1).is_some_and(|&b| class_of(b) & SPACE == 0)
        {
            self.space = true;
            return at + 1;
        }
        at
    }

    /// A newline byte at `at` ends the current line.
    fn end_line(&mut self, at: usize) {
        self.long_lines |= at - self.line_start > super::sentences::WRAPPED_LINE_MAX_BYTES;
        self.line_start = at + 1;
    }
}

fn scan(text: &str, mut on_token: impl FnMut(&Token, Written)) -> Scan {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut gap = Gap { newlines: 0, space: true, line_start: 0, long_lines: false };
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let class = class_of(b);
        if class & SPACE != 0 {
            i = gap.skip_ascii_spaces(bytes, i);
            continue;
        }
        let mut push = |span: Span, kind, case, hyphenated, abbreviation, written| {
            let token = Token {
                span,
                kind,
                case,
                sentence: 0,
                newlines_before: gap.newlines,
                space_before: gap.space,
                sentence_initial: false,
                hyphenated,
                abbreviation,
            };
            on_token(&token, written);
            tokens.push(token);
            gap.newlines = 0;
            gap.space = false;
        };
        if class & LETTER != 0
            && let Some((end, case, written)) = plain_ascii_word(bytes, i)
        {
            push(Span::new(i, end), TokenKind::Word, case, false, None, written);
            i = gap.pass_lone_space(bytes, end);
            continue;
        }
        if class & MARK != 0 {
            let end = if matches!(b, b'.' | b'-') { run_end(bytes, i) } else { i + 1 };
            push(Span::new(i, end), TokenKind::Punct, Case::Uncased, false, None, Written::Unknown);
            i = gap.pass_lone_space(bytes, end);
            continue;
        }
        let Some((c, width)) = char_at(text, i) else { break };
        if c.is_whitespace() {
            match c {
                '\u{2028}' | '\u{85}' => gap.newlines = gap.newlines.saturating_add(1).min(2),
                '\u{2029}' => gap.newlines = 2,
                _ => {}
            }
            gap.space = true;
            i += width;
            continue;
        }
        if is_word_char(c) {
            let word = scan_word(text, i, c);
            let case = case_of(&text[i..word.end]);
            let kind = if c.is_numeric() { TokenKind::Number } else { TokenKind::Word };
            let span = Span::new(i, word.end);
            push(span, kind, case, word.hyphenated, word.abbreviation, Written::Unknown);
            if let Some(end) = word.possessive_end {
                let span = Span::new(word.end, end);
                push(span, TokenKind::Possessive, Case::Uncased, false, None, Written::Unknown);
                i = end;
            } else {
                i = word.end;
            }
        } else {
            let span = Span::new(i, i + width);
            push(span, TokenKind::Punct, Case::Uncased, false, None, Written::Unknown);
            i += width;
        }
    }
    gap.end_line(bytes.len());
    Scan { tokens, long_lines: gap.long_lines }
}

/// The end of the run of bytes equal to the one at `start` ("...", "--").
fn run_end(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    let first = rest.first().copied();
    start + rest.iter().position(|&b| Some(b) != first).unwrap_or(rest.len())
}

/// The end and case of the word at `start` when it is plain: an ASCII letter, then ASCII
/// letters and digits up to the end of the text, whitespace or an ASCII mark that cannot
/// join or end a word specially (anything but a hyphen, an apostrophe or a period). Such a
/// word is what [`scan_word`] would find, with no hyphen, abbreviation, possessive or
/// acronym, so most words of a text skip its character-by-character scan; its case (as
/// [`case_of`] gives it) is read in the same pass, from the OR of its bytes' classes, and
/// so is whether it has a capital anywhere.
fn plain_ascii_word(bytes: &[u8], start: usize) -> Option<(usize, Case, Written)> {
    let (&first, rest) = bytes.get(start..)?.split_first()?;
    let first = class_of(first);
    if first & LETTER == 0 {
        return None;
    }
    let mut seen = 0;
    let mut len = rest.len();
    for (k, &b) in rest.iter().enumerate() {
        let class = class_of(b);
        if class & ALPHANUMERIC == 0 {
            if class & JOINER != 0 {
                return None;
            }
            len = k;
            break;
        }
        seen |= class;
    }
    let written =
        if (first | seen) & UPPER == 0 { Written::LowerAscii } else { Written::CapitalisedAscii };
    let case = if first & LOWER != 0 {
        Case::Lower
    } else {
        match (seen & UPPER != 0, seen & LOWER != 0) {
            (true, false) => Case::Upper,
            (false, _) => Case::Title,
            (true, true) => Case::Mixed,
        }
    };
    Some((start + 1 + len, case, written))
}

struct WordScan {
    end: usize,
    hyphenated: bool,
    abbreviation: Option<Abbreviation>,
    /// End of a possessive clitic right after the word, when there is one.
    possessive_end: Option<usize>,
}

fn scan_word(text: &str, start: usize, first: char) -> WordScan {
    if first.is_alphabetic()
        && let Some(end) = dotted_acronym_end(text, start)
    {
        let class = abbreviation(&text[start..end - 1]);
        return WordScan { end, hyphenated: false, abbreviation: class, possessive_end: None };
    }
    let numeric = first.is_numeric();
    let mut j = start;
    let mut hyphenated = false;
    let mut possessive_end = None;
    let bytes = text.as_bytes();
    loop {
        loop {
            // ASCII letters and digits without decoding: most of any news text.
            while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
            }
            match char_at(text, j) {
                Some((c, w)) if !c.is_ascii() && is_word_char(c) => j += w,
                _ => break,
            }
        }
        let Some((d, dw)) = char_at(text, j) else { break };
        let next = char_at(text, j + dw);
        let next_is_word = next.is_some_and(|(c, _)| is_word_char(c));
        if is_hyphen(d) && next_is_word {
            hyphenated = true;
            j += dw;
        } else if is_apostrophe(d) {
            let after = next.map(|(_, w)| j + dw + w);
            let after_is_word =
                after.and_then(|a| char_at(text, a)).is_some_and(|(c, _)| is_word_char(c));
            match next {
                Some(('s' | 'S', _)) if !after_is_word => {
                    possessive_end = after;
                    break;
                }
                _ if next_is_word => j += dw,
                _ => {
                    // "States’ media": a plural possessive.
                    if text[..j].ends_with(['s', 'S']) {
                        possessive_end = Some(j + dw);
                    }
                    break;
                }
            }
        } else if numeric
            && matches!(d, '.' | ',' | ':')
            && text[..j].ends_with(|c: char| c.is_ascii_digit())
            && next.is_some_and(|(c, _)| c.is_ascii_digit())
        {
            j += 1;
        } else {
            break;
        }
    }
    let mut class = None;
    if possessive_end.is_none()
        && text.as_bytes().get(j) == Some(&b'.')
        && text.as_bytes().get(j + 1) != Some(&b'.')
    {
        // The last part decides in a hyphenated token ("March 20-Dec. 21").
        let last_part = text[start..j].rfind(is_hyphen).map_or(start, |h| {
            start + h + text[start + h..].chars().next().map_or(1, char::len_utf8)
        });
        class = abbreviation(&text[last_part..j]);
        if class.is_some() {
            j += 1;
        }
    }
    WordScan { end: j, hyphenated, abbreviation: class, possessive_end }
}

/// The end of a dotted acronym starting at `start` ("U.S.", "e.g.", "W.Va.", "Ph.D."):
/// two or more groups of one or two letters, each followed by a period, and then no letter
/// or digit.
fn dotted_acronym_end(text: &str, start: usize) -> Option<usize> {
    // Three ASCII letters in a row are too many for a group: most words end here.
    if text.as_bytes().get(start..start + 3).is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic))
    {
        return None;
    }
    let mut j = start;
    let mut groups = 0;
    loop {
        let mut letters = 0;
        while let Some((_, w)) = char_at(text, j).filter(|&(c, _)| c.is_alphabetic()) {
            letters += 1;
            j += w;
            if letters > 2 {
                return None;
            }
        }
        if letters == 0 {
            break;
        }
        if text.as_bytes().get(j) != Some(&b'.') {
            // Letters after the last period ("U.S.A"): not a clean acronym.
            return None;
        }
        j += 1;
        groups += 1;
    }
    let ends_clean = char_at(text, j).is_none_or(|(c, _)| !is_word_char(c));
    (groups >= 2 && ends_clean).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation_are_separate_tokens() {
        assert_eq!(
            texts("Seoul, Oct 12 (EFE).- North"),
            ["Seoul", ",", "Oct", "12", "(", "EFE", ")", ".", "-", "North"]
        );
    }

    #[test]
    fn possessives_are_split_off_with_either_apostrophe() {
        let text = "Russia’s Amur and Japan's defeat, the United States’ media";
        let tokens = tokenize(text);
        let possessives: Vec<&str> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Possessive)
            .map(|t| t.text(text))
            .collect();
        assert_eq!(possessives, ["’s", "'s", "’"]);
        assert_eq!(texts(text)[0], "Russia");
        assert!(texts(text).contains(&"States"));
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay_inside_words() {
        let text = "O'Brien didn’t meet Kim Jong-un in the DPRK-Russia talks";
        assert_eq!(
            texts(text),
            ["O'Brien", "didn’t", "meet", "Kim", "Jong-un", "in", "the", "DPRK-Russia", "talks"]
        );
        let jong = tokenize(text)[4];
        assert!(jong.hyphenated);
        let parts: Vec<&str> = jong.hyphen_parts(text).map(|s| s.text(text).unwrap()).collect();
        assert_eq!(parts, ["Jong", "un"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        let text = "Oct. 12 in the U.S. with Gen. Lee, e.g. J. R. R. Tolkien";
        assert_eq!(
            texts(text),
            [
                "Oct.", "12", "in", "the", "U.S.", "with", "Gen.", "Lee", ",", "e.g.", "J.", "R.",
                "R.", "Tolkien"
            ]
        );
        let tokens = tokenize(text);
        assert_eq!(tokens[0].abbreviation, Some(Abbreviation::BeforeNumber));
        assert_eq!(tokens[4].abbreviation, Some(Abbreviation::Ordinary));
        assert_eq!(tokens[6].abbreviation, Some(Abbreviation::Title));
        assert_eq!(
            texts("Ph.D. and W.Va. but Mrs.X"),
            ["Ph.D.", "and", "W.Va.", "but", "Mrs.", "X"]
        );
    }

    proptest::proptest! {
        #[test]
        fn plain_ascii_words_scan_as_the_general_scanner_does(
            text in r"[A-Za-z][A-Za-z0-9]{0,6}([ ,;:!?()/\-\.'’é0-9]|\.\.|'s|-a){0,3}"
        ) {
            if let Some((end, case, written)) = plain_ascii_word(text.as_bytes(), 0) {
                let first = text.chars().next().unwrap();
                let word = scan_word(&text, 0, first);
                proptest::prop_assert_eq!(word.end, end);
                proptest::prop_assert_eq!(case_of(&text[..end]), case);
                let lower = text[..end].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
                proptest::prop_assert_eq!(written.is_folded(), lower);
                proptest::prop_assert!(written.is_plain_ascii());
                proptest::prop_assert!(!word.hyphenated);
                proptest::prop_assert!(word.abbreviation.is_none());
                proptest::prop_assert!(word.possessive_end.is_none());
            }
        }
    }

    #[test]
    fn plain_words_end_where_a_space_or_a_simple_mark_starts() {
        let capitalised = Written::CapitalisedAscii;
        assert_eq!(plain_ascii_word(b"Seoul, Oct", 0), Some((5, Case::Title, capitalised)));
        assert_eq!(plain_ascii_word(b"KCNA", 0), Some((4, Case::Upper, capitalised)));
        assert_eq!(plain_ascii_word(b"iPhone2 ", 0), Some((7, Case::Lower, capitalised)));
        assert_eq!(plain_ascii_word(b"McDonald", 0), Some((8, Case::Mixed, capitalised)));
        assert_eq!(plain_ascii_word(b"region2 ", 0), Some((7, Case::Lower, Written::LowerAscii)));
        assert_eq!(plain_ascii_word(b"Jong-un", 0), None);
        assert_eq!(plain_ascii_word(b"Oct. 12", 0), None);
        assert_eq!(plain_ascii_word(b"Kim's", 0), None);
        assert_eq!(plain_ascii_word("Cafe\u{301}".as_bytes(), 0), None);
        assert_eq!(plain_ascii_word(b"1948", 0), None, "numbers take the general path");
    }

    #[test]
    fn a_plain_word_before_a_period_does_not_take_it() {
        assert_eq!(texts("in Seoul. Then"), ["in", "Seoul", ".", "Then"]);
        assert_eq!(texts("wait... what"), ["wait", "...", "what"]);
    }

    #[test]
    fn numbers_keep_decimal_and_thousands_separators() {
        assert_eq!(
            texts("2.5 km, 1,000 people at 10:30 on the 75th"),
            ["2.5", "km", ",", "1,000", "people", "at", "10:30", "on", "the", "75th"]
        );
        assert_eq!(texts("in 1945."), ["in", "1945", "."]);
    }

    #[test]
    fn capitalisation_is_classified() {
        let text = "Seoul KCNA region DPRK-Russia L 1948 Пхеньян EFE-EPA";
        let cases: Vec<Case> = tokenize(text).iter().map(|t| t.case).collect();
        assert_eq!(
            cases,
            [
                Case::Title,
                Case::Upper,
                Case::Lower,
                Case::Mixed,
                Case::Title,
                Case::Uncased,
                Case::Title,
                Case::Upper
            ]
        );
    }

    #[test]
    fn whitespace_before_tokens_is_recorded() {
        let text = "Title\n\nSeoul (EFE).-\nNext";
        let tokens = tokenize(text);
        assert_eq!(tokens[1].newlines_before, 2);
        assert!(tokens[1].space_before);
        assert!(!tokens[4].space_before, "')' follows 'EFE' directly");
        assert_eq!(tokens[7].newlines_before, 1);
    }

    #[test]
    fn general_punctuation_holds_no_word_character_but_the_joiners() {
        for c in GENERAL_PUNCTUATION {
            let is_joiner = matches!(c, '\u{200C}' | '\u{200D}');
            assert_eq!(is_word_char(c), is_joiner, "{c:?}");
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn a_lone_space_after_a_token_is_a_gap_like_any_other() {
        let text = "a b,  c\nd , e-f .g";
        let gaps: Vec<(bool, u8)> =
            tokenize(text).iter().map(|t| (t.space_before, t.newlines_before)).collect();
        assert_eq!(
            gaps,
            [
                (true, 0),
                (true, 0),
                (false, 0),
                (true, 0),
                (true, 1),
                (true, 0),
                (true, 0),
                (true, 0),
                (false, 0)
            ]
        );
    }

    #[test]
    fn non_latin_words_and_combining_marks_stay_whole() {
        let text = "Пхеньян и Cafe\u{301} 北京市";
        assert_eq!(texts(text), ["Пхеньян", "и", "Cafe\u{301}", "北京市"]);
    }
}
