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
use std::sync::{Arc, OnceLock};

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
        Ok(Lexicon {
            common: fst::Set::new(common)
                .map_err(|source| Error::Corrupt { list: "common", source })?,
            capitalised: fst::Set::new(capitalised)
                .map_err(|source| Error::Corrupt { list: "capitalised", source })?,
        })
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

    /// True when English writes `word` in lower case: an ordinary word ("Credit", "of",
    /// "Pool"), whatever its case here.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.contains(lower_case(word).as_bytes())
    }

    /// True when the dictionary lists `word` capitalised: a name ("Kim", "Seoul", "Monday").
    pub fn is_capitalised_word(&self, word: &str) -> bool {
        self.capitalised.contains(lower_case(word).as_bytes())
    }

    /// True when `word` is listed capitalised and never in lower case: only ever a name
    /// ("Seoul", "Kim"), unlike "Bill" or "Bath", which are also common words.
    pub fn is_only_capitalised(&self, word: &str) -> bool {
        self.is_capitalised_word(word) && !self.is_common_word(word)
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
