//! The facts every candidate is weighed by, one cache line per entry.
//!
//! The stored tables are columns (compact and quick to decode), but recognition and
//! resolution read a dozen facts of each candidate, and a name like "Springfield" has dozens
//! of candidates scattered over the gazetteer: read from columns, each fact of each candidate is
//! a cache miss of its own. A row packs the facts they need into 32 bytes, built once at load.

use super::entry::NAMESPACES;
use super::store::Tables;
use super::{EntryId, link};
use crate::model::{PlaceKind, PlaceNamespace, Position};

/// The facts of one entry that candidates are weighed by.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C, align(32))]
pub(crate) struct Row {
    /// Population; 0 when unknown.
    pub population: u64,
    /// Latitude, degrees.
    pub lat: f32,
    /// Longitude, degrees.
    pub lon: f32,
    /// The admin1 entry it lies in, or `NO_ENTRY`.
    pub admin1: u32,
    /// The admin2 entry it lies in, or `NO_ENTRY`.
    pub admin2: u32,
    /// Feature code as an index into the interned strings, or `u32::MAX`.
    pub feature_code: u32,
    /// `PlaceKind` as its index in `PlaceKind::ALL`.
    pub kind: u8,
    /// `PlaceNamespace` as its index in `NAMESPACES`.
    pub namespace: u8,
    /// ISO 3166-1 alpha-2, `[0, 0]` when none.
    pub country: [u8; 2],
}

impl Row {
    /// The rows of validated tables, in entry order.
    pub fn build(t: &Tables) -> Vec<Row> {
        (0..t.kinds.len())
            .map(|i| Row {
                population: t.populations[i],
                lat: t.lats[i],
                lon: t.lons[i],
                admin1: t.admin1_entries[i],
                admin2: t.admin2_entries[i],
                feature_code: t.feature_codes[i],
                kind: t.kinds[i],
                namespace: t.namespaces[i],
                country: t.countries[i],
            })
            .collect()
    }

    /// The feature kind.
    pub fn kind(&self) -> PlaceKind {
        PlaceKind::ALL.get(usize::from(self.kind)).copied().unwrap_or(PlaceKind::City)
    }

    /// The namespace of the public id.
    pub fn namespace(&self) -> PlaceNamespace {
        NAMESPACES.get(usize::from(self.namespace)).copied().unwrap_or(PlaceNamespace::GeoNames)
    }

    /// The representative point.
    pub fn position(&self) -> Position {
        Position::new(f64::from(self.lon), f64::from(self.lat))
    }

    /// The admin1 entry.
    pub fn admin1(&self) -> Option<EntryId> {
        link(self.admin1)
    }

    /// The admin2 entry.
    pub fn admin2(&self) -> Option<EntryId> {
        link(self.admin2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_fills_one_half_cache_line() {
        assert_eq!(std::mem::size_of::<Row>(), 32);
    }
}
