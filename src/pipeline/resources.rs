//! What every stage consults: the gazetteer, the English lexicon and the landmark feature
//! words, with the lexical and gazetteer judgements the stages share.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::memo::PlaceTest;
use crate::gazetteer::{Gazetteer, MatchKind, NameKind, NameMatch};
use crate::lexicon::{Lexicon, Listing};
use crate::model::{PlaceKind, PlaceNamespace};

/// A city at least this populous, named by the words before "said", is a metonym ("Moscow
/// said"), not a person; also the line between a "strong" city name and a weak one.
const METONYM_MIN_POPULATION: u64 = 100_000;

/// Names this short that are not a place's preferred name or abbreviation are codes in
/// disguise ("US" listed as a short name of Usulután): written in lower case they are noise.
const SHORT_NAME_MAX_LETTERS: usize = 3;

/// True when a folded key has at most [`SHORT_NAME_MAX_LETTERS`] letters and digits: the
/// length below which [`Resources::filter_matches`] distrusts names that are not preferred.
pub(crate) fn is_short_key(key: &str) -> bool {
    // Asked of every name found: most keys start with more letters than that, and counting
    // stops at the first one too many.
    let bytes = key.as_bytes();
    if bytes.len() <= SHORT_NAME_MAX_LETTERS {
        return true;
    }
    if bytes[..=SHORT_NAME_MAX_LETTERS].iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    key.chars().filter(|c| c.is_alphanumeric()).nth(SHORT_NAME_MAX_LETTERS).is_none()
}

/// How a name is written, which decides which kinds of gazetteer names it can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Written {
    /// Has lower-case letters ("Ala.", "Seoul"), so it is not a code written in capitals.
    pub cased: bool,
    /// Has dots ("W.Va.", "U.S."), as abbreviations are written.
    pub dotted: bool,
}

impl Written {
    /// How `surface` is written.
    pub fn of(surface: &str) -> Self {
        // By bytes: a lower-case letter is an ASCII one but where the surface has others.
        let bytes = surface.as_bytes();
        let cased = bytes.iter().any(u8::is_ascii_lowercase)
            || !surface.is_ascii() && surface.chars().any(char::is_lowercase);
        Self { cased, dotted: bytes.contains(&b'.') }
    }

    /// A small number for this and whether the key is short ([`is_short_key`]): what
    /// [`Resources::filter_matches`] decides by, so matches filtered alike share it.
    pub fn slot(self, short: bool) -> u8 {
        u8::from(self.cased) * 4 + u8::from(self.dotted) * 2 + u8::from(short)
    }
}

/// The gazetteer, lexicon and landmark feature words, shared by all stages and threads.
#[derive(Clone)]
pub(crate) struct Resources {
    /// The gazetteer.
    pub gazetteer: Arc<Gazetteer>,
    /// English word lists; `None` only if the built-in lists failed to load (then every word
    /// counts as unknown).
    pub lexicon: Option<Arc<Lexicon>>,
    /// Every landmark feature phrase ("border crossing", "cosmodrome"), longest first.
    pub features: Vec<String>,
    /// First word of each feature phrase -> indices into `features`, longest first. Probed
    /// for the word after every "the" in a document, so Fx-hashed; never iterated.
    pub features_by_first_word: FxHashMap<String, Vec<usize>>,
    /// Recognition's gazetteer answers, kept per worker thread across documents.
    pub memo: Arc<super::memo::Memos>,
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resources")
            .field("gazetteer", &self.gazetteer)
            .field("features", &self.features.len())
            .finish_non_exhaustive()
    }
}

impl Resources {
    /// Resources over a gazetteer, with the built-in lexicon.
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        let lexicon = match Lexicon::embedded() {
            Ok(l) => Some(l),
            Err(err) => {
                tracing::warn!(
                    "English lexicon unavailable, capitalisation evidence only: {err:#}"
                );
                None
            }
        };
        let mut features: Vec<String> =
            gazetteer.feature_words_unsorted().map(str::to_lowercase).collect();
        features.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        features.dedup();
        let mut features_by_first_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, f) in features.iter().enumerate() {
            let first = f.split(' ').next().unwrap_or("").to_owned();
            features_by_first_word.entry(first).or_default().push(i);
        }
        Self { gazetteer, lexicon, features, features_by_first_word, memo: Arc::default() }
    }

    /// Resources over the built-in gazetteer (tests and benches).
    #[cfg(test)]
    pub fn embedded() -> Self {
        static SHARED: std::sync::OnceLock<Resources> = std::sync::OnceLock::new();
        SHARED
            .get_or_init(|| Self::new(Gazetteer::embedded().expect("built-in gazetteer loads")))
            .clone()
    }

    /// How the dictionary lists a word: common, ambiguous or proper (see [`Listing`]).
    pub fn word_class(&self, folded: &str) -> Listing {
        self.lexicon.as_ref().map_or(Listing::default(), |l| l.listing(folded))
    }

    /// True for a word English writes in lower case and never as a name ("credit", "pool",
    /// "most").
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.word_class(folded).is_common()
    }

    /// Exact-name matches of a folded key, filtered by [`Self::filter_matches`].
    pub fn lookup(&self, key: &str, written: Written) -> Vec<NameMatch> {
        self.filter_matches(self.gazetteer.lookup_folded(key), written, key)
    }

    /// Exact matches, or when there are none, matches through the loose variant key.
    pub fn lookup_loose(&self, key: &str, written: Written) -> Vec<NameMatch> {
        let exact = self.lookup(key, written);
        if !exact.is_empty() {
            return exact;
        }
        let loose = self.gazetteer.lookup_variant(&crate::gazetteer::variant_key(key));
        self.filter_matches(loose, written, key)
    }

    /// Drops matches that the surface form cannot mean: codes ("BQS", "KIM" for Kimberley)
    /// unless written in capitals, and very short non-preferred names of subdivisions unless
    /// written in capitals (`cased` = the surface has lower-case letters).
    pub fn filter_matches(
        &self,
        matches: Vec<NameMatch>,
        written: Written,
        key: &str,
    ) -> Vec<NameMatch> {
        let short = is_short_key(key);
        matches
            .into_iter()
            .filter(|m| {
                if !written.cased {
                    return true;
                }
                match m.name_kind {
                    NameKind::Code => false,
                    NameKind::Preferred | NameKind::Official | NameKind::Demonym => true,
                    // "Ala.", "W.Va.": abbreviations written with their dots.
                    NameKind::Abbreviation => !short || written.dotted,
                    _ => !short,
                }
            })
            .collect()
    }

    /// How prominent a match is, in `0..=1`: countries 1, first-level regions 0.8, cities by
    /// population (a 500-person village 0.15, a million-city 0.8), weakened for codes, former
    /// names and loose spellings.
    pub fn strength(&self, m: &NameMatch) -> f32 {
        // Read column by column: this runs for every candidate of every name in a document.
        let g = &*self.gazetteer;
        let Some(kind) = g.kind(m.entry) else { return 0.0 };
        let base = match kind {
            PlaceKind::Country | PlaceKind::Continent => 1.0,
            PlaceKind::Admin1 => 0.8,
            PlaceKind::Region => 0.7,
            PlaceKind::Water | PlaceKind::Landform => 0.65,
            PlaceKind::Facility => 0.55,
            PlaceKind::Admin2 => 0.5,
            PlaceKind::Airport => 0.1,
            PlaceKind::City => {
                let population = g.population(m.entry).unwrap_or(0);
                let tier = (((population as f32 + 1.0).log10() - 2.0) / 5.0).clamp(0.1, 0.95);
                let seat = matches!(g.feature_code(m.entry), Some("PPLC" | "PPLA"));
                (tier + if seat { 0.1 } else { 0.0 }).min(1.0)
            }
        };
        let base = if g.namespace(m.entry) == Some(PlaceNamespace::M49) { 0.4 } else { base };
        let name = match m.name_kind {
            NameKind::Preferred | NameKind::Official => 1.0,
            NameKind::Short | NameKind::Alternate | NameKind::Abbreviation => 0.85,
            NameKind::Historical => 0.7,
            NameKind::Demonym => 0.8,
            NameKind::Code => 0.3,
        };
        let loose = if m.match_kind == MatchKind::Variant { 0.8 } else { 1.0 };
        base * name * loose
    }

    /// The answer of `test` for `key`, from the thread's memo when it has been asked before
    /// (names recur across documents; see [`super::memo`]). Computed afresh when the memo is
    /// in use further up the stack.
    fn remembered(&self, key: &str, test: PlaceTest, compute: impl FnOnce() -> bool) -> bool {
        let Ok(mut memo) = self.memo.local().try_borrow_mut() else { return compute() };
        if let Some(known) = memo.tests.get(key).and_then(|t| t[test as usize]) {
            return known;
        }
        let answer = compute();
        match memo.tests.get_mut(key) {
            Some(answers) => answers[test as usize] = Some(answer),
            None => {
                let mut answers = [None; PlaceTest::COUNT];
                answers[test as usize] = Some(answer);
                memo.tests.insert(key.into(), answers);
            }
        }
        answer
    }

    /// True when some gazetteer entry has exactly this folded name (codes aside).
    pub(crate) fn names_place(&self, key: &str) -> bool {
        self.remembered(key, PlaceTest::Names, || {
            self.gazetteer.lookup_folded_unsorted(key).any(|m| m.name_kind != NameKind::Code)
        })
    }

    /// True when a longer gazetteer name starts with these words ("Virginia Beach Boulevard").
    pub(crate) fn has_longer_place(&self, key: &str) -> bool {
        self.remembered(key, PlaceTest::Longer, || {
            let cursor = self.gazetteer.name_cursor().advanced(key.as_bytes());
            cursor.is_some_and(|c| c.continues_with(b' '))
        })
    }

    /// True when the folded name is a country, first-level region or continent, or a city of
    /// at least [`METONYM_MIN_POPULATION`], by a real name (not a code).
    pub(crate) fn strong_place(&self, key: &str) -> bool {
        self.metonym_place(key)
    }

    /// Like [`Self::strong_place`]: a place that speaks for its government ("Moscow said").
    pub(crate) fn metonym_place(&self, key: &str) -> bool {
        self.remembered(key, PlaceTest::Metonym, || self.is_metonym_place(key))
    }

    fn is_metonym_place(&self, key: &str) -> bool {
        let g = &*self.gazetteer;
        g.lookup_folded_unsorted(key).any(|m| {
            matches!(
                m.name_kind,
                NameKind::Preferred | NameKind::Official | NameKind::Alternate | NameKind::Short
            ) && g.kind(m.entry).is_some_and(|kind| match kind {
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Admin1 => {
                    m.name_kind != NameKind::Short || kind != PlaceKind::Admin1 || key.len() > 3
                }
                PlaceKind::City => {
                    g.population(m.entry).is_some_and(|p| p >= METONYM_MIN_POPULATION)
                }
                _ => false,
            })
        })
    }

    /// True when an all-caps acronym names a place as written: a country's or state's
    /// abbreviation ("US", "DPRK", "NY"), or any real name of a country, region, landmark or
    /// large city ("NYC"). Otherwise it is an organisation ("KCNA", "EFE", "NATO").
    pub(crate) fn acronym_is_place(&self, key: &str) -> bool {
        self.remembered(key, PlaceTest::Acronym, || self.is_acronym_place(key))
    }

    fn is_acronym_place(&self, key: &str) -> bool {
        let g = &*self.gazetteer;
        g.lookup_folded_unsorted(key).any(|m| {
            m.name_kind != NameKind::Code
                && m.name_kind != NameKind::Demonym
                && g.kind(m.entry).is_some_and(|kind| match kind {
                    PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region => true,
                    PlaceKind::Admin1 | PlaceKind::Admin2 => m.name_kind == NameKind::Abbreviation,
                    PlaceKind::Water | PlaceKind::Landform | PlaceKind::Facility => {
                        m.name_kind != NameKind::Short
                    }
                    PlaceKind::City => {
                        g.population(m.entry).is_some_and(|p| p >= METONYM_MIN_POPULATION)
                    }
                    PlaceKind::Airport => false,
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_count_letters_and_digits_only() {
        assert!(is_short_key("us"));
        assert!(is_short_key("w va"));
        assert!(!is_short_key("wvaa"));
        assert!(!is_short_key("amur"));
        assert!(is_short_key("s.f."), "dots are not letters");
        assert!(is_short_key("é u"));
        assert!(!is_short_key("éuro"));
    }

    #[test]
    fn how_a_name_is_written_counts_lower_case_letters_of_any_script_and_dots() {
        assert_eq!(Written::of("Seoul"), Written { cased: true, dotted: false });
        assert_eq!(Written::of("US"), Written { cased: false, dotted: false });
        assert_eq!(Written::of("W.Va."), Written { cased: true, dotted: true });
        assert_eq!(Written::of("U.S."), Written { cased: false, dotted: true });
        assert_eq!(Written::of("ÉÎLE"), Written { cased: false, dotted: false });
        assert_eq!(Written::of("ÉÎé"), Written { cased: true, dotted: false });
    }

    #[test]
    fn strength_ranks_countries_over_regions_over_villages() {
        let res = Resources::embedded();
        let first = |key: &str| res.lookup(key, Written::of("Xx"))[0];
        let country = res.strength(&first("russia"));
        let region = res.strength(&first("amur oblast"));
        assert_eq!(country, 1.0);
        assert!(region < country && region > 0.5, "{region}");
    }

    #[test]
    fn longer_places_are_found_after_whole_words_only() {
        let res = Resources::embedded();
        assert!(res.has_longer_place("new"));
        assert!(res.has_longer_place("virginia"));
        assert!(!res.has_longer_place("blagoveshchensk"));
        assert!(!res.has_longer_place("zzqx"));
        assert_eq!(res.has_longer_place("amu"), res.gazetteer.has_prefix("amu "));
    }

    #[test]
    fn metonyms_and_acronyms_need_a_prominent_place() {
        let res = Resources::embedded();
        assert!(res.metonym_place("moscow"));
        assert!(res.metonym_place("russia"));
        assert!(!res.metonym_place("blagoveshchensk village that is not"));
        assert!(res.acronym_is_place("us"));
        assert!(!res.acronym_is_place("kcna"));
    }
}
