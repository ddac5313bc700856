//! English word lists for telling common words from names.
//!
//! A gazetteer matches far too much English: "Of" (Turkey), "Pool" (Congo), "Credit" and "Kim"
//! are all towns. The recognizer asks the lexicon whether a capitalised token is an ordinary
//! word that only happens to start a sentence, or a word English writes capitalised (a name).
//!
//! Built by `build-gazetteer` from Debian `wamerican` (SCOWL, size 50), which keeps case:
//! proper nouns are listed capitalised, common words in lower case. Two fst sets of lower-cased
//! words are compiled into the library (`data/lexicon/*.fst`, a few hundred KB).

use std::borrow::Cow;
use std::hash::BuildHasher as _;
use std::sync::{Arc, OnceLock};

use fst::Streamer as _;
use rustc_hash::FxHashMap;

static COMMON: &[u8] = include_bytes!("../data/lexicon/common-words.fst");
static CAPITALISED: &[u8] = include_bytes!("../data/lexicon/capitalised-words.fst");

/// Errors from loading a lexicon.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A word list is not a valid fst set; rebuild it with `build-gazetteer`.
    #[error("lexicon word list {list} is corrupt: {source}")]
    Corrupt {
        /// Which list.
        list: &'static str,
        /// The fst error.
        #[source]
        source: fst::Error,
    },
}

/// The word lists.
pub struct Lexicon {
    /// Words the dictionary lists in lower case ("credit", "pool", "of").
    common: fst::Set<Cow<'static, [u8]>>,
    /// Words the dictionary lists capitalised ("kim", "seoul"), lower-cased.
    capitalised: fst::Set<Cow<'static, [u8]>>,
    /// Both lists in one hash table: the pipeline asks about nearly every capitalised token
    /// of every document, and one probe answers for both lists where each set costs a walk
    /// of a node per byte.
    listed: Listed,
}

/// [`Slot::bits`]: listed in lower case.
const COMMON_BIT: u8 = 1;
/// [`Slot::bits`]: listed capitalised.
const CAPITALISED_BIT: u8 = 2;
/// [`Slot::bits`]: two words share this hash; ask the sets.
const COLLIDED_BIT: u8 = 4;

/// Every word of both lists by its 64-bit hash, the words in one pool: built in a few
/// milliseconds without an allocation per word, about 1.5 MB for the embedded lists.
#[derive(Default)]
struct Listed {
    pool: Vec<u8>,
    by_hash: FxHashMap<u64, Slot>,
}

/// Where a word lies in [`Listed::pool`] and which lists have it.
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    len: u32,
    bits: u8,
}

impl Listed {
    fn hash(word: &[u8]) -> u64 {
        rustc_hash::FxBuildHasher.hash_one(word)
    }

    /// Records that the list with `bit` has `word`.
    fn add(&mut self, word: &[u8], bit: u8) {
        let start = self.pool.len() as u32;
        let slot = self.by_hash.entry(Self::hash(word)).or_insert_with(|| {
            self.pool.extend_from_slice(word);
            Slot { start, len: word.len() as u32, bits: 0 }
        });
        let range = slot.start as usize..(slot.start + slot.len) as usize;
        if self.pool.get(range) == Some(word) {
            slot.bits |= bit;
        } else {
            slot.bits |= COLLIDED_BIT;
        }
    }

    /// The bits of `word`: 0 when neither list has it; [`COLLIDED_BIT`] when only the sets
    /// can tell.
    fn bits(&self, word: &[u8]) -> u8 {
        let Some(slot) = self.by_hash.get(&Self::hash(word)) else { return 0 };
        if slot.bits & COLLIDED_BIT != 0 {
            return COLLIDED_BIT;
        }
        let range = slot.start as usize..(slot.start + slot.len) as usize;
        if self.pool.get(range) == Some(word) { slot.bits } else { 0 }
    }
}

/// Whether the dictionary lists a word in lower case, capitalised, both or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Listed in lower case: an ordinary word.
    pub common: bool,
    /// Listed capitalised: a name.
    pub capitalised: bool,
}

impl Listing {
    /// Only ever an ordinary word ("credit").
    pub fn is_common(self) -> bool {
        self.common && !self.capitalised
    }

    /// Both an ordinary word and a name ("turkey", "bath", "reading").
    pub fn is_ambiguous(self) -> bool {
        self.common && self.capitalised
    }

    /// A word English only writes capitalised ("seoul", "kim").
    pub fn is_proper(self) -> bool {
        self.capitalised && !self.common
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("common", &self.common.len())
            .field("capitalised", &self.capitalised.len())
            .finish()
    }
}

impl Lexicon {
    /// The lexicon built into the library; decoded once, then shared.
    ///
    /// # Errors
    /// When the built-in lists are corrupt (a broken build).
    pub fn embedded() -> Result<Arc<Lexicon>, Error> {
        static EMBEDDED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        if let Some(l) = EMBEDDED.get() {
            return Ok(Arc::clone(l));
        }
        let lexicon = Arc::new(Self::from_sets(Cow::Borrowed(COMMON), Cow::Borrowed(CAPITALISED))?);
        Ok(Arc::clone(EMBEDDED.get_or_init(|| lexicon)))
    }

    /// A lexicon from two fst sets of lower-case words (as `build-gazetteer` writes them).
    ///
    /// # Errors
    /// [`Error::Corrupt`] when either is not an fst set.
    pub fn from_sets(
        common: Cow<'static, [u8]>,
        capitalised: Cow<'static, [u8]>,
    ) -> Result<Lexicon, Error> {
        let common =
            fst::Set::new(common).map_err(|source| Error::Corrupt { list: "common", source })?;
        let capitalised = fst::Set::new(capitalised)
            .map_err(|source| Error::Corrupt { list: "capitalised", source })?;
        let mut listed = Listed::default();
        listed.by_hash.reserve(common.len() + capitalised.len());
        for (set, bit) in [(&common, COMMON_BIT), (&capitalised, CAPITALISED_BIT)] {
            let mut words = set.stream();
            while let Some(word) = words.next() {
                listed.add(word, bit);
            }
        }
        Ok(Lexicon { common, capitalised, listed })
    }

    /// Builds the two fst sets from a word list that keeps case, one word a line (the format of
    /// `/usr/share/dict/american-english`). Possessives ("Kim's") are skipped.
    ///
    /// Returns `(common, capitalised)` set bytes.
    ///
    /// # Errors
    /// Only if fst construction fails, which sorted unique input never makes it do.
    pub fn build_sets(word_list: &str) -> Result<(Vec<u8>, Vec<u8>), fst::Error> {
        let mut common = std::collections::BTreeSet::new();
        let mut capitalised = std::collections::BTreeSet::new();
        for word in word_list.lines().map(str::trim).filter(|w| !w.is_empty() && !w.contains('\''))
        {
            let lower = word.to_lowercase();
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitalised.insert(lower);
            } else {
                common.insert(lower);
            }
        }
        let set = |words: std::collections::BTreeSet<String>| -> Result<Vec<u8>, fst::Error> {
            Ok(fst::Set::from_iter(words)?.into_fst().into_inner())
        };
        Ok((set(common)?, set(capitalised)?))
    }

    /// Which lists have `word`, whatever its case here, with one look-up.
    pub fn listing(&self, word: &str) -> Listing {
        let lower = lower_case(word);
        let word = lower.as_bytes();
        let bits = self.listed.bits(word);
        if bits & COLLIDED_BIT != 0 {
            return Listing {
                common: self.common.contains(word),
                capitalised: self.capitalised.contains(word),
            };
        }
        Listing { common: bits & COMMON_BIT != 0, capitalised: bits & CAPITALISED_BIT != 0 }
    }

    /// True when English writes `word` in lower case: an ordinary word ("Credit", "of",
    /// "Pool"), whatever its case here.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.listing(word).common
    }

    /// True when the dictionary lists `word` capitalised: a name ("Kim", "Seoul", "Monday").
    pub fn is_capitalised_word(&self, word: &str) -> bool {
        self.listing(word).capitalised
    }

    /// True when `word` is listed capitalised and never in lower case: only ever a name
    /// ("Seoul", "Kim"), unlike "Bill" or "Bath", which are also common words.
    pub fn is_only_capitalised(&self, word: &str) -> bool {
        self.listing(word).is_proper()
    }

    /// Number of (common, capitalised) words.
    pub fn len(&self) -> (usize, usize) {
        (self.common.len(), self.capitalised.len())
    }
}

/// `word` in lower case, borrowed when it already is (folded tokens always are), so that a
/// membership test allocates nothing.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_word_list_separates_common_words_from_names() {
        let (common, capitalised) =
            Lexicon::build_sets("Bath\nbath\nKim\nKim's\ncredit\nof\nSeoul\n").unwrap();
        let lexicon = Lexicon::from_sets(Cow::Owned(common), Cow::Owned(capitalised)).unwrap();
        assert!(lexicon.is_common_word("Credit"));
        assert!(lexicon.is_common_word("OF"));
        assert!(!lexicon.is_common_word("Kim"));
        assert!(lexicon.is_only_capitalised("Kim"));
        assert!(lexicon.is_capitalised_word("Bath") && !lexicon.is_only_capitalised("Bath"));
        assert_eq!(lexicon.len(), (3, 3));
    }

    #[test]
    fn the_embedded_lexicon_knows_town_names_that_are_english_words() {
        let lexicon = Lexicon::embedded().unwrap();
        for word in ["Of", "Pool", "Credit", "The", "said"] {
            assert!(lexicon.is_common_word(word), "{word}");
        }
        for name in ["Kim", "Seoul", "Putin", "Moscow"] {
            assert!(lexicon.is_only_capitalised(name), "{name}");
        }
        assert!(!lexicon.is_common_word("Blagoveshchensk"));
    }

    #[test]
    fn one_listing_answers_for_both_lists_as_the_sets_do() {
        let lexicon = Lexicon::embedded().unwrap();
        for word in ["bath", "kim", "credit", "seoul", "blagoveshchensk", "Turkey", "", "x"] {
            let lower = word.to_lowercase();
            let listing = lexicon.listing(word);
            assert_eq!(listing.common, lexicon.common.contains(&lower), "{word}");
            assert_eq!(listing.capitalised, lexicon.capitalised.contains(&lower), "{word}");
        }
        assert_eq!(lexicon.listing("Kim"), Listing { common: false, capitalised: true });
        assert_eq!(lexicon.listing("CREDIT"), Listing { common: true, capitalised: false });
        assert_eq!(lexicon.listing("blagoveshchensk"), Listing::default());
        let both = lexicon
            .listed
            .by_hash
            .values()
            .filter(|s| s.bits == COMMON_BIT | CAPITALISED_BIT)
            .count();
        let (common, capitalised) = lexicon.len();
        assert_eq!(lexicon.listed.by_hash.len(), common + capitalised - both);
    }

    #[test]
    fn words_sharing_a_hash_are_told_apart_by_their_text() {
        let mut listed = Listed::default();
        listed.add(b"seoul", CAPITALISED_BIT);
        listed.add(b"credit", COMMON_BIT);
        listed.add(b"seoul", COMMON_BIT);
        assert_eq!(listed.bits(b"seoul"), COMMON_BIT | CAPITALISED_BIT);
        assert_eq!(listed.bits(b"credit"), COMMON_BIT);
        assert_eq!(listed.bits(b"kim"), 0);
        // A second word under a taken hash marks the slot, so that the sets decide.
        let slot = *listed.by_hash.get(&Listed::hash(b"credit")).unwrap();
        listed.by_hash.insert(Listed::hash(b"kim"), slot);
        assert_eq!(listed.bits(b"kim"), 0, "another word's slot is not a match");
        listed.add(b"kim", CAPITALISED_BIT);
        assert_eq!(listed.bits(b"kim"), COLLIDED_BIT);
    }

    #[test]
    fn lower_case_borrows_only_what_is_already_lower_case() {
        assert!(matches!(lower_case("credit"), Cow::Borrowed("credit")));
        assert_eq!(lower_case("Credit"), "credit");
        assert_eq!(lower_case("ÉCOLE"), "école");
        assert_eq!(lower_case("école"), "école");
    }

    #[test]
    fn corrupt_lists_are_a_typed_error() {
        let err =
            Lexicon::from_sets(Cow::Borrowed(b"junk"), Cow::Borrowed(CAPITALISED)).unwrap_err();
        assert!(err.to_string().contains("common"));
    }
}
