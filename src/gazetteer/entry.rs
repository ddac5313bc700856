//! Entry ids and the read-only view of one entry.

use crate::model::{PlaceId, PlaceKind, PlaceNamespace, Position};

/// Index of an entry in a loaded [`super::Gazetteer`]; only meaningful for that gazetteer.
///
/// Use [`PlaceId`] for anything stored or exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

impl EntryId {
    /// The index into the gazetteer's tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Namespaces in their stored order.
pub(crate) const NAMESPACES: [PlaceNamespace; 5] = [
    PlaceNamespace::GeoNames,
    PlaceNamespace::Landmark,
    PlaceNamespace::Fips,
    PlaceNamespace::Iata,
    PlaceNamespace::M49,
];

/// The stored byte of a namespace.
pub(crate) fn namespace_index(namespace: PlaceNamespace) -> u8 {
    NAMESPACES.iter().position(|n| *n == namespace).unwrap_or(0) as u8
}

/// One gazetteer entry, borrowed from the loaded tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    /// Its index in this gazetteer.
    pub entry_id: EntryId,
    /// Stable public id.
    pub place_id: PlaceId,
    /// Preferred English name.
    pub name: &'a str,
    /// Feature kind.
    pub kind: PlaceKind,
    /// GeoNames feature code ("PPLC", "ADM1", "AIRP", "PCLI") when known.
    pub feature_code: Option<&'a str>,
    /// Population; 0 when unknown. For subdivisions it is the sum of their towns in cities500,
    /// a lower bound.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    pub country: Option<&'a str>,
    /// GeoNames admin1 code within the country ("05").
    pub admin1_code: Option<&'a str>,
    /// The admin1 entry it lies in.
    pub admin1: Option<EntryId>,
    /// The admin2 entry it lies in.
    pub admin2: Option<EntryId>,
    /// Representative point (x = longitude, y = latitude).
    pub position: Position,
    /// Feature words of a landmark ("border crossing", "cosmodrome"); empty otherwise.
    pub features: &'a [String],
    /// Every country a landmark lies in or borders; empty otherwise.
    pub countries: Vec<&'a str>,
}

impl Entry<'_> {
    /// The GeoNames-style feature class: A (admin), P (populated place), H (water),
    /// T (terrain), S (spot, building), L (area).
    pub fn feature_class(&self) -> char {
        self.kind.feature_class()
    }
}
