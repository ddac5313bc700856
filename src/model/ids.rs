use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Index of a mention within its [`crate::model::Document`] (`document.mentions[id.0]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MentionId(pub u32);

/// Index of an event within its document (`document.events[id.0]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventId(pub u32);

/// Index of an actor (person or organisation) within its document (`document.actors[id.0]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorId(pub u32);

impl MentionId {
    /// The index into `document.mentions`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EventId {
    /// The index into `document.events`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ActorId {
    /// The index into `document.actors`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Which public identifier scheme a [`PlaceId`] belongs to.
///
/// Places come from several sources; each keeps its own stable public id so that an exported
/// id can be looked up again (a GeoNames id on geonames.org, a FIPS code at the Census, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceNamespace {
    /// A GeoNames id: populated places, countries, subdivisions, continents.
    GeoNames,
    /// A row of the curated landmarks table (`data/gazetteer/landmarks.tsv`).
    Landmark,
    /// A US county by its 5-digit FIPS code.
    Fips,
    /// An airport by its IATA code (three letters packed into the number, see [`PlaceId::iata`]).
    Iata,
    /// A UN M49 macro-region ("Western Europe" = 155).
    M49,
}

impl PlaceNamespace {
    /// The prefix used in the textual form (`geonames:2026609`).
    pub fn prefix(self) -> &'static str {
        match self {
            Self::GeoNames => "geonames",
            Self::Landmark => "landmark",
            Self::Fips => "fips",
            Self::Iata => "iata",
            Self::M49 => "m49",
        }
    }

    fn from_prefix(prefix: &str) -> Option<Self> {
        Some(match prefix {
            "geonames" => Self::GeoNames,
            "landmark" => Self::Landmark,
            "fips" => Self::Fips,
            "iata" => Self::Iata,
            "m49" => Self::M49,
            _ => return None,
        })
    }
}

/// A typed, stable identifier of a gazetteer place, written `namespace:code`
/// (`geonames:2026609`, `fips:06037`, `iata:BQS`, `landmark:12`, `m49:155`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId {
    /// The identifier scheme.
    pub namespace: PlaceNamespace,
    /// The number within the scheme (an IATA code is packed base-26, see [`PlaceId::iata`]).
    pub code: u64,
}

impl PlaceId {
    /// A GeoNames id.
    pub fn geonames(geoname_id: u64) -> Self {
        Self { namespace: PlaceNamespace::GeoNames, code: geoname_id }
    }

    /// A curated landmark by its row id.
    pub fn landmark(landmark_id: u64) -> Self {
        Self { namespace: PlaceNamespace::Landmark, code: landmark_id }
    }

    /// A US county by FIPS code.
    pub fn fips(fips: u64) -> Self {
        Self { namespace: PlaceNamespace::Fips, code: fips }
    }

    /// A UN M49 region code.
    pub fn m49(m49: u64) -> Self {
        Self { namespace: PlaceNamespace::M49, code: m49 }
    }

    /// An airport by its three-letter IATA code; `None` unless it is three ASCII letters.
    pub fn iata(code: &str) -> Option<Self> {
        let bytes = code.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let packed =
            bytes.iter().fold(0u64, |acc, b| acc * 26 + u64::from(b.to_ascii_uppercase() - b'A'));
        Some(Self { namespace: PlaceNamespace::Iata, code: packed })
    }

    fn iata_letters(self) -> String {
        let mut n = self.code;
        let mut letters = [b'A'; 3];
        for slot in letters.iter_mut().rev() {
            *slot = b'A' + (n % 26) as u8;
            n /= 26;
        }
        String::from_utf8_lossy(&letters).into_owned()
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.namespace {
            PlaceNamespace::Iata => write!(f, "iata:{}", self.iata_letters()),
            PlaceNamespace::Fips => write!(f, "fips:{:05}", self.code),
            ns => write!(f, "{}:{}", ns.prefix(), self.code),
        }
    }
}

/// Why a string is not a [`PlaceId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a place id (expected namespace:code, e.g. geonames:2026609): {text:?}")]
pub struct PlaceIdParseError {
    /// The rejected text.
    pub text: String,
}

impl FromStr for PlaceId {
    type Err = PlaceIdParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PlaceIdParseError { text: s.to_owned() };
        let (prefix, code) = s.split_once(':').ok_or_else(err)?;
        let namespace = PlaceNamespace::from_prefix(prefix).ok_or_else(err)?;
        if namespace == PlaceNamespace::Iata {
            return Self::iata(code).ok_or_else(err);
        }
        let code = code.parse().map_err(|_| err())?;
        Ok(Self { namespace, code })
    }
}

impl Serialize for PlaceId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PlaceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_ids_round_trip_through_text() {
        for text in ["geonames:2026609", "fips:06037", "iata:BQS", "landmark:12", "m49:155"] {
            let id: PlaceId = text.parse().unwrap();
            assert_eq!(id.to_string(), text);
        }
    }

    #[test]
    fn garbage_is_not_a_place_id() {
        for text in ["", "2026609", "osm:1", "geonames:x", "iata:B1S", "iata:BQSX"] {
            assert!(text.parse::<PlaceId>().is_err(), "{text}");
        }
        let err = "nope".parse::<PlaceId>().unwrap_err();
        assert!(err.to_string().contains("\"nope\""));
    }
}
