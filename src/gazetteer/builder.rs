//! Builds a gazetteer file from entries and names.
//!
//! The `build-gazetteer` tool feeds it the public source packages; tests feed it a few rows.
//! Output is deterministic: entries keep their insertion order and names are sorted, so the same
//! inputs give byte-identical files.

use std::collections::{BTreeMap, HashMap};

use fst::MapBuilder;

use super::entry::namespace_index;
use super::fold::{fold, is_latin_script, token_count, variant_key};
use super::store::{self, Extra, NO_ENTRY, Tables};
use super::{EntryId, Error, NameKind};
use crate::model::{PlaceId, PlaceKind, Position};

/// The most postings one key keeps; a name shared by more places than this (a few village
/// names in cities500) keeps the most populous ones, since the rest would never win.
const MAX_POSTINGS_PER_KEY: usize = 2000;

/// Shortest loose variant key that is indexed: shorter ones ("pol" from "Pool") match too much.
const MIN_VARIANT_KEY_LEN: usize = 5;

/// One place to add to a gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct EntrySpec {
    /// Stable public id.
    pub place_id: PlaceId,
    /// Preferred English name.
    pub name: String,
    /// Feature kind.
    pub kind: PlaceKind,
    /// GeoNames feature code ("PPLC", "ADM1", "AIRP") when known.
    pub feature_code: Option<String>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    pub country: Option<String>,
    /// GeoNames admin1 code within the country ("05" for Amur Oblast in RU).
    pub admin1_code: Option<String>,
    /// Representative point.
    pub position: Position,
    /// Feature words ("border crossing"); landmarks only.
    pub features: Vec<String>,
    /// Every country a landmark lies in or borders (ISO2).
    pub countries: Vec<String>,
}

impl EntrySpec {
    /// A spec with the required fields and everything else empty.
    pub fn new(place_id: PlaceId, name: &str, kind: PlaceKind, position: Position) -> Self {
        Self {
            place_id,
            name: name.to_owned(),
            kind,
            feature_code: None,
            population: 0,
            country: None,
            admin1_code: None,
            position,
            features: Vec::new(),
            countries: Vec::new(),
        }
    }
}

/// Why a name was not indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRejection {
    /// Not in the Latin script.
    NotLatin,
    /// Folds to fewer than two letters, or to digits only.
    TooShort,
    /// Contains digits ("Moskva 2"): a post code or a district number, never a name in prose.
    HasDigits,
}

/// Collects entries and names, then writes a gazetteer file.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<EntrySpec>,
    by_place_id: HashMap<PlaceId, EntryId>,
    /// Folded name -> entry -> strongest kind.
    names: BTreeMap<String, BTreeMap<u32, NameKind>>,
    /// Explicit containment links set by the caller (admin2 of a town).
    admin2_links: HashMap<u32, u32>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry and indexes its preferred name; returns its id.
    ///
    /// A second entry with the same [`PlaceId`] is not added: the first one's id is returned,
    /// so sources can be layered (the first source to add a place fixes its fields).
    pub fn add_entry(&mut self, spec: EntrySpec) -> EntryId {
        if let Some(&id) = self.by_place_id.get(&spec.place_id) {
            return id;
        }
        let id = EntryId(self.entries.len() as u32);
        self.by_place_id.insert(spec.place_id, id);
        let name = spec.name.clone();
        self.entries.push(spec);
        // The preferred name of a real source is never junk; a rejection only drops the key.
        let _rejected = self.add_name(id, &name, NameKind::Preferred);
        id
    }

    /// The entry added with this place id.
    pub fn find(&self, place_id: PlaceId) -> Option<EntryId> {
        self.by_place_id.get(&place_id).copied()
    }

    /// The spec of an added entry.
    pub fn entry(&self, id: EntryId) -> Option<&EntrySpec> {
        self.entries.get(id.index())
    }

    /// The spec of an added entry, to fill in fields a later source knows better.
    pub fn entry_mut(&mut self, id: EntryId) -> Option<&mut EntrySpec> {
        self.entries.get_mut(id.index())
    }

    /// Every added entry in id order.
    pub fn entries(&self) -> impl Iterator<Item = (EntryId, &EntrySpec)> {
        self.entries.iter().enumerate().map(|(i, e)| (EntryId(i as u32), e))
    }

    /// Records that `entry` lies in the second-level subdivision `admin2`.
    pub fn link_admin2(&mut self, entry: EntryId, admin2: EntryId) {
        self.admin2_links.insert(entry.0, admin2.0);
    }

    /// Indexes `name` for `entry` as `kind`.
    ///
    /// # Errors
    /// A [`NameRejection`] when the name is not worth indexing (other script, too short, digits);
    /// callers count these for their report.
    pub fn add_name(
        &mut self,
        entry: EntryId,
        name: &str,
        kind: NameKind,
    ) -> Result<(), NameRejection> {
        if !is_latin_script(name) {
            return Err(NameRejection::NotLatin);
        }
        let key = fold(name);
        if key.bytes().any(|b| b.is_ascii_digit()) {
            return Err(NameRejection::HasDigits);
        }
        if key.bytes().filter(u8::is_ascii_alphabetic).count() < 2 {
            return Err(NameRejection::TooShort);
        }
        let slot = self.names.entry(key).or_default().entry(entry.0).or_insert(kind);
        *slot = (*slot).min(kind);
        Ok(())
    }

    /// Number of entries so far.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct folded names so far.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Writes the gazetteer file.
    ///
    /// Links each entry to the admin1 entry of its (country, admin1 code), when there is one.
    ///
    /// # Errors
    /// When the index cannot be built (more than 2^29 entries) or compressed.
    pub fn build(&self) -> Result<Vec<u8>, Error> {
        if self.entries.len() >= (1 << 29) {
            return Err(Error::Corrupt { reason: "too many entries for a posting".into() });
        }
        let mut strings = Interner::default();
        let mut tables = Tables::default();
        let mut admin1_by_code: HashMap<(String, String), u32> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let (PlaceKind::Admin1, Some(c), Some(a)) = (e.kind, &e.country, &e.admin1_code) {
                admin1_by_code.entry((c.clone(), a.clone())).or_insert(i as u32);
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            tables.namespaces.push(namespace_index(e.place_id.namespace));
            tables.codes.push(e.place_id.code);
            tables.name_pool.push_str(&e.name);
            tables.name_ends.push(tables.name_pool.len() as u32);
            tables.kinds.push(PlaceKind::ALL.iter().position(|k| *k == e.kind).unwrap_or(0) as u8);
            tables
                .feature_codes
                .push(e.feature_code.as_deref().map_or(NO_ENTRY, |c| strings.id(c)));
            tables.populations.push(e.population);
            tables.countries.push(e.country.as_deref().and_then(iso2_bytes).unwrap_or([0, 0]));
            tables.admin1_codes.push(e.admin1_code.as_deref().map_or(NO_ENTRY, |c| strings.id(c)));
            let admin1 = match (e.kind, &e.country, &e.admin1_code) {
                (
                    PlaceKind::Admin1
                    | PlaceKind::Country
                    | PlaceKind::Continent
                    | PlaceKind::Region,
                    _,
                    _,
                ) => NO_ENTRY,
                (_, Some(c), Some(a)) => {
                    admin1_by_code.get(&(c.clone(), a.clone())).copied().unwrap_or(NO_ENTRY)
                }
                _ => NO_ENTRY,
            };
            tables.admin1_entries.push(admin1);
            tables
                .admin2_entries
                .push(self.admin2_links.get(&(i as u32)).copied().unwrap_or(NO_ENTRY));
            tables.lats.push(e.position.y() as f32);
            tables.lons.push(e.position.x() as f32);
            if !e.features.is_empty() || !e.countries.is_empty() {
                let mut countries: Vec<[u8; 2]> =
                    e.countries.iter().filter_map(|c| iso2_bytes(c)).collect();
                countries.sort_unstable();
                countries.dedup();
                tables.extras.push(Extra {
                    entry: i as u32,
                    features: e.features.iter().map(|f| f.trim().to_lowercase()).collect(),
                    countries,
                });
            }
        }

        let mut postings: Vec<u32> = Vec::new();
        let mut exact = MapBuilder::memory();
        let mut by_variant: BTreeMap<String, BTreeMap<u32, NameKind>> = BTreeMap::new();
        let mut max_tokens = 0;
        for (key, entries) in &self.names {
            max_tokens = max_tokens.max(token_count(key));
            let value = self.push_postings(&mut postings, entries);
            exact.insert(key, value).map_err(fst_error)?;
            // Only real names get a loose variant key, and only when the key stays long enough
            // to be distinctive: a variant of an abbreviation or code ("Pol." -> "pol") or of a
            // four-letter word ("pool" -> "pol") matches far more than it should.
            let variant_of = variant_key(key);
            if variant_of.len() < MIN_VARIANT_KEY_LEN {
                continue;
            }
            for (&entry, &kind) in entries {
                if kind > NameKind::Historical {
                    continue;
                }
                let slot =
                    by_variant.entry(variant_of.clone()).or_default().entry(entry).or_insert(kind);
                *slot = (*slot).min(kind);
            }
        }
        let mut variant = MapBuilder::memory();
        for (key, entries) in &by_variant {
            if key.is_empty() {
                continue;
            }
            let value = self.push_postings(&mut postings, entries);
            variant.insert(key, value).map_err(fst_error)?;
        }
        tables.max_name_tokens = max_tokens as u32;
        tables.strings = strings.strings;
        let exact = exact.into_inner().map_err(fst_error)?;
        let variant = variant.into_inner().map_err(fst_error)?;
        store::encode(&exact, &variant, &postings, &tables)
    }

    /// Appends one key's postings (most populous first when capped) and returns the fst value.
    fn push_postings(&self, postings: &mut Vec<u32>, entries: &BTreeMap<u32, NameKind>) -> u64 {
        let mut list: Vec<(u32, NameKind)> = entries.iter().map(|(&e, &k)| (e, k)).collect();
        if list.len() > MAX_POSTINGS_PER_KEY {
            list.sort_by_key(|&(e, k)| {
                (k, std::cmp::Reverse(self.entries[e as usize].population), e)
            });
            list.truncate(MAX_POSTINGS_PER_KEY);
            list.sort_unstable();
        }
        let offset = postings.len() as u64;
        postings.extend(list.iter().map(|&(e, k)| (e << 3) | k as u32));
        (offset << 16) | list.len() as u64
    }
}

/// ISO2 text as two upper-case ASCII bytes.
pub(crate) fn iso2_bytes(code: &str) -> Option<[u8; 2]> {
    match code.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => None,
    }
}

fn fst_error(e: fst::Error) -> Error {
    Error::Corrupt { reason: format!("cannot build the name index: {e}") }
}

#[derive(Default)]
struct Interner {
    strings: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }
}
