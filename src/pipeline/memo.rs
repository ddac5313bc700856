//! What recognition has learnt from the gazetteer about words and names, kept across the
//! documents one worker thread processes.
//!
//! News repeats its vocabulary from article to article ("The", "Police", "County", "Trump",
//! "Washington"), and every capitalised word costs a walk through the name index and a read of
//! scattered postings. Within a document the recognizer asked each distinct word once; the memo
//! lets the next document reuse the answers. Each worker thread has its own memo (no locks),
//! and a memo that grows past [`MAX_ENTRIES`] is emptied, so memory stays bounded. The answers
//! are those of the gazetteer, so results never depend on what was processed before.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use thread_local::ThreadLocal;

use super::resolve::Cand;
use super::words::GenericKind;
use crate::gazetteer::{EntryId, NameMatch};
use crate::model::Place;

/// Entries one thread's memo may hold before it is emptied between documents: some tens of MB
/// at most.
const MAX_ENTRIES: usize = 100_000;

/// Candidate lists one thread's memo may hold (each up to 40 candidates, some 4 KB).
const MAX_CANDIDATE_LISTS: usize = 5_000;

/// One thread's answers.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    /// Folded first word -> what the name index says of it.
    pub first_words: FxHashMap<Box<str>, FirstWord>,
    /// The first [`PREFIX_BYTES`] bytes of a key, packed with the index they are looked up
    /// in (see [`Prefixes`]) -> where the walk stands after them, `None` when no key starts
    /// with them. The nodes nearest the root have the most transitions and cost the most to
    /// decode; the walk for a first word or a variant key not yet in the memo starts here.
    pub prefixes: Prefixes,
    /// (Index value, how the name is written) -> its matches after the written-form filter.
    pub matches: FxHashMap<(u64, u8), Vec<NameMatch>>,
    /// Folded single word -> matches through its loose variant key, unfiltered.
    pub variants: FxHashMap<Box<str>, Vec<NameMatch>>,
    /// Folded name -> the answers of the place tests actors and recognition ask of it, by
    /// [`PlaceTest`].
    pub tests: FxHashMap<Box<str>, [Option<bool>; PlaceTest::COUNT]>,
    /// Entry -> the place a document shows for it (its strings are shared).
    pub places: FxHashMap<EntryId, Option<Place>>,
    /// Hash of (matches, generic cue) -> those and the candidates resolution weighs for them;
    /// a hit is checked against the matches, so a collision is only a miss.
    pub candidates: FxHashMap<u64, CandidatesMemo>,
}

/// What the name index says of a first word: where a walk stands after it
/// ([`crate::gazetteer::NameCursor::position`]) and the answers recognition asks there, so that
/// a word seen before costs no walk and no node decode.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FirstWord {
    /// Where the walk stands after the word, `None` when no name starts with it.
    pub at: Option<(usize, u64)>,
    /// The word's index value when it is a name by itself.
    pub value: Option<u64>,
    /// Where the walk stands after the word and a space, when a longer name continues it so.
    pub spaced: Option<(usize, u64)>,
    /// The letters and digits that start a next word there ([`FirstWord::initial_bit`]), so
    /// that a next word that continues no name costs no walk.
    pub next_initials: u64,
    /// The index value of the word without its final "s" (the singular of a plural demonym),
    /// asked only of words of more than four bytes that end in "s".
    pub singular: Option<u64>,
}

impl FirstWord {
    /// The bit of [`FirstWord::next_initials`] for a byte: `a` to `z`, then `0` to `9`; `None`
    /// for the bytes it does not tell.
    pub fn initial_bit(b: u8) -> Option<u32> {
        match b {
            b'a'..=b'z' => Some(u32::from(b - b'a')),
            b'0'..=b'9' => Some(26 + u32::from(b - b'0')),
            _ => None,
        }
    }
}

/// Bytes of a key that [`Memo::prefixes`] skips.
pub(crate) const PREFIX_BYTES: usize = 2;

/// See [`Memo::prefixes`]: a number holds the first [`PREFIX_BYTES`] bytes of a key
/// (little-endian) and, above them, which index: 0 the exact names, 1 the variant keys.
pub(crate) type Prefixes = FxHashMap<u32, Option<(usize, u64)>>;

/// The matches and generic cue a candidate list was made for, and the list.
pub(crate) type CandidatesMemo = (Box<[NameMatch]>, Option<GenericKind>, Vec<Cand>);

impl Memo {
    fn len(&self) -> usize {
        self.first_words.len()
            + self.prefixes.len()
            + self.matches.len()
            + self.variants.len()
            + self.tests.len()
            + self.places.len()
            + self.candidates.len()
    }
}

/// The yes/no questions asked of a name (see [`super::Resources`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum PlaceTest {
    /// Some entry has exactly this name.
    Names,
    /// A longer name starts with these words.
    Longer,
    /// A place that speaks for its government ("Moscow said").
    Metonym,
    /// An acronym that names a place as written ("US", not "NATO").
    Acronym,
}

impl PlaceTest {
    pub const COUNT: usize = 4;
}

/// Every worker thread's [`Memo`].
#[derive(Debug, Default)]
pub(crate) struct Memos(ThreadLocal<RefCell<Memo>>);

impl Memos {
    /// The calling thread's memo.
    pub fn local(&self) -> &RefCell<Memo> {
        self.0.get_or_default()
    }

    /// Called before each document: empties the calling thread's memo when it has grown past
    /// [`MAX_ENTRIES`] (or [`MAX_CANDIDATE_LISTS`] candidate lists).
    pub fn bound(&self) {
        if let Ok(mut m) = self.local().try_borrow_mut()
            && (m.len() > MAX_ENTRIES || m.candidates.len() > MAX_CANDIDATE_LISTS)
        {
            *m = Memo::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_past_its_bound_is_emptied_and_each_thread_has_its_own() {
        let memos = Memos::default();
        {
            let mut m = memos.local().borrow_mut();
            for i in 0..=MAX_ENTRIES {
                m.first_words.insert(i.to_string().into_boxed_str(), FirstWord::default());
            }
        }
        assert_eq!(memos.local().borrow().len(), MAX_ENTRIES + 1, "kept within a document");
        memos.bound();
        assert_eq!(memos.local().borrow().len(), 0, "emptied once over the bound");
        memos.local().borrow_mut().first_words.insert("seoul".into(), FirstWord::default());
        std::thread::scope(|s| {
            s.spawn(|| assert_eq!(memos.local().borrow().len(), 0, "another thread's memo"));
        });
        assert_eq!(memos.local().borrow().len(), 1);
    }
}
