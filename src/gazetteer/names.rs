//! How a name relates to a gazetteer entry, and how a lookup reached it.

use serde::{Deserialize, Serialize};

/// How a name relates to the entry it names, strongest first.
///
/// The resolver weighs these: a town's preferred name is much better evidence than a code that
/// happens to spell an English word, and a demonym ("Russian") points at its country only weakly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum NameKind {
    /// The entry's preferred English name ("Blagoveshchensk", "North Korea").
    Preferred = 0,
    /// An official or formal long name ("Democratic People's Republic of Korea").
    Official = 1,
    /// A short form ("Amur" for Amur Oblast, "Korea" never for two countries).
    Short = 2,
    /// Another spelling, translation or transliteration ("Blagoveschensk").
    Alternate = 3,
    /// A former name ("Uglegorsk" for Tsiolkovskiy, "Soviet Union" for Russia).
    Historical = 4,
    /// An abbreviation written in text ("W.Va.", "Calif.", "DPRK", "U.S.").
    Abbreviation = 5,
    /// A code rarely written as a word in prose (IATA "BQS", ISO "RU-AMU").
    Code = 6,
    /// A demonym or adjective of the entry ("Russian", "North Korean", "Soviet").
    Demonym = 7,
}

impl NameKind {
    /// Every kind, strongest first.
    pub const ALL: [NameKind; 8] = [
        Self::Preferred,
        Self::Official,
        Self::Short,
        Self::Alternate,
        Self::Historical,
        Self::Abbreviation,
        Self::Code,
        Self::Demonym,
    ];

    /// The kind stored in the low bits of a posting.
    pub(crate) fn from_bits(bits: u32) -> Option<Self> {
        Self::ALL.get(bits as usize).copied()
    }

    /// The name used in reasons and exports ("preferred", "former name", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Preferred => "preferred",
            Self::Official => "official",
            Self::Short => "short",
            Self::Alternate => "alternate",
            Self::Historical => "former name",
            Self::Abbreviation => "abbreviation",
            Self::Code => "code",
            Self::Demonym => "demonym",
        }
    }
}

/// Which key a lookup matched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The folded surface text equals a folded name of the entry ([`super::fold()`]).
    Exact,
    /// Only the looser romanisation-variant keys are equal ([`super::variant_key`]); score lower.
    Variant,
}
