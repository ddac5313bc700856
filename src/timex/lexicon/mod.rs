//! The words time expressions are made of, looked up once per token.
//!
//! Every word the grammar cares about is in one table with its readings: a primary one and an
//! optional second ("second" is an ordinal and a unit; "May" a month and a modal verb). Words
//! whose temporal reading is only safe when capitalised ("May", "March", "Sun", "Fall") say
//! so, and the grammar adds the context checks. Lookup is case-insensitive and allocation-free.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

mod words;

use super::units::{Holiday, PartOfDay, RefKind, Season, Unit};

/// Index of a lexicon entry; [`LexId::NONE`] for words that are not in it. The top bit says
/// whether the word can start an expression, so the grammar skips "of", "said" or "and"
/// without looking at the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct LexId(u16);

impl LexId {
    /// Not in the lexicon.
    pub(crate) const NONE: LexId = LexId(0);

    const STARTER: u16 = 0x8000;

    /// True for a word found in the lexicon.
    pub(crate) fn is_some(self) -> bool {
        self.0 != 0
    }

    /// True for a word that can begin a time expression.
    pub(crate) fn can_start(self) -> bool {
        self.0 & Self::STARTER != 0
    }

    fn index(self) -> usize {
        usize::from(self.0 & !Self::STARTER)
    }
}

/// A function word the grammar matches by identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum W {
    The,
    A,
    This,
    That,
    These,
    Those,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Same,
    Recent,
    Future,
    Present,
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Ahead,
    Since,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    Start,
    End,
    Close,
    Turn,
    Rest,
    Of,
    And,
    Or,
    To,
    Through,
    Until,
    From,
    Between,
    In,
    On,
    At,
    During,
    For,
    Within,
    Over,
    Under,
    About,
    Around,
    Nearly,
    Almost,
    Approximately,
    Roughly,
    Some,
    More,
    Less,
    Fewer,
    Than,
    Least,
    Most,
    Up,
    Just,
    No,
    Several,
    Few,
    Couple,
    Many,
    Every,
    Each,
    Per,
    Fiscal,
    Once,
    /// "Q" of "Q3".
    Q,
    /// "H" of "H1".
    H,
    /// "FY" of "FY2023".
    Fy,
    As,
    Only,
    Exactly,
    Well,
    Straight,
    Consecutive,
    Twice,
    Times,
    Near,
    Term,
    Period,
    Time,
    Moment,
    Era,
    Am,
    Pm,
    Zone,
    New,
    Eve,
    Old,
    Ending,
    Ended,
    Other,
    Then,
    Th,
    S,
    Additional,
    Further,
    Full,
    Entire,
    Whole,
    Latest,
    Prior,
    Preceding,
    Long,
    Hence,
    Ytd,
}

/// What a word can mean to the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// No (further) reading.
    None,
    /// A month name, 1–12.
    Month(u32),
    /// A month abbreviation ("Oct", "Sept"), 1–12.
    MonthAbbr(u32),
    /// A weekday name, 1 = Monday … 7 = Sunday.
    Weekday(u32),
    /// A weekday abbreviation ("Thu"), only read inside full dates.
    WeekdayAbbr(u32),
    /// A plural weekday ("Mondays"): a recurrence.
    Weekdays(u32),
    /// A singular unit ("day", "year").
    Unit(Unit),
    /// A plural unit ("days", "years").
    Units(Unit),
    /// A frequency adverb or adjective ("daily", "annual").
    Every(Unit),
    /// A cardinal number word ("five", "twenty").
    Cardinal(u32),
    /// An ordinal number word ("third").
    Ordinal(u32),
    /// "hundred".
    Hundred,
    /// "thousand".
    Thousand,
    /// "dozen".
    Dozen,
    /// "half" and "halves".
    Half,
    /// A decade word ("nineties" = 9).
    Decade(u32),
    /// A season name.
    Season(Season),
    /// A plural season name ("summers").
    Seasons(Season),
    /// A part of the day.
    PartOfDay(PartOfDay),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    DayWord(i32),
    /// "tonight".
    Tonight,
    /// "noon"/"midday" (12) or "midnight" (24): a clock time.
    ClockWord(u32),
    /// A word that on its own is a TimeML reference value ("now", "recently", "soon").
    Ref(RefKind),
    /// A holiday name that stands alone ("Christmas").
    Holiday(Holiday),
    /// The first word of a holiday that needs "Day" after it ("Labor Day").
    HolidayDay(Holiday),
    /// A function word.
    W(W),
    /// A verb form that marks future time ("will", "plans").
    Future,
    /// A verb form that marks past time ("said", "was").
    Past,
    /// A verb form that marks the present ("says", "is").
    PresentTense,
}

/// One lexicon entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The word, lower case.
    pub word: &'static str,
    /// The main reading.
    pub kind: Kind,
    /// A second reading, or [`Kind::None`].
    pub alt: Kind,
    /// The temporal reading needs a capital letter ("May", "March", "Sun", "Fall").
    pub needs_capital: bool,
}

/// The longest word in the table; longer tokens are not looked up at all.
const MAX_WORD_LEN: usize = 14;

struct Table {
    entries: Vec<Entry>,
    /// One bit per (length, first letter, last letter) seen in the table: most words of a
    /// text fail this test and never reach the hash map.
    filter: Vec<u64>,
    /// Keyed by the lower-case word packed into an integer (see [`pack`]).
    index: FxHashMap<u128, LexId>,
}

static TABLE: LazyLock<Table> = LazyLock::new(build);

/// The entry of a looked-up word.
pub(crate) fn entry(id: LexId) -> &'static Entry {
    // Index 0 is the "none" entry, so every LexId handed out is in bounds.
    &TABLE.entries[id.index().min(TABLE.entries.len() - 1)]
}

/// Looks a word up, ignoring case; [`LexId::NONE`] when it is not a time word.
#[inline]
pub(crate) fn lookup(word: &[u8]) -> LexId {
    if word.len() > MAX_WORD_LEN || word.is_empty() {
        return LexId::NONE;
    }
    let table = &*TABLE;
    if let Some(bit) = filter_bit(word)
        && table.filter[bit / 64] & (1 << (bit % 64)) == 0
    {
        return LexId::NONE;
    }
    match pack(word) {
        Some(key) => table.index.get(&key).copied().unwrap_or(LexId::NONE),
        None => LexId::NONE,
    }
}

/// The filter bit of a word (`None` when the word cannot be in the table).
fn filter_bit(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    let letter = |b: u8| {
        let l = b.to_ascii_lowercase();
        l.is_ascii_lowercase().then(|| usize::from(l - b'a'))
    };
    Some((word.len() * 26 + letter(first)?) * 26 + letter(last)?)
}

/// The lower-case ASCII word as one integer, one byte per letter: hashing and comparing it
/// is much cheaper than a byte slice. `None` for non-ASCII or over-long words.
///
/// The word is loaded as one little-endian integer and lower-cased on all its bytes at
/// once: adding 0x3F sets a byte's top bit from 'A' up, adding 0x25 from '[' (just past
/// 'Z') up, and ASCII bytes never carry into their neighbours.
fn pack(word: &[u8]) -> Option<u128> {
    const TOP_BITS: u128 = u128::from_le_bytes([0x80; 16]);
    const ONES: u128 = u128::from_le_bytes([0x01; 16]);
    if word.len() > MAX_WORD_LEN {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    let key = u128::from_le_bytes(bytes);
    if key & TOP_BITS != 0 {
        return None;
    }
    let upper = (key + ONES * 0x3F) & !(key + ONES * 0x25) & TOP_BITS;
    Some(key | upper >> 2)
}

/// Whether a reading lets a word begin an expression.
fn starts(kind: Kind) -> bool {
    match kind {
        Kind::None | Kind::Future | Kind::Past | Kind::PresentTense | Kind::Thousand => false,
        Kind::W(w) => matches!(
            w,
            W::The
                | W::A
                | W::This
                | W::That
                | W::Last
                | W::Next
                | W::Past
                | W::Coming
                | W::Previous
                | W::Following
                | W::Current
                | W::Same
                | W::Recent
                | W::Future
                | W::Present
                | W::Latest
                | W::Prior
                | W::Preceding
                | W::Early
                | W::Late
                | W::Mid
                | W::Earlier
                | W::Later
                | W::Every
                | W::Each
                | W::Per
                | W::Once
                | W::Twice
                | W::Fiscal
                | W::New
                | W::Several
                | W::Few
                | W::Couple
                | W::Many
                | W::Some
                | W::More
                | W::Less
                | W::Fewer
                | W::At
                | W::Up
                | W::No
                | W::Just
                | W::Well
                | W::Close
                | W::About
                | W::Around
                | W::Nearly
                | W::Almost
                | W::Approximately
                | W::Roughly
                | W::Over
                | W::Under
                | W::Exactly
                | W::Full
                | W::Entire
                | W::Whole
                | W::Q
                | W::H
                | W::Fy
        ),
        _ => true,
    }
}

/// Forces the table to be built (so the first document does not pay for it).
pub(crate) fn warm_up() {
    LazyLock::force(&TABLE);
}

fn build() -> Table {
    let entries = words::entries();
    let mut index = FxHashMap::default();
    let mut filter = vec![0u64; ((MAX_WORD_LEN + 1) * 26 * 26).div_ceil(64)];
    for (i, e) in entries.iter().enumerate().skip(1) {
        if let Some(bit) = filter_bit(e.word.as_bytes()) {
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let Some(key) = pack(e.word.as_bytes()) else { continue };
        let Ok(mut raw) = u16::try_from(i) else { continue };
        if starts(e.kind) || starts(e.alt) {
            raw |= LexId::STARTER;
        }
        // Keep the first entry for a word: the tables above never repeat one on purpose.
        index.entry(key).or_insert(LexId(raw));
    }
    Table { entries, filter, index }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_and_finds_both_readings_of_second() {
        let id = lookup(b"SECOND");
        assert!(id.is_some());
        let e = entry(id);
        assert_eq!(e.kind, Kind::Unit(Unit::Second));
        assert_eq!(e.alt, Kind::Ordinal(2));
    }

    #[test]
    fn may_the_month_needs_a_capital_but_june_does_not() {
        assert!(entry(lookup(b"may")).needs_capital);
        assert!(!entry(lookup(b"june")).needs_capital);
    }

    #[test]
    fn unknown_long_and_non_ascii_words_are_not_in_the_lexicon() {
        assert!(!lookup(b"pyongyang").is_some());
        assert!(!lookup(b"internationalization").is_some());
        assert!(!lookup("d\u{e9}cembre".as_bytes()).is_some());
        assert!(!lookup(b"").is_some());
    }

    #[test]
    fn packing_lower_cases_letters_only() {
        let bytewise = |word: &[u8]| {
            word.iter()
                .enumerate()
                .fold(0u128, |key, (k, &b)| key | u128::from(b.to_ascii_lowercase()) << (8 * k))
        };
        let all_ascii: Vec<u8> = (1..0x80).collect();
        for word in all_ascii.chunks(MAX_WORD_LEN).chain([&b"MaY"[..], b"@[`{Zz", b""]) {
            assert_eq!(pack(word), Some(bytewise(word)), "{word:?}");
        }
        assert_eq!(pack("d\u{e9}c".as_bytes()), None);
        assert_eq!(pack(b"internationalization"), None);
    }

    #[test]
    fn every_word_fits_the_packed_key_and_is_found_again() {
        for e in TABLE.entries.iter().skip(1) {
            assert!(e.word.len() <= MAX_WORD_LEN, "{}", e.word);
            assert_eq!(entry(lookup(e.word.as_bytes())).word, e.word);
        }
    }

    #[test]
    fn only_words_that_can_begin_an_expression_are_starters() {
        assert!(lookup(b"last").can_start());
        assert!(lookup(b"October").can_start());
        assert!(!lookup(b"of").can_start());
        assert!(!lookup(b"said").can_start());
    }
}
