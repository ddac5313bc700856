//! The token view every stage reads: tokens and sentences from [`crate::text::segment`], each
//! word's folded form (the gazetteer's key normal form), and where capitalisation says nothing.

use crate::gazetteer::fold;
use crate::model::Span;
use crate::text::{Case, Segmentation, Token, TokenKind};

/// A sentence counts as a title-case headline when at least this share of its longer words is
/// capitalised: in "Man Charged In Bank Robbery" a capital is no evidence of a name.
const HEADLINE_CAPITALISED_SHARE: f32 = 0.75;

/// Fewer longer words than this and a sentence is too short to call a headline.
const HEADLINE_MIN_WORDS: usize = 3;

/// An all-caps run of this many words ("EFE-EPA FILE/MIKHAIL METZEL") is shouting, not a
/// string of acronyms, so its capitals say nothing about names.
const CAPS_RUN_MIN_WORDS: usize = 3;

/// Room given at once to an empty buffer a key is grown in (see [`Tokens::extend_key`]):
/// enough for nearly every place name, so that growing one a token at a time does not
/// reallocate it at every other token.
const KEY_ROOM_BYTES: usize = 32;

/// Tokens of one document with the derived facts the recognizer needs.
pub(crate) struct Tokens<'t> {
    /// The document text every span indexes into.
    pub text: &'t str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Folded forms that differ from the text as written.
    folded_pool: String,
    /// Where token `i`'s folded form is: a byte range of the text when the word is written
    /// folded already (most of any text: "the", "said", "1948"), so it costs no copy;
    /// otherwise, shifted by the text's length, a range of `folded_pool`.
    folded_at: Vec<(u32, u32)>,
    /// Per token, the facts every stage asks of it over and over (see [`Flags`]).
    flags: Vec<Flags>,
}

/// A token's kind, case and case evidence in two bytes. Each stage walks every token asking
/// "a capitalised word?", "weak case?": the flags answer with a single load and mask, where
/// the [`Token`] itself is 32 bytes away from its neighbour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Flags(u16);

impl Flags {
    /// A word token.
    const WORD: u16 = 1;
    /// A word whose first letter is upper case.
    const CAPITALISED: u16 = 1 << 1;
    /// An all-caps word.
    const UPPER: u16 = 1 << 2;
    /// A lower-case word.
    const LOWER: u16 = 1 << 3;
    /// Capitalisation carries no evidence here (sentence start, headline, all caps).
    const WEAK_CASE: u16 = 1 << 4;
    /// Inside an all-caps run.
    const IN_CAPS_RUN: u16 = 1 << 5;
    /// The possessive clitic.
    const POSSESSIVE: u16 = 1 << 6;
    /// Punctuation.
    const PUNCT: u16 = 1 << 7;
    /// A word of four characters or more: what the headline test counts.
    const LONG: u16 = 1 << 8;
    /// A word whose folded form has more than one part ("jong un" for "Jong-un").
    const SPACED: u16 = 1 << 9;

    /// The flags of `token`, whose text is `word`, before sentence positions and case
    /// evidence are weighed.
    fn of(token: &Token, word: &str) -> Self {
        match token.kind {
            TokenKind::Word => Self::of_word(token.case, has_four_chars(word)),
            TokenKind::Possessive => Self(Self::POSSESSIVE),
            TokenKind::Punct => Self(Self::PUNCT),
            TokenKind::Number => Self(0),
        }
    }

    /// The flags of a word of case `case`, as [`Flags::of`] gives them.
    fn of_word(case: Case, is_long: bool) -> Self {
        let case_bits = match case {
            Case::Upper => Self::CAPITALISED | Self::UPPER,
            Case::Title | Case::Mixed => Self::CAPITALISED,
            Case::Lower => Self::LOWER,
            Case::Uncased => 0,
        };
        let long_bit = if is_long { Self::LONG } else { 0 };
        Self(Self::WORD | case_bits | long_bit)
    }

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

impl<'t> Tokens<'t> {
    /// Segments `text` and derives folded forms and case evidence.
    pub fn new(text: &'t str) -> Self {
        let mut per_token = PerToken::for_text(text);
        let seg = Segmentation::with_each_token(text, |token, written| {
            if written.is_plain_ascii() {
                per_token.add_plain_word(token, written.is_folded());
            } else {
                per_token.add(token);
            }
        });
        let PerToken { folded_pool, folded_at, flags, .. } = per_token;
        let mut view = Tokens {
            text,
            tokens: seg.tokens,
            sentences: seg.sentences,
            folded_pool,
            folded_at,
            flags,
        };
        view.mark_case_evidence();
        view
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i`.
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The text of token `i` as written ("" out of range).
    pub fn text_of(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The folded form of token `i` ("us" for "U.S.", "jong un" for "Jong-un"; "" for
    /// punctuation).
    pub fn folded(&self, i: usize) -> &str {
        let Some(&(start, end)) = self.folded_at.get(i) else { return "" };
        let (start, end) = (start as usize, end as usize);
        let folded = match start.checked_sub(self.text.len()) {
            Some(pooled) => self.folded_pool.get(pooled..end - self.text.len()),
            None => self.text.get(start..end),
        };
        folded.unwrap_or("")
    }

    /// True when token `i` exists and has the flag `bit`.
    fn flag(&self, i: usize, bit: u16) -> bool {
        self.flags.get(i).is_some_and(|f| f.has(bit))
    }

    /// True for a word token.
    pub fn is_word(&self, i: usize) -> bool {
        self.flag(i, Flags::WORD)
    }

    /// True for a word that starts with a capital (title case, mixed or all caps).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.flag(i, Flags::CAPITALISED)
    }

    /// True for an all-caps word of two letters or more.
    pub fn is_upper(&self, i: usize) -> bool {
        self.flag(i, Flags::UPPER)
    }

    /// True for a lower-case word.
    pub fn is_lower(&self, i: usize) -> bool {
        self.flag(i, Flags::LOWER)
    }

    /// True for the possessive clitic ("’s").
    pub fn is_possessive(&self, i: usize) -> bool {
        self.flag(i, Flags::POSSESSIVE)
    }

    /// True where a capital letter is no evidence of a name: the first word of a sentence, a
    /// title-case headline, an all-caps run.
    pub fn weak_case(&self, i: usize) -> bool {
        self.flags.get(i).is_none_or(|f| f.has(Flags::WEAK_CASE))
    }

    /// True inside a run of all-caps words.
    pub fn in_caps_run(&self, i: usize) -> bool {
        self.flag(i, Flags::IN_CAPS_RUN)
    }

    /// True when token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.flag(i, Flags::PUNCT) && self.text_of(i) == p
    }

    /// True when token `i` is any of the punctuation marks in `marks`.
    pub fn is_any_punct(&self, i: usize, marks: &[&str]) -> bool {
        self.flag(i, Flags::PUNCT) && marks.contains(&self.text_of(i))
    }

    /// True when token `i` starts a line (or the text).
    pub fn starts_line(&self, i: usize) -> bool {
        i == 0 || self.tokens.get(i).is_some_and(|t| t.newlines_before > 0)
    }

    /// The byte span from the start of token `i` to the end of token `j - 1`.
    pub fn span(&self, i: usize, j: usize) -> Span {
        let start = self.tokens.get(i).map_or(self.text.len(), |t| t.span.start_byte);
        let end = j
            .checked_sub(1)
            .and_then(|k| self.tokens.get(k))
            .map_or(start, |t| t.span.end_byte)
            .max(start);
        Span::new(start, end)
    }

    /// The text from token `i` to token `j - 1`, as written.
    pub fn slice(&self, i: usize, j: usize) -> &'t str {
        self.span(i, j).text(self.text).unwrap_or("")
    }

    /// The folded key of tokens `i..j` as [`fold`] would make it from their text: words
    /// joined by one space, a possessive glued to its word, runs of single letters joined.
    pub fn key(&self, i: usize, j: usize) -> String {
        let j = j.min(self.len());
        // Room for the folded forms and a space after each, so the key is allocated once.
        let room = self.folded_at.get(i..j).map_or(0, |at| {
            at.iter().map(|&(start, end)| end.saturating_sub(start) as usize + 1).sum()
        });
        let mut out = String::with_capacity(room);
        let mut previous_single = false;
        for k in i..j {
            self.extend_key(&mut out, &mut previous_single, k);
        }
        out
    }

    /// Appends token `k` to a key being built as [`Tokens::key`] builds it, so that a caller
    /// growing a name one token at a time reuses one buffer instead of rebuilding the key.
    /// `previous_single` carries whether the key so far ends in a lone letter.
    pub fn extend_key(&self, out: &mut String, previous_single: &mut bool, k: usize) {
        let folded = self.folded(k);
        if folded.is_empty() {
            return;
        }
        if out.capacity() == 0 {
            out.reserve(KEY_ROOM_BYTES);
        }
        let possessive = self.is_possessive(k);
        if self.flag(k, Flags::SPACED) {
            for part in folded.split(' ') {
                push_key_part(out, previous_single, part, possessive);
            }
        } else {
            push_key_part(out, previous_single, folded, possessive);
        }
    }

    /// Index of the first token at or after byte `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end_byte <= byte)
    }

    /// Sentence index of token `i`.
    pub fn sentence(&self, i: usize) -> u32 {
        self.tokens.get(i).map_or(u32::MAX, |t| t.sentence)
    }

    fn mark_case_evidence(&mut self) {
        let n = self.tokens.len();
        // All-caps runs: consecutive upper-case words, punctuation between them allowed.
        let mut i = 0;
        while i < n {
            if self.is_upper(i)
                && self.text_of(i).chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            {
                // Words of the run are upper-case words and single letters; only the former
                // count towards its length.
                let mut upper_words = 1;
                let mut j = i + 1;
                while j < n {
                    if self.is_upper(j) {
                        upper_words += 1;
                    } else if !(self.is_word(j) && self.text_of(j).len() == 1)
                        && (self.tokens[j].kind != TokenKind::Punct
                            || self.tokens[j].newlines_before > 0)
                    {
                        break;
                    }
                    j += 1;
                }
                if upper_words >= CAPS_RUN_MIN_WORDS {
                    let shouting = Flags::IN_CAPS_RUN | Flags::WEAK_CASE;
                    self.flags[i..j].iter_mut().for_each(|f| f.0 |= shouting);
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        // Sentence starts, and title-case headlines: most longer words capitalised.
        let mut start = 0;
        while start < n {
            let sentence = self.tokens[start].sentence;
            // Words of four characters or more, after the first (capitalised anyway).
            let (mut long_words, mut capitalised) = (0usize, 0usize);
            let mut end = start;
            while let Some(token) = self.tokens.get(end)
                && token.sentence == sentence
            {
                let flags = &mut self.flags[end];
                if token.sentence_initial {
                    flags.0 |= Flags::WEAK_CASE;
                }
                if end > start && flags.has(Flags::LONG) {
                    long_words += 1;
                    capitalised += usize::from(flags.has(Flags::CAPITALISED));
                }
                end += 1;
            }
            if long_words >= HEADLINE_MIN_WORDS
                && capitalised as f32 >= HEADLINE_CAPITALISED_SHARE * long_words as f32
            {
                self.flags[start..end].iter_mut().for_each(|f| f.0 |= Flags::WEAK_CASE);
            }
            start = end;
        }
    }
}

/// Appends one part of a folded token (a word of it) to a key, as [`Tokens::key`] joins them:
/// with a space, except after a possessive's word and between single letters.
fn push_key_part(out: &mut String, previous_single: &mut bool, part: &str, possessive: bool) {
    let single = part.len() == 1 && part.as_bytes()[0].is_ascii_alphabetic();
    if !(out.is_empty() || possessive || single && *previous_single) {
        out.push(' ');
    }
    out.push_str(part);
    *previous_single = single && !possessive;
}

/// What [`Tokens`] keeps of each token besides the token itself, built as the scan makes
/// the tokens.
struct PerToken<'t> {
    text: &'t str,
    /// See [`Tokens`]' field of the same name.
    folded_pool: String,
    /// See [`Tokens`]' field of the same name.
    folded_at: Vec<(u32, u32)>,
    /// Each token's flags, but for sentence starts and case evidence.
    flags: Vec<Flags>,
}

impl<'t> PerToken<'t> {
    /// Room for the tokens of `text`: news has a token every five or six bytes, and a
    /// capitalised word (the pool's usual content) in a fraction of those.
    fn for_text(text: &'t str) -> Self {
        let tokens = text.len() / 5;
        PerToken {
            text,
            folded_pool: String::with_capacity(text.len() / 4),
            folded_at: Vec::with_capacity(tokens),
            flags: Vec::with_capacity(tokens),
        }
    }

    /// Adds the flags and folded form of a word of ASCII letters and digits, which is its own
    /// folded form when `is_folded` (no capitals), else is lower-cased into the pool; its
    /// length in bytes is its length in characters.
    #[inline]
    fn add_plain_word(&mut self, token: &Token, is_folded: bool) {
        let span = token.span;
        self.flags.push(Flags::of_word(token.case, span.len() >= 4));
        if is_folded {
            self.folded_at.push((span.start_byte as u32, span.end_byte as u32));
            return;
        }
        let start = self.text.len() + self.folded_pool.len();
        let pooled = self.folded_pool.len();
        self.folded_pool.push_str(token.text(self.text));
        self.folded_pool[pooled..].make_ascii_lowercase();
        self.folded_at.push((start as u32, (self.text.len() + self.folded_pool.len()) as u32));
    }

    /// Adds the flags and folded form of any token.
    #[inline]
    fn add(&mut self, token: &Token) {
        let (flags, folded_at) = if token.kind == TokenKind::Punct {
            (Flags(Flags::PUNCT), (0, 0))
        } else {
            self.other(token)
        };
        self.flags.push(flags);
        self.folded_at.push(folded_at);
    }

    /// Any other token, from its text.
    fn other(&mut self, token: &Token) -> (Flags, (u32, u32)) {
        let word = token.text(self.text);
        let mut flags = Flags::of(token, word);
        let folded_at = if !(token.is_word_like() || token.kind == TokenKind::Possessive) {
            (0, 0)
        } else if is_folded(word) {
            (token.span.start_byte as u32, token.span.end_byte as u32)
        } else {
            let pooled = self.folded_pool.len();
            fold_token(word, &mut self.folded_pool);
            if self.folded_pool.as_bytes()[pooled..].contains(&b' ') {
                flags.0 |= Flags::SPACED;
            }
            let start = self.text.len() + pooled;
            (start as u32, (self.text.len() + self.folded_pool.len()) as u32)
        };
        (flags, folded_at)
    }
}

/// True when `word` has four characters or more; the byte length settles most words without
/// decoding (a character is one to four bytes).
fn has_four_chars(word: &str) -> bool {
    word.len() >= 16 || word.len() >= 4 && (word.is_ascii() || word.chars().nth(3).is_some())
}

/// True when `word` is its own folded form: ASCII lower-case letters and digits only.
fn is_folded(word: &str) -> bool {
    word.bytes().all(|b| FOLDED_BYTES[usize::from(b)])
}

/// The bytes a word written folded is made of (see [`is_folded`]), as a table: one load per
/// byte instead of two range tests.
static FOLDED_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_lowercase() || (b as u8).is_ascii_digit();
        b += 1;
    }
    table
};

/// Appends the folded form of one token; ASCII words skip the transliteration table, and
/// plain ones (letters and digits only, most of a text) are copied and lower-cased in place.
/// The typographic apostrophe counts as ASCII here: [`fold`] drops it like "'", and it is
/// in every "’s" a news text splits off.
fn fold_token(word: &str, out: &mut String) {
    const APOSTROPHE: &[u8] = "\u{2019}".as_bytes();
    let bytes = word.as_bytes();
    let mut marked = false;
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        if b.is_ascii_alphanumeric() {
            k += 1;
        } else if b == b'.' || b == b'\'' {
            marked = true;
            k += 1;
        } else if bytes[k..].starts_with(APOSTROPHE) {
            marked = true;
            k += APOSTROPHE.len();
        } else {
            if !fold_ascii_parts(word, out) {
                out.push_str(&fold(word));
            }
            return;
        }
    }
    if marked {
        out.extend(
            word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char),
        );
    } else {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    }
}

/// [`fold`] for a token of several parts ("Jong-un", "20-year-old", "38,904") when it is
/// ASCII but for typographic apostrophes, and has no "&": its letters and digits
/// lower-cased, dots and apostrophes dropped, each other mark ending a part, the parts
/// joined as `fold` joins them (by a space, but single letters run together, and a leading
/// "the" dropped). False, with nothing appended, for any other token.
fn fold_ascii_parts(word: &str, out: &mut String) -> bool {
    const APOSTROPHE: &[u8] = "\u{2019}".as_bytes();
    let bytes = word.as_bytes();
    let start = out.len();
    let mut part_start = start;
    let mut parts = 0;
    let mut previous_single = false;
    let mut k = 0;
    // One step past the end, so that the last part ends like the others.
    while k <= bytes.len() {
        let b = bytes.get(k).copied().unwrap_or(b' ');
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
        } else if matches!(b, b'.' | b'\'' | b'`' | b'"' | b'^') {
            // Dropped without a trace.
        } else if bytes[k..].starts_with(APOSTROPHE) {
            k += APOSTROPHE.len() - 1;
        } else if b >= 0x80 || b == b'&' {
            out.truncate(start);
            return false;
        } else if out.len() > part_start {
            // A part ends: it follows the key so far after a space, unless both it and the
            // part before are single letters; a leading "the" goes once a second part comes.
            let part = &out.as_bytes()[part_start..];
            let single = part.len() == 1 && part[0].is_ascii_alphabetic();
            if parts == 1 && &out[start..part_start] == "the" {
                out.replace_range(start..part_start, "");
            } else if parts > 0 && !(single && previous_single) {
                out.insert(part_start, ' ');
            }
            part_start = out.len();
            parts += 1;
            previous_single = single;
        }
        k += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(t: &Tokens<'_>, word: &str) -> usize {
        (0..t.len()).find(|&i| t.text_of(i) == word).unwrap()
    }

    #[test]
    fn tokens_fold_as_the_gazetteer_folds_them() {
        for word in [
            "Seoul",
            "U.S",
            "O'Brien",
            "KCNA",
            "1948",
            "Zürich",
            "Jong-un",
            "’s",
            "'s",
            "’",
            "’S",
            "don’t",
            "O’Brien",
            "States’",
            "‘90s",
            "20-year-old",
            "38,904",
            "10:30",
            "The-Dream",
            "U-S",
            "the",
        ] {
            let mut out = String::from("x");
            fold_token(word, &mut out);
            assert_eq!(out, format!("x{}", fold(word)), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folded_forms_and_flags_built_during_the_scan_are_those_of_each_tokens_text(
            text in r"([A-Za-z]{1,7}|[0-9]{1,4}|[ \n]{1,2}|[.,:'’\-]|é|Ü|\.\.|'s){0,40}"
        ) {
            let t = Tokens::new(&text);
            let derived = Flags::WEAK_CASE | Flags::IN_CAPS_RUN | Flags::SPACED;
            for (i, token) in t.tokens.iter().enumerate() {
                let word = token.text(&text);
                proptest::prop_assert_eq!(t.flags[i].0 & !derived, Flags::of(token, word).0);
                proptest::prop_assert_eq!(t.flag(i, Flags::SPACED), t.folded(i).contains(' '));
                proptest::prop_assert!(!token.sentence_initial || t.weak_case(i));
                let mut folded = String::new();
                if token.is_word_like() || token.kind == TokenKind::Possessive {
                    fold_token(word, &mut folded);
                }
                proptest::prop_assert_eq!(t.folded(i), folded);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_of_several_parts_fold_as_the_gazetteer_folds_them(
            word in r"([A-Za-z0-9]{1,4}|[Tt]he|[.,:;/'’`\-&é ]){1,6}"
        ) {
            let mut out = String::from("x");
            fold_token(&word, &mut out);
            proptest::prop_assert_eq!(out, format!("x{}", fold(&word)));
        }
    }

    #[test]
    fn four_characters_are_counted_as_characters_not_bytes() {
        assert!(has_four_chars("Bank"));
        assert!(!has_four_chars("In"));
        assert!(!has_four_chars("Zü"), "three bytes, two characters");
        assert!(!has_four_chars("北京市"), "nine bytes, three characters");
        assert!(has_four_chars("Пхеньян"));
        assert!(has_four_chars("北京市区"));
    }

    #[test]
    fn keys_fold_like_the_gazetteer_does() {
        let text = "the Democratic People’s Republic of Korea and the U.S. and Kim Jong-un";
        let t = Tokens::new(text);
        let start = index_of(&t, "Democratic");
        let end = index_of(&t, "Korea") + 1;
        assert_eq!(t.key(start, end), fold("Democratic People’s Republic of Korea"));
        let us = index_of(&t, "U.S.");
        assert_eq!(t.key(us, us + 1), "us");
        let kim = index_of(&t, "Kim");
        assert_eq!(t.key(kim, kim + 2), fold("Kim Jong-un"));
    }

    #[test]
    fn a_sentence_start_is_weak_evidence_of_a_name_but_mid_sentence_capitals_are_not() {
        let t = Tokens::new("Most people stayed. They met in Most on Monday.");
        let first = index_of(&t, "Most");
        assert!(t.weak_case(first));
        let later = (first + 1..t.len()).find(|&i| t.text_of(i) == "Most").unwrap();
        assert!(!t.weak_case(later));
    }

    #[test]
    fn title_case_headlines_and_all_caps_runs_make_capitals_weak() {
        let t = Tokens::new(
            "Man Charged After Bank Robbery In Springfield\n\nHe was seen in Springfield.",
        );
        assert!(t.weak_case(index_of(&t, "Bank")));
        let t = Tokens::new("A photo. EFE-EPA FILE/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL");
        assert!(t.in_caps_run(index_of(&t, "POOL")));
        assert!(t.weak_case(index_of(&t, "KREMLIN")));
        let t = Tokens::new("The KCNA agency said so in Seoul.");
        assert!(!t.in_caps_run(index_of(&t, "KCNA")));
    }
}
