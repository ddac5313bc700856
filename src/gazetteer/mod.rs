//! The offline gazetteer: every known place with its names, kind, population and point.
//!
//! Built by `build-gazetteer` from public source packages (see `data/SOURCES.md`) into
//! `data/gazetteer/gazetteer.bin`, which is compiled into the library and decoded on first use
//! by [`Gazetteer::embedded`].
//!
//! Names are indexed under two keys (see [`fold()`] and [`variant_key`]) in `fst` maps; each key
//! lists the entries it names with a [`NameKind`]. [`Gazetteer::lookup`] returns
//! [`NameMatch`]es; [`Gazetteer::entry`] and [`Gazetteer::place`] give the details.

mod builder;
mod columns;
mod cursor;
mod entry;
mod fold;
mod names;
mod rows;
mod spatial;
mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rstar::RTree;
use rustc_hash::FxHashMap;

pub use builder::{EntrySpec, GazetteerBuilder, NameRejection};
pub use cursor::NameCursor;
pub use entry::{Entry, EntryId};
pub use fold::{fold, is_latin_script, token_count, variant_key};
pub use names::{MatchKind, NameKind};
pub use spatial::{EARTH_RADIUS_KM, distance_km};

use crate::model::{PlaceId, PlaceKind, Position};
use entry::NAMESPACES;
use store::{NO_ENTRY, Section, Tables};

/// The gazetteer built into the library (`data/gazetteer/gazetteer.bin`).
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../data/gazetteer/gazetteer.bin");

/// Errors from loading the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data is damaged or not a gazetteer; rebuild it with `build-gazetteer`.
    #[error("gazetteer data is corrupt: {reason}")]
    Corrupt {
        /// What is wrong.
        reason: String,
    },
    /// The file was written by another version of newsmap; rebuild it with `build-gazetteer`.
    #[error("gazetteer format version {found} is not the supported version {expected}")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The file could not be read.
    #[error("cannot read gazetteer file {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// One entry found by a name lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameMatch {
    /// The entry.
    pub entry: EntryId,
    /// How the matched name relates to the entry (preferred, alternate, demonym, ...).
    pub name_kind: NameKind,
    /// Whether the exact folded key or only the looser variant key matched.
    pub match_kind: MatchKind,
}

/// The loaded gazetteer. Cheap to query from many threads; share it as `Arc<Gazetteer>`.
pub struct Gazetteer {
    exact: fst::Map<Section>,
    variant: fst::Map<Section>,
    postings: Vec<u32>,
    tables: Tables,
    /// The facts candidates are weighed by, one row per entry (see [`rows`]).
    rows: Vec<rows::Row>,
    /// ISO2 -> country entry (the most populous when several share a code).
    countries: FxHashMap<[u8; 2], EntryId>,
    /// (ISO2, admin1 code) -> admin1 entry.
    admin1s: FxHashMap<([u8; 2], u32), EntryId>,
    /// Entry -> index into `tables.extras`; Fx-hashed because [`Gazetteer::entry`] asks on
    /// every call and the keys are small trusted integers.
    extras: FxHashMap<u32, usize>,
    /// Built on first use so loading stays fast.
    by_place_id: OnceLock<HashMap<PlaceId, EntryId>>,
    /// Built on first use so loading stays fast.
    tree: OnceLock<RTree<spatial::SpherePoint>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.len())
            .field("names", &self.exact.len())
            .finish_non_exhaustive()
    }
}

impl Gazetteer {
    /// The gazetteer built into the binary, decoded on the first call and shared afterwards.
    ///
    /// # Errors
    /// When the built-in data cannot be decoded (a broken build).
    pub fn embedded() -> Result<Arc<Gazetteer>, Error> {
        static EMBEDDED: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        if let Some(g) = EMBEDDED.get() {
            return Ok(Arc::clone(g));
        }
        let loaded = Arc::new(Self::from_bytes(EMBEDDED_BYTES)?);
        Ok(Arc::clone(EMBEDDED.get_or_init(|| loaded)))
    }

    /// Decodes a gazetteer file held in memory.
    ///
    /// # Errors
    /// [`Error::Corrupt`] or [`Error::Version`] when the bytes are not a gazetteer this version
    /// reads; never panics on bad input.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let decoded = store::decode(bytes)?;
        let tables = decoded.tables;
        validate(&tables, &decoded.postings)?;
        let mut countries: FxHashMap<[u8; 2], EntryId> = FxHashMap::default();
        let mut admin1s = FxHashMap::default();
        for (i, &kind) in tables.kinds.iter().enumerate() {
            let id = EntryId(i as u32);
            let iso2 = tables.countries[i];
            match PlaceKind::ALL[kind as usize] {
                PlaceKind::Country if iso2 != [0, 0] => {
                    let better = countries.get(&iso2).is_none_or(|o: &EntryId| {
                        tables.populations[o.index()] < tables.populations[i]
                    });
                    if better {
                        countries.insert(iso2, id);
                    }
                }
                PlaceKind::Admin1 if tables.admin1_codes[i] != NO_ENTRY => {
                    admin1s.entry((iso2, tables.admin1_codes[i])).or_insert(id);
                }
                _ => {}
            }
        }
        let extras = tables.extras.iter().enumerate().map(|(i, x)| (x.entry, i)).collect();
        let rows = rows::Row::build(&tables);
        Ok(Gazetteer {
            exact: decoded.exact,
            variant: decoded.variant,
            postings: decoded.postings,
            tables,
            rows,
            countries,
            admin1s,
            extras,
            by_place_id: OnceLock::new(),
            tree: OnceLock::new(),
        })
    }

    /// Reads and decodes a gazetteer file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; otherwise as [`Gazetteer::from_bytes`].
    pub fn open(path: &Path) -> Result<Gazetteer, Error> {
        let bytes =
            std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        Self::from_bytes(&bytes)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.tables.kinds.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct exact name keys.
    pub fn name_count(&self) -> usize {
        self.exact.len()
    }

    /// The longest indexed name in words; a recognizer never needs to look further ahead.
    pub fn max_name_tokens(&self) -> usize {
        self.tables.max_name_tokens as usize
    }

    /// Every entry named by `surface` (any text as written; it is folded here).
    ///
    /// Exact-key matches come first, then entries reached only through the variant key; within
    /// each, by [`NameKind`] (preferred names first), then most populous first, then by entry id.
    /// Empty when nothing matches.
    pub fn lookup(&self, surface: &str) -> Vec<NameMatch> {
        let key = fold(surface);
        let mut out = self.lookup_folded(&key);
        let seen: std::collections::HashSet<EntryId> = out.iter().map(|m| m.entry).collect();
        let mut loose = self.lookup_variant(&variant_key(&key));
        loose.retain(|m| !seen.contains(&m.entry));
        out.extend(loose);
        out
    }

    /// Entries whose folded name is exactly `folded` (already the output of [`fold()`]).
    ///
    /// Sorted by [`NameKind`], then most populous first, then by entry id.
    pub fn lookup_folded(&self, folded: &str) -> Vec<NameMatch> {
        self.postings_of(self.exact.get(folded), MatchKind::Exact)
    }

    /// Entries whose variant key is exactly `key` (the output of [`variant_key`]), all tagged
    /// [`MatchKind::Variant`].
    pub fn lookup_variant(&self, key: &str) -> Vec<NameMatch> {
        if key.is_empty() {
            return Vec::new();
        }
        self.postings_of(self.variant.get(key), MatchKind::Variant)
    }

    /// True when some exact key starts with `folded_prefix`.
    ///
    /// A recognizer extends a candidate name word by word while this holds: ask for
    /// `"north "` (with the space) to learn whether any name continues after "North".
    pub fn has_prefix(&self, folded_prefix: &str) -> bool {
        if folded_prefix.is_empty() {
            return !self.exact.is_empty();
        }
        // Every state of an fst lies on the path of some key, so the prefix starts a key
        // exactly when its bytes can be followed from the root; this walks no further and,
        // unlike a range stream, allocates nothing.
        let fst = self.exact.as_fst();
        let mut node = fst.root();
        for &b in folded_prefix.as_bytes() {
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition_addr(i)),
                None => return false,
            }
        }
        true
    }

    fn postings_of(&self, value: Option<u64>, match_kind: MatchKind) -> Vec<NameMatch> {
        let mut out: Vec<NameMatch> = self.postings_unsorted(value, match_kind).collect();
        // A town's preferred name ranks above a province's alias of the same spelling ("Seoul"),
        // even though the province's population (the sum of its towns) is larger.
        out.sort_by_key(|m| {
            (m.name_kind, std::cmp::Reverse(self.tables.populations[m.entry.index()]), m.entry)
        });
        out
    }

    /// The entry with id `id`, or `None` when it is out of range.
    pub fn entry(&self, id: EntryId) -> Option<Entry<'_>> {
        let i = id.index();
        let t = &self.tables;
        if i >= self.len() {
            return None;
        }
        let start = if i == 0 { 0 } else { t.name_ends[i - 1] as usize };
        let name = &t.name_pool[start..t.name_ends[i] as usize];
        let extra = self.extras.get(&id.0).map(|&x| &t.extras[x]);
        let row = &self.rows[i];
        Some(Entry {
            entry_id: id,
            place_id: PlaceId { namespace: row.namespace(), code: t.codes[i] },
            name,
            kind: row.kind(),
            feature_code: self.string(row.feature_code),
            population: row.population,
            country: iso2_str(&row.country),
            admin1_code: self.string(t.admin1_codes[i]),
            admin1: row.admin1(),
            admin2: row.admin2(),
            position: row.position(),
            features: extra.map_or(&[], |x| x.features.as_slice()),
            countries: extra
                .map_or_else(Vec::new, |x| x.countries.iter().filter_map(iso2_str).collect()),
        })
    }

    /// Every entry, in id order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        (0..self.len() as u32).filter_map(|i| self.entry(EntryId(i)))
    }

    /// The entry with this public id.
    pub fn find(&self, place_id: PlaceId) -> Option<EntryId> {
        let map = self.by_place_id.get_or_init(|| {
            let t = &self.tables;
            (0..self.len())
                .map(|i| {
                    let id = PlaceId {
                        namespace: NAMESPACES[t.namespaces[i] as usize],
                        code: t.codes[i],
                    };
                    (id, EntryId(i as u32))
                })
                .collect()
        });
        map.get(&place_id).copied()
    }

    /// The country entry for an ISO 3166-1 alpha-2 code ("RU", case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<EntryId> {
        self.countries.get(&builder::iso2_bytes(iso2)?).copied()
    }

    /// The country a demonym or adjective names ("Russian" → Russia, "North Korean" → North
    /// Korea, "Soviet" → Russia, as successor of the Soviet Union).
    pub fn demonym(&self, surface: &str) -> Option<EntryId> {
        self.lookup_folded(&fold(surface))
            .into_iter()
            .find(|m| m.name_kind == NameKind::Demonym)
            .map(|m| m.entry)
    }

    /// The first-level subdivision of a country by its GeoNames admin1 code (("RU", "05") →
    /// Amur Oblast).
    pub fn admin1(&self, iso2: &str, admin1_code: &str) -> Option<EntryId> {
        let iso2 = builder::iso2_bytes(iso2)?;
        let code = self.tables.strings.iter().position(|s| s == admin1_code)? as u32;
        self.admin1s.get(&(iso2, code)).copied()
    }

    /// The first-level subdivision an entry lies in.
    pub fn admin1_of(&self, id: EntryId) -> Option<EntryId> {
        self.rows.get(id.index())?.admin1()
    }

    /// The country entry an entry lies in (itself for a country).
    pub fn country_of(&self, id: EntryId) -> Option<EntryId> {
        let iso2 = &self.rows.get(id.index())?.country;
        self.countries.get(iso2).copied()
    }

    /// Entries with a feature word ("border crossing", "cosmodrome"; case-insensitive) that lie
    /// in or border every one of `countries` (ISO2). Sorted by entry id.
    ///
    /// "The only border crossing between the two countries" in an article about Russia and
    /// North Korea is `with_feature("border crossing", &["RU", "KP"])`.
    pub fn with_feature(&self, feature: &str, countries: &[&str]) -> Vec<EntryId> {
        let feature = feature.trim().to_lowercase();
        let wanted: Vec<[u8; 2]> =
            countries.iter().filter_map(|c| builder::iso2_bytes(c)).collect();
        let mut out: Vec<EntryId> = self
            .tables
            .extras
            .iter()
            .filter(|x| x.features.contains(&feature))
            .filter(|x| wanted.iter().all(|c| x.countries.contains(c)))
            .map(|x| EntryId(x.entry))
            .collect();
        out.sort_unstable();
        out
    }

    /// The `n` entries nearest to `point`, nearest first, with their distances in km.
    pub fn nearest(&self, point: Position, n: usize) -> Vec<(EntryId, f64)> {
        let tree = self.tree();
        tree.nearest_neighbor_iter(spatial::to_sphere(point))
            .take(n)
            .map(|p| (EntryId(p.data), self.distance_to(EntryId(p.data), point)))
            .collect()
    }

    /// Every entry within `radius_km` of `point`, nearest first, with distances in km.
    pub fn within(&self, point: Position, radius_km: f64) -> Vec<(EntryId, f64)> {
        let tree = self.tree();
        let mut out: Vec<(EntryId, f64)> = tree
            .locate_within_distance(spatial::to_sphere(point), spatial::chord_squared(radius_km))
            .map(|p| (EntryId(p.data), self.distance_to(EntryId(p.data), point)))
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        out
    }

    fn distance_to(&self, id: EntryId, point: Position) -> f64 {
        let i = id.index();
        let p = Position::new(f64::from(self.tables.lons[i]), f64::from(self.tables.lats[i]));
        distance_km(p, point)
    }

    fn tree(&self) -> &RTree<spatial::SpherePoint> {
        self.tree.get_or_init(|| {
            let t = &self.tables;
            spatial::build_tree(
                (0..self.len())
                    .map(|i| (i as u32, Position::new(f64::from(t.lons[i]), f64::from(t.lats[i])))),
            )
        })
    }

    fn string(&self, id: u32) -> Option<&str> {
        self.tables.strings.get(id as usize).map(String::as_str)
    }
}

fn link(raw: u32) -> Option<EntryId> {
    (raw != NO_ENTRY).then_some(EntryId(raw))
}

fn iso2_str(code: &[u8; 2]) -> Option<&str> {
    if *code == [0, 0] { None } else { std::str::from_utf8(code).ok() }
}

/// Checks every column and link, so that queries can index without panicking on a damaged file.
fn validate(t: &Tables, postings: &[u32]) -> Result<(), Error> {
    let corrupt = |reason: &str| Err(Error::Corrupt { reason: reason.to_owned() });
    let n = t.kinds.len();
    let lengths = [
        t.namespaces.len(),
        t.codes.len(),
        t.name_ends.len(),
        t.feature_codes.len(),
        t.populations.len(),
        t.countries.len(),
        t.admin1_codes.len(),
        t.admin1_entries.len(),
        t.admin2_entries.len(),
        t.lats.len(),
        t.lons.len(),
    ];
    if lengths.iter().any(|&l| l != n) {
        return corrupt("entry columns differ in length");
    }
    if t.kinds.iter().any(|&k| k as usize >= PlaceKind::ALL.len())
        || t.namespaces.iter().any(|&k| k as usize >= NAMESPACES.len())
    {
        return corrupt("unknown kind or namespace");
    }
    let mut start = 0usize;
    for &end in &t.name_ends {
        let end = end as usize;
        if end < start || !t.name_pool.is_char_boundary(end) || end > t.name_pool.len() {
            return corrupt("name offsets out of order");
        }
        start = end;
    }
    let strings = t.strings.len() as u32;
    if t.feature_codes.iter().chain(&t.admin1_codes).any(|&s| s != NO_ENTRY && s >= strings) {
        return corrupt("string reference out of range");
    }
    let links = t.admin1_entries.iter().chain(&t.admin2_entries);
    if links.copied().any(|e| e != NO_ENTRY && e as usize >= n) {
        return corrupt("entry link out of range");
    }
    if t.extras.iter().any(|x| x.entry as usize >= n) {
        return corrupt("extra for a missing entry");
    }
    if t.countries
        .iter()
        .chain(t.extras.iter().flat_map(|x| &x.countries))
        .any(|c| *c != [0, 0] && !c.iter().all(u8::is_ascii_uppercase))
    {
        return corrupt("bad country code");
    }
    if postings.iter().any(|&p| (p >> 3) as usize >= n || NameKind::from_bits(p & 7).is_none()) {
        return corrupt("posting for a missing entry");
    }
    Ok(())
}

#[cfg(test)]
mod tests;
