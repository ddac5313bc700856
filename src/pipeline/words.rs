//! Closed word lists the stages match against folded tokens (see [`super::tokens::Tokens`]),
//! and the given-name list from `data/names/given-names.txt`.
//!
//! Every list is small and English; each says why it exists. Words are folded (lower case, no
//! dots), so "Gen." is "gen" and "Mr." is "mr".

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A closed word list with constant-time membership; the set is built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    /// Most tokens asked about have a length and first letter no word of a small list has,
    /// and are turned away without hashing.
    first_bytes: FirstBytes,
    set: OnceLock<FxHashSet<&'static str>>,
}

/// The last row of [`FirstBytes`]' table, shared by all longer words.
const LAST_ROW: usize = 31;

impl WordSet {
    /// A set of the given (folded) words.
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut first_bytes = FirstBytes::new();
        let mut i = 0;
        while i < words.len() {
            first_bytes.add(words[i]);
            i += 1;
        }
        Self { words, first_bytes, set: OnceLock::new() }
    }

    /// True when `word` (folded) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.first_bytes.may_contain(word)
            && self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

/// Which (length, first byte) pairs the words of a set have: a word whose pair no word of the
/// set has is turned away before the set hashes it. [`WordSet`] keeps one for its list; sets
/// built at run time keep their own.
///
/// For each length in bytes (the last row for [`LAST_ROW`] or more), bit `b & 31` is set when
/// some word of that length starts with byte `b`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FirstBytes([u32; LAST_ROW + 1]);

impl FirstBytes {
    /// A table of no words.
    pub const fn new() -> Self {
        Self([0; LAST_ROW + 1])
    }

    /// Notes the pair of `word`.
    pub const fn add(&mut self, word: &str) {
        let (row, bit) = first_byte_bit(word.as_bytes());
        self.0[row] |= bit;
    }

    /// False only when no word added has the length and first byte of `word`.
    pub fn may_contain(&self, word: &str) -> bool {
        let (row, bit) = first_byte_bit(word.as_bytes());
        self.0[row] & bit != 0
    }
}

/// The row and bit of [`FirstBytes`]' table for a word: its length (capped at
/// [`LAST_ROW`]) and its first byte folded into 32 bits (collisions only let more words
/// through to the hash set).
const fn first_byte_bit(word: &[u8]) -> (usize, u32) {
    let row = if word.len() < LAST_ROW { word.len() } else { LAST_ROW };
    let bit = if word.is_empty() { 1 } else { 1 << (word[0] & 31) };
    (row, bit)
}

/// Titles and roles that precede a person's name ("President Vladimir Putin", "leader Kim
/// Jong Un", "Gov. Smith"): the capitalised words after them are a name, not a place.
pub static PERSON_TITLES: WordSet = WordSet::new(&[
    "president",
    "vice",
    "leader",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "pastor",
    "rabbi",
    "imam",
    "ayatollah",
    "comrade",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "general",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "lt",
    "lieutenant",
    "sgt",
    "sergeant",
    "cpl",
    "corporal",
    "adm",
    "admiral",
    "commander",
    "marshal",
    "chief",
    "officer",
    "detective",
    "det",
    "deputy",
    "trooper",
    "sheriff",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "diplomat",
    "coach",
    "dean",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "superintendent",
    "commissioner",
    "councilman",
    "councilwoman",
    "councillor",
    "alderman",
    "treasurer",
    "auditor",
    "assemblyman",
    "assemblywoman",
    "delegate",
    "lawmaker",
    "candidate",
    "nominee",
    "dictator",
    "strongman",
    "monarch",
    "sister",
    "brother",
    "aunt",
    "uncle",
    "grandson",
    "granddaughter",
    "wife",
    "husband",
    "widow",
    "economist",
    "analyst",
    "author",
    "writer",
    "photographer",
    "reporter",
    "correspondent",
    "editor",
    "player",
    "striker",
    "goalkeeper",
    "pitcher",
    "quarterback",
    "actor",
    "actress",
    "singer",
    "rapper",
    "journalist",
    "activist",
    "student",
    "resident",
    "founder",
    "owner",
    "manager",
    "principal",
    "teacher",
    "doctor",
    "nurse",
    "lawyer",
    "suspect",
    "victim",
    "defendant",
]);

/// Titles that are also common place-name prefixes ("St. Louis", "King County", "Port
/// Elizabeth", "Mount Vernon"): they make a person only when the words after them are not a
/// place in the gazetteer.
pub static TITLES_THAT_START_PLACES: WordSet = WordSet::new(&[
    "king", "queen", "prince", "princess", "lady", "general", "chief", "father", "sir",
]);

/// Verbs of saying: "Smith said", "said Smith" mark a person, not a town called Smith.
pub static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "wrote",
    "asked",
    "argued",
    "stated",
    "insisted",
    "recalled",
    "tweeted",
    "testified",
    "admitted",
    "acknowledged",
    "replied",
    "continued",
    "declared",
    "warned",
    "urged",
    "claimed",
]);

/// Head words that end an organisation's name ("Ohio State University", "Dublin City
/// Council", "Washington Post").
pub static ORGANISATION_HEADS: WordSet = WordSet::new(&[
    "university",
    "college",
    "school",
    "schools",
    "academy",
    "institute",
    "council",
    "committee",
    "commission",
    "department",
    "ministry",
    "agency",
    "party",
    "association",
    "foundation",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "co",
    "group",
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "press",
    "police",
    "patrol",
    "court",
    "hospital",
    "clinic",
    "church",
    "airlines",
    "airways",
    "army",
    "navy",
    "board",
    "office",
    "service",
    "services",
    "authority",
    "federation",
    "club",
    "society",
    "network",
    "observatory",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "cabinet",
    "administration",
    "bureau",
    "centre",
    "center",
    "museum",
    "library",
    "chamber",
    "fund",
    "trust",
    "alliance",
    "coalition",
    "league",
    "team",
    "brigade",
    "forces",
    "guard",
    "militia",
    "front",
    "movement",
    "organisation",
    "organization",
    "systems",
    "technologies",
    "holdings",
    "partners",
    "capital",
    "energy",
    "motors",
    "pharmaceuticals",
    "telegraph",
    "standard",
    "daily",
    "weekly",
    "magazine",
    "review",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "channel",
    "festival",
    "conference",
    "summit",
    "program",
    "programme",
    "project",
    "initiative",
    "institution",
]);

/// Words after which a capitalised word or acronym is an agency or outlet ("state news agency
/// KCNA", "agency Yonhap").
pub static AGENCY_CUES: WordSet =
    WordSet::new(&["agency", "outlet", "broadcaster", "newspaper", "daily", "wire"]);

/// Words in an all-caps run that make it a photo credit or byline, which names no places even
/// when "Pool" and "Credit" are towns somewhere.
pub static CREDIT_WORDS: WordSet = WordSet::new(&[
    "file",
    "credit",
    "credits",
    "photo",
    "photos",
    "pool",
    "handout",
    "mandatory",
    "editorial",
    "courtesy",
    "getty",
    "images",
    "epa",
    "afp",
    "reuters",
    "ap",
    "efe",
    "sputnik",
    "xinhua",
    "yonhap",
    "kcna",
    "kyodo",
    "tass",
    "ria",
    "novosti",
    "anadolu",
    "ansa",
    "dpa",
    "upi",
    "photographer",
    "pictures",
    "stringer",
    "str",
    "shutterstock",
]);

/// Surnames that come first in Korean, Chinese and Vietnamese names ("Kim Jong Un", "Xi
/// Jinping", "Moon Jae-in"): followed by one or two given-name syllables they make a person.
pub static EAST_ASIAN_SURNAMES: WordSet = WordSet::new(&[
    "kim", "lee", "yi", "ri", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung",
    "kang", "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "shin",
    "sin", "kwon", "hwang", "ahn", "an", "song", "ryu", "yoo", "hong", "jeon", "chun", "ko", "go",
    "moon", "mun", "son", "baek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "ju",
    "woo", "min", "ryu", "na", "jin", "xi", "li", "wang", "zhang", "liu", "chen", "yang", "huang",
    "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao",
    "zheng", "liang", "xie", "tang", "deng", "feng", "cao", "peng", "zeng", "xiao", "tian", "dong",
    "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
    "shen", "yao", "fan", "fu", "zhong", "wen", "bo", "hua", "mao", "deng", "nguyen", "tran", "le",
    "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
]);

/// Prepositions and phrases that put a place after them ("in Seoul", "near Kyiv", "outside
/// of Tsiolkovsky"): evidence that the next name is a place.
pub static LOCATIVE_CUES: WordSet = WordSet::new(&[
    "in",
    "near",
    "at",
    "from",
    "to",
    "into",
    "outside",
    "inside",
    "across",
    "toward",
    "towards",
    "through",
    "throughout",
    "around",
    "via",
    "between",
    "within",
    "beyond",
    "along",
    "downtown",
    "visited",
    "visiting",
    "visit",
    "entered",
    "reached",
    "invaded",
    "bombed",
    "left",
    "fled",
    "returned",
    "flew",
    "traveled",
    "travelled",
    "moved",
    "born",
    "based",
    "located",
    "situated",
    "headquartered",
]);

/// Generic place words that, written lower case right after a name, say what kind of place it
/// is without being part of the name in the public gold corpora ("Amur region", "Sichuan
/// province", "Washington state"); with the kind each implies.
pub const GENERIC_AFTER: &[(&str, GenericKind)] = &[
    ("region", GenericKind::Admin1),
    ("province", GenericKind::Admin1),
    ("oblast", GenericKind::Admin1),
    ("state", GenericKind::Admin1),
    ("prefecture", GenericKind::Admin1),
    ("governorate", GenericKind::Admin1),
    ("krai", GenericKind::Admin1),
    ("territory", GenericKind::Admin1),
    ("county", GenericKind::Admin2),
    ("district", GenericKind::Admin2),
    ("parish", GenericKind::Admin2),
    ("township", GenericKind::Admin2),
    ("municipality", GenericKind::Admin2),
    ("city", GenericKind::City),
    ("town", GenericKind::City),
    ("village", GenericKind::City),
    ("river", GenericKind::Water),
    ("sea", GenericKind::Water),
    ("lake", GenericKind::Water),
    ("border", GenericKind::Country),
    ("peninsula", GenericKind::Landform),
    ("island", GenericKind::Landform),
    ("mountains", GenericKind::Landform),
    ("cosmodrome", GenericKind::Facility),
    ("spaceport", GenericKind::Facility),
];

/// Generic words that, capitalised right after a name, belong to it in the gold corpora
/// ("Laurel County", "Hebei Province", "Amur Oblast"); with the kind each implies. "City" and
/// "State" join only when the whole is a gazetteer name ("Oklahoma City") because "Ohio State
/// University" and "Dublin City Council" are annotated as "Ohio" and "Dublin".
pub const GENERIC_SUFFIXES: &[(&str, GenericKind)] = &[
    ("county", GenericKind::Admin2),
    ("parish", GenericKind::Admin2),
    ("township", GenericKind::Admin2),
    ("borough", GenericKind::Admin2),
    ("province", GenericKind::Admin1),
    ("oblast", GenericKind::Admin1),
    ("prefecture", GenericKind::Admin1),
    ("governorate", GenericKind::Admin1),
    ("krai", GenericKind::Admin1),
    ("region", GenericKind::Admin1),
    ("river", GenericKind::Water),
    ("lake", GenericKind::Water),
    ("creek", GenericKind::Water),
    ("bay", GenericKind::Water),
    ("mountains", GenericKind::Landform),
    ("mountain", GenericKind::Landform),
    ("island", GenericKind::Landform),
    ("islands", GenericKind::Landform),
    ("valley", GenericKind::Landform),
    ("peninsula", GenericKind::Landform),
];

/// Words after a name that make it a street, road or building, which the gazetteer does not
/// hold: "North Lumpkin Street", "Strickland and North avenues", "Franklin Avenue".
pub static STREET_WORDS: WordSet = WordSet::new(&[
    "street",
    "streets",
    "st",
    "avenue",
    "avenues",
    "ave",
    "road",
    "roads",
    "rd",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "way",
    "court",
    "ct",
    "terrace",
    "pike",
    "turnpike",
    "expressway",
    "freeway",
    "plaza",
    "hall",
    "building",
    "tower",
    "towers",
    "mall",
    "park",
    "stadium",
    "arena",
    "bridge",
    "square",
    "circle",
]);

/// Compass and position words that are towns somewhere ("West", Texas) but alone in news are
/// directions or parts of longer names ("West Broad Street", "the North").
pub static COMPASS_WORDS: WordSet = WordSet::new(&[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "mid",
    "middle",
    "new",
    "old",
    "little",
    "great",
    "big",
    "lake",
    "mount",
    "port",
    "fort",
    "saint",
    "st",
    "san",
    "santa",
    "los",
    "las",
    "el",
]);

/// Words before a name that say what kind of place follows ("the town of Tsiolkovsky", "the
/// city of Mosul", "the province of Idlib").
pub const GENERIC_BEFORE: &[(&str, GenericKind)] = &[
    ("town", GenericKind::City),
    ("city", GenericKind::City),
    ("village", GenericKind::City),
    ("capital", GenericKind::City),
    ("port", GenericKind::City),
    ("province", GenericKind::Admin1),
    ("state", GenericKind::Admin1),
    ("region", GenericKind::Admin1),
    ("county", GenericKind::Admin2),
    ("country", GenericKind::Country),
    ("island", GenericKind::Landform),
];

/// The kind of place a generic word points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GenericKind {
    /// A country ("border").
    Country,
    /// A state, province, oblast or region.
    Admin1,
    /// A county, district or parish.
    Admin2,
    /// A city, town or village.
    City,
    /// A river, sea or lake.
    Water,
    /// An island, peninsula or range.
    Landform,
    /// A cosmodrome or other built feature.
    Facility,
}

/// Looks `word` (folded) up in a table of generic words.
pub fn generic(table: &[(&str, GenericKind)], word: &str) -> Option<GenericKind> {
    table.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

/// Lower-case words that may sit inside a multi-word place name ("Rio de Janeiro", "Isle of
/// Man", "Gulf of Mexico", "Stratford upon Avon").
pub static NAME_PARTICLES: WordSet = WordSet::new(&[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
    "el", "al", "and", "the", "upon", "on", "en", "sur", "am", "an", "im", "bin", "y", "van",
    "von", "der", "den", "ter", "aan", "op",
]);

/// Lower-case particles inside a person's name ("Osama bin Laden", "Ursula von der Leyen").
pub static PERSON_PARTICLES: WordSet = WordSet::new(&[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la",
    "le", "du", "dos", "ter",
]);

/// The given names (folded) with the percentage of people bearing them.
pub fn given_names() -> &'static FxHashMap<&'static str, f32> {
    static NAMES: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    NAMES.get_or_init(|| parse_given_names(include_str!("../../data/names/given-names.txt")))
}

/// Parses `name<TAB>percent` lines, skipping `#` comments and malformed lines.
fn parse_given_names(list: &'static str) -> FxHashMap<&'static str, f32> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, share) = l.split_once('\t')?;
            Some((name, share.trim().parse().ok()?))
        })
        .collect()
}

/// The commoner surnames (folded) with the percentage of people bearing them.
pub fn surnames() -> &'static FxHashMap<&'static str, f32> {
    static NAMES: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    NAMES.get_or_init(|| parse_given_names(include_str!("../../data/names/surnames.txt")))
}

/// Share (percent of people) above which a surname standing alone is more likely a person
/// than a minor place ("Hill said", "Nelson's lawyer").
pub const SURNAME_MIN_SHARE: f32 = 0.005;

/// True when `folded` is a surname at least as common as [`SURNAME_MIN_SHARE`].
pub fn is_common_surname(folded: &str) -> bool {
    surnames().get(folded).is_some_and(|&s| s >= SURNAME_MIN_SHARE)
}

/// Share (percent of people) above which a given name is common enough that a capitalised
/// word after it is taken for a surname ("Chad Johnson").
pub const GIVEN_NAME_MIN_SHARE: f32 = 0.002;

/// True when `folded` is a given name at least as common as [`GIVEN_NAME_MIN_SHARE`].
pub fn is_given_name(folded: &str) -> bool {
    given_names().get(folded).is_some_and(|&s| s >= GIVEN_NAME_MIN_SHARE)
}

/// Month and weekday names (folded, with their abbreviations): capitalised they are dates,
/// never the towns of March (England) or May (Oklahoma).
pub static CALENDAR_WORDS: WordSet = WordSet::new(&[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
]);

/// Generic words that a lower-case continuation may not absorb into a name, so that "Amur
/// region" yields the mention "Amur" as the public gold corpora annotate it.
pub static UNABSORBED_GENERICS: WordSet = WordSet::new(&[
    "region",
    "province",
    "oblast",
    "state",
    "prefecture",
    "governorate",
    "krai",
    "territory",
    "county",
    "district",
    "parish",
    "township",
    "municipality",
    "city",
    "town",
    "village",
    "area",
    "border",
]);

/// English function words, pronouns and auxiliaries: capitalised at a sentence start they are
/// still not the towns of As (Belgium), Of (Turkey) or More.
pub static STOP_WORDS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "as",
    "at",
    "by",
    "in",
    "on",
    "of",
    "to",
    "is",
    "it",
    "be",
    "we",
    "he",
    "me",
    "my",
    "no",
    "so",
    "do",
    "up",
    "or",
    "if",
    "and",
    "but",
    "for",
    "not",
    "all",
    "any",
    "more",
    "most",
    "some",
    "such",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "than",
    "when",
    "what",
    "who",
    "how",
    "why",
    "where",
    "which",
    "while",
    "with",
    "without",
    "after",
    "before",
    "under",
    "over",
    "about",
    "also",
    "only",
    "even",
    "just",
    "very",
    "much",
    "many",
    "few",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "other",
    "another",
    "same",
    "our",
    "your",
    "their",
    "his",
    "her",
    "its",
    "they",
    "them",
    "she",
    "him",
    "you",
    "i",
    "am",
    "are",
    "was",
    "were",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "might",
    "must",
    "shall",
    "should",
    "yes",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "us",
    "yet",
    "still",
    "since",
    "until",
    "though",
    "although",
    "because",
    "into",
    "onto",
    "from",
    "off",
    "out",
    "via",
    "per",
    "despite",
    "during",
    "among",
    "amid",
    "against",
    "between",
    "through",
    "across",
    "around",
    "near",
    "hello",
    "thanks",
    "please",
    "okay",
    "ok",
    "oh",
    "well",
    "now",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "again",
    "ever",
    "never",
    "always",
    "often",
    "soon",
    "later",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_given_name_list_loads_and_knows_common_names() {
        assert!(given_names().len() > 4000);
        assert!(is_given_name("john"));
        assert!(is_given_name("virginia"));
        assert!(!is_given_name("blagoveshchensk"));
    }

    #[test]
    fn common_surnames_are_known_and_rare_ones_are_not() {
        assert!(is_common_surname("hill"));
        assert!(is_common_surname("nelson"));
        assert!(!is_common_surname("blagoveshchensk"));
    }

    #[test]
    fn malformed_name_lines_are_skipped() {
        let parsed = parse_given_names("# header\nann\t0.5\nbroken line\nbob\tx\n");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed.get("ann"), Some(&0.5));
    }

    #[test]
    fn a_word_set_knows_its_words_and_nothing_else() {
        static SET: WordSet =
            WordSet::new(&["and", "or", "", "a-very-long-word-list-entry-of-40-bytes"]);
        for word in ["and", "or", "", "a-very-long-word-list-entry-of-40-bytes"] {
            assert!(SET.contains(word), "{word:?}");
        }
        // Same length and first letter, a first letter that folds onto "a", other lengths.
        for word in
            ["any", "on", "Ann", "!nd", "an", "a-very-long-word-list-entry-of-40-bytez", "x"]
        {
            assert!(!SET.contains(word), "{word:?}");
        }
        assert!(STOP_WORDS.contains("the") && !STOP_WORDS.contains("seoul"));
    }

    proptest::proptest! {
        #[test]
        fn first_bytes_never_turn_away_a_word_added(
            added in proptest::collection::vec("[a-z ]{0,40}", 0..20),
            asked in "[a-z ]{0,40}",
        ) {
            let mut first_bytes = FirstBytes::default();
            added.iter().for_each(|w| first_bytes.add(w));
            for word in &added {
                proptest::prop_assert!(first_bytes.may_contain(word));
            }
            if !added.contains(&asked) && !first_bytes.may_contain(&asked) {
                let pair = |w: &str| (w.len().min(LAST_ROW), w.bytes().next().map(|b| b & 31));
                proptest::prop_assert!(added.iter().all(|w| pair(w) != pair(&asked)));
            }
        }
    }

    #[test]
    fn generic_words_map_to_kinds() {
        assert_eq!(generic(GENERIC_AFTER, "region"), Some(GenericKind::Admin1));
        assert_eq!(generic(GENERIC_SUFFIXES, "county"), Some(GenericKind::Admin2));
        assert_eq!(generic(GENERIC_SUFFIXES, "city"), None);
    }
}
