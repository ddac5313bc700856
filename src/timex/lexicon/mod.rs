//! The words time expressions are made of, looked up once per token.
//!
//! Every word the grammar cares about is in one table with its readings: a primary one and an
//! optional second ("second" is an ordinal and a unit; "May" a month and a modal verb). Words
//! whose temporal reading is only safe when capitalised ("May", "March", "Sun", "Fall") say
//! so, and the grammar adds the context checks. Lookup is case-insensitive and allocation-free.

use std::sync::LazyLock;

mod words;

use super::token::Shape;
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
pub(crate) const MAX_WORD_LEN: usize = 14;

/// Slots of the open-addressing index: a power of two about ten times the number of words,
/// so that most words of a text that are not time words land on an empty slot at once.
const SLOTS: usize = 4096;

/// The word table and its index.
pub(crate) struct Table {
    /// Every entry, by index; only tests read them back, the tokenizer needs the readings.
    #[cfg(test)]
    entries: Vec<Entry>,
    /// The packed key (see [`pack`]) of every entry, by entry index.
    keys: Vec<u128>,
    /// The readings of every entry as [`Table::readings`] gives them, by entry index: for
    /// a word in lower case and for a capitalised one. Worked out once here so that the
    /// tokenizer copies one pair instead of testing the entry for every time word.
    readings_by_case: Vec<[(Kind, Kind); 2]>,
    /// Open addressing with linear probing over the packed keys; [`LexId::NONE`] is empty.
    /// A fixed-size array so that the masked slot index needs no bounds check.
    slots: Box<[LexId; SLOTS]>,
}

static TABLE: LazyLock<Table> = LazyLock::new(build);

/// The shared word table, for callers that look up many words in a row.
pub(crate) fn table() -> &'static Table {
    &TABLE
}

/// The entry of a looked-up word.
#[cfg(test)]
fn entry(id: LexId) -> &'static Entry {
    // Index 0 is the "none" entry, so every LexId handed out is in bounds.
    &TABLE.entries[id.index().min(TABLE.entries.len() - 1)]
}

/// Looks a word up, ignoring case; [`LexId::NONE`] when it is not a time word. The tokenizer
/// packs words itself and calls [`Table::find`].
#[cfg(test)]
pub(crate) fn lookup(word: &[u8]) -> LexId {
    if word.is_empty() {
        return LexId::NONE;
    }
    match pack(word) {
        Some(key) => TABLE.find(key),
        None => LexId::NONE,
    }
}

impl Table {
    /// The entry of a word already packed (lower case, see [`pack`]) by the caller, who
    /// vouches that it is an ASCII word of at most [`MAX_WORD_LEN`] bytes.
    #[inline]
    pub(crate) fn find(&self, key: u128) -> LexId {
        let mut slot = slot_of(key);
        loop {
            let id = self.slots[slot];
            if !id.is_some() || self.keys.get(id.index()) == Some(&key) {
                return id;
            }
            // The index is never full, so probing ends at an empty slot.
            slot = (slot + 1) % SLOTS;
        }
    }
}

impl Table {
    /// The readings of word `id` as the grammar sees them: the main one only when the word
    /// is capitalised if it must be.
    #[inline]
    pub(crate) fn readings(&self, id: LexId, shape: Shape) -> &(Kind, Kind) {
        match self.readings_by_case.get(id.index()) {
            Some(by_case) => &by_case[usize::from(shape.is_capitalized())],
            None => &NO_READINGS,
        }
    }
}

/// The readings of a token that is not a lexicon word.
pub(crate) static NO_READINGS: (Kind, Kind) = (Kind::None, Kind::None);

/// The readings of entry `e` for a word capitalised or not: the main one only when the word
/// is capitalised if it must be.
fn readings_of(e: &Entry, capitalized: bool) -> (Kind, Kind) {
    let kind = if e.needs_capital && !capitalized { Kind::None } else { e.kind };
    (kind, e.alt)
}

/// The home slot of a packed word: a multiplicative hash of its two halves.
#[inline]
fn slot_of(key: u128) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let (low, high) = (key as u64, (key >> 64) as u64);
    // Words are letters, so rotating the high half is enough to keep it from cancelling the
    // low one; one multiplication mixes both.
    let mixed = (low ^ high.rotate_left(29)).wrapping_mul(K);
    (mixed >> (64 - SLOTS.trailing_zeros())) as usize
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
    let mut keys = vec![0u128; entries.len()];
    let mut slots = Box::new([LexId::NONE; SLOTS]);
    for (i, e) in entries.iter().enumerate().skip(1) {
        let Some(key) = pack(e.word.as_bytes()) else { continue };
        let Ok(mut raw) = u16::try_from(i) else { continue };
        if starts(e.kind) || starts(e.alt) {
            raw |= LexId::STARTER;
        }
        keys[i] = key;
        let mut slot = slot_of(key);
        // Keep the first entry for a word: the tables above never repeat one on purpose.
        while slots[slot].is_some() && keys[slots[slot].index()] != key {
            slot = (slot + 1) % SLOTS;
        }
        if !slots[slot].is_some() {
            slots[slot] = LexId(raw);
        }
    }
    // Entry 0 stands for "not in the lexicon" and has no readings.
    let readings_by_case = entries
        .iter()
        .enumerate()
        .map(|(i, e)| match i {
            0 => [(Kind::None, Kind::None); 2],
            _ => [readings_of(e, false), readings_of(e, true)],
        })
        .collect();
    Table {
        #[cfg(test)]
        entries,
        keys,
        readings_by_case,
        slots,
    }
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
