//! The named weights of the recognition and resolution scoring models.
//!
//! Both models are linear scores passed through a logistic (recognition) or a softmax over
//! candidates (resolution). The weights were set by hand from the geoparsing literature's
//! findings (population and feature kind are the strongest single signals; document context
//! and spatial coherence decide the rest), then adjusted on a development split of the public
//! gold corpora — every 5th document of LGL, GeoWebNews and GeoVirus — and reported on the
//! other documents as well as on the whole (see docs/evaluation.md).

/// Recognition: evidence that a span naming some gazetteer entry is a place mention here.
///
/// `confidence = logistic(BIAS + Σ weight × feature)`; spans at or above
/// [`RECOGNITION_THRESHOLD`] become mentions.
pub mod recognition {
    /// Start: a capitalised name in the gazetteer is slightly more often a place than not.
    pub const BIAS: f32 = -0.6;
    /// The strongest candidate's prominence in `0..=1` (country 1, hamlet 0.2): a country
    /// name is almost always a place, a 500-person village named like a word rarely.
    pub const STRENGTH: f32 = 3.2;
    /// A word English writes in lower case ("Pool", "Credit", "Most"): capitalised it is
    /// usually a sentence start, a title or part of a name.
    pub const COMMON_WORD: f32 = -2.6;
    /// A word that is a common word and a name ("Turkey", "Bath", "Reading").
    pub const AMBIGUOUS_WORD: f32 = -0.9;
    /// A word English only writes capitalised (a name of something).
    pub const PROPER_WORD: f32 = 0.5;
    /// Capitalisation is no evidence here (sentence start, headline, all-caps run).
    pub const WEAK_CASE: f32 = -0.7;
    /// Two or more words matched a gazetteer name ("South Korea", "Amur Oblast").
    pub const MULTI_WORD: f32 = 1.0;
    /// A locative cue right before ("in", "near", "outside of", "the town of").
    pub const CUE_BEFORE: f32 = 1.3;
    /// A generic word right after ("Amur region", "Laurel County") or `, <place>` qualifying
    /// it ("Springfield, Illinois").
    pub const CUE_AFTER: f32 = 1.4;
    /// In a list with other place candidates ("Russia, China and Iran").
    pub const IN_LIST: f32 = 0.7;
    /// Next to a name-like capitalised word that is not a place ("Paris Hilton",
    /// "Vladimir Putin" without a title): probably part of a person's or other name.
    pub const NAME_NEIGHBOUR: f32 = -1.8;
    /// A given name standing alone ("Chad", "Kim", "Jordan").
    pub const GIVEN_NAME: f32 = -1.5;
    /// A common surname standing alone ("Hill", "Nelson") whose places are minor.
    pub const SURNAME: f32 = -1.2;
    /// A demonym that begins a longer proper name ("American Legion").
    pub const DEMONYM_IN_NAME: f32 = -1.8;
    /// The dateline's city.
    pub const DATELINE: f32 = 4.0;
    /// Reached only through a loose romanisation variant.
    pub const VARIANT_ONLY: f32 = -0.6;
    /// A demonym or adjective ("Russian", "North Korean"): an unambiguous word.
    pub const DEMONYM: f32 = 1.5;
    /// An all-caps abbreviation of a country or state ("US", "DPRK", "NY").
    pub const ABBREVIATION: f32 = 1.2;
    /// The same name is recognised confidently elsewhere in the document.
    pub const REPEATED: f32 = 1.0;
    /// Inside an organisation's name ("Ohio State University"): the corpora count these.
    pub const IN_ORGANISATION: f32 = 0.3;
    /// Inside an organisation's name but a minor place ("Franklin Elementary", "Taco Bell"):
    /// the organisation is named after a person or thing.
    pub const WEAK_IN_ORGANISATION: f32 = -1.0;
    /// One part of a hyphen compound ("DPRK-Russia").
    pub const HYPHEN_PART: f32 = -0.2;
    /// Part of a street, road or building name ("Franklin Avenue"), which the gazetteer does
    /// not hold: the town of the same name is not meant.
    pub const STREET: f32 = -3.0;
    /// Only a generic suffix makes it a place ("Laurel County" with no gazetteer entry).
    pub const PATTERN_ONLY: f32 = 1.0;
}

/// Spans at or above this confidence become mentions.
pub const RECOGNITION_THRESHOLD: f32 = 0.5;

/// Resolution: how strongly each piece of evidence favours a candidate.
///
/// Each candidate gets `Σ weight × feature`; the softmax of the scores over a mention's
/// candidates gives their probabilities.
pub mod resolution {
    /// Per unit of ln(1 + population) / ln(1 + 10⁹): bigger places are named more often.
    pub const POPULATION: f32 = 6.0;
    /// A country (news names countries far more than towns of the same name).
    pub const COUNTRY: f32 = 5.0;
    /// A first-level subdivision (state, province, oblast).
    pub const ADMIN1: f32 = 2.0;
    /// A second-level subdivision (county, district).
    pub const ADMIN2: f32 = 0.6;
    /// A continent.
    pub const CONTINENT: f32 = 4.0;
    /// A curated landmark (sea, river, cosmodrome, named region): curated because news names
    /// it, so it outweighs a village of the same name.
    pub const LANDMARK: f32 = 3.5;
    /// A national capital (GeoNames PPLC).
    pub const CAPITAL: f32 = 1.5;
    /// A first-level seat (PPLA).
    pub const REGIONAL_CAPITAL: f32 = 0.6;
    /// A city inside a first-level region of the same name ("Seoul" in Seoul-si, "Moscow"
    /// in the federal city of Moscow): the city is what news means.
    pub const CITY_OF_SAME_NAMED_REGION: f32 = 2.5;
    /// An airport: named by its city's name far more often than meant.
    pub const AIRPORT: f32 = -3.0;
    /// A UN macro-region: a weak fallback.
    pub const MACRO_REGION: f32 = -1.0;
    /// The name is an alternate, not the preferred one.
    pub const ALTERNATE_NAME: f32 = -0.4;
    /// The name is a short form ("Amur" for Amur Oblast).
    pub const SHORT_NAME: f32 = -1.0;
    /// The name is a former one ("Uglegorsk" for Tsiolkovskiy).
    pub const HISTORICAL_NAME: f32 = -1.0;
    /// The name is an abbreviation ("DPRK").
    pub const ABBREVIATION_NAME: f32 = -0.3;
    /// The name is a code ("BQS").
    pub const CODE_NAME: f32 = -3.0;
    /// Reached only through a loose romanisation variant.
    pub const VARIANT_MATCH: f32 = -1.2;
    /// A country matched by a former name when the text names the former state itself
    /// ("Soviet Union" is also a former name of Russia in the gazetteer).
    pub const SUCCESSOR_OF_NAMED_FORMER_STATE: f32 = -6.0;
    /// Its country is named in the document (per mention, up to three).
    pub const COUNTRY_IN_DOCUMENT: f32 = 1.1;
    /// Its first-level region is named in the document.
    pub const ADMIN1_IN_DOCUMENT: f32 = 2.2;
    /// "City, State" / "City, Country": the qualifier contains it.
    pub const QUALIFIED: f32 = 6.0;
    /// A generic word says what kind of place it is ("Amur region" → admin1, "the town of").
    pub const GENERIC_KIND: f32 = 2.0;
    /// The same entry is chosen by another mention in the document (one sense per document;
    /// "Vostochny" after "Vostochny cosmodrome").
    pub const CHOSEN_ELSEWHERE: f32 = 2.5;
    /// Near the other places of the document: per unit of closeness in `0..=1`
    /// (1 at the same point, 0.5 at 300 km, falling with distance).
    pub const COHERENCE: f32 = 2.0;
    /// Same first-level region as confident places of the document.
    pub const SAME_ADMIN1: f32 = 0.8;
    /// Same country as the dateline's city, or near it.
    pub const NEAR_DATELINE: f32 = 1.0;
    /// Within the tolerance of a relative expression's implied point.
    pub const RELATIVE_POINT: f32 = 4.0;
    /// Shared by a name and its former name in an apposition ("Tsiolkovsky (former
    /// Uglegorsk)").
    pub const APPOSITION: f32 = 8.0;
}

/// Distance at which spatial closeness falls to one half, in km.
pub const COHERENCE_HALF_KM: f64 = 300.0;

/// Softmax temperature of the resolution scores: larger spreads probability more evenly.
pub const RESOLUTION_TEMPERATURE: f32 = 1.0;

/// Alternatives kept per mention besides the chosen place.
pub const MAX_ALTERNATIVES: usize = 5;
