//! Single facts about an entry read straight from its row or column, and name lookups that
//! neither allocate nor sort.
//!
//! The recognizer weighs every candidate of every name it sees ("Springfield" has dozens) by
//! kind, population and feature code. [`super::Gazetteer::entry`] assembles a whole [`Entry`]
//! for that (name slice, admin links, landmark extras), which on real news costs more than the
//! judgement itself; these accessors read one column each.
//!
//! [`Entry`]: super::Entry

use super::{EntryId, Gazetteer, MatchKind, NameKind, NameMatch, iso2_str};
use crate::model::{Place, PlaceId, PlaceKind, PlaceNamespace, Position};

impl Gazetteer {
    /// The kind of entry `id` (as in [`super::Entry::kind`]), or `None` when out of range.
    pub fn kind(&self, id: EntryId) -> Option<PlaceKind> {
        Some(self.rows.get(id.index())?.kind())
    }

    /// The population of entry `id` (as in [`super::Entry::population`]; 0 when unknown), or
    /// `None` when out of range.
    pub fn population(&self, id: EntryId) -> Option<u64> {
        Some(self.rows.get(id.index())?.population)
    }

    /// The GeoNames feature code of entry `id` (as in [`super::Entry::feature_code`]); `None`
    /// when it has none or is out of range.
    pub fn feature_code(&self, id: EntryId) -> Option<&str> {
        self.string(self.rows.get(id.index())?.feature_code)
    }

    /// The namespace of entry `id`'s public id (as in [`super::Entry::place_id`]), or `None`
    /// when out of range.
    pub fn namespace(&self, id: EntryId) -> Option<PlaceNamespace> {
        Some(self.rows.get(id.index())?.namespace())
    }

    /// The ISO 3166-1 alpha-2 code of the country entry `id` lies in (as in
    /// [`super::Entry::country`]); `None` when it has none or is out of range.
    pub fn country_code(&self, id: EntryId) -> Option<&str> {
        iso2_str(&self.rows.get(id.index())?.country)
    }

    /// The second-level subdivision entry `id` lies in (as in [`super::Entry::admin2`]).
    pub fn admin2_of(&self, id: EntryId) -> Option<EntryId> {
        self.rows.get(id.index())?.admin2()
    }

    /// The representative point of entry `id` (as in [`super::Entry::position`]), or `None`
    /// when out of range.
    pub fn position(&self, id: EntryId) -> Option<Position> {
        Some(self.rows.get(id.index())?.position())
    }

    /// The feature words of a landmark (as in [`super::Entry::features`]); empty otherwise.
    pub fn features(&self, id: EntryId) -> &[String] {
        self.extras.get(&id.0).map_or(&[], |&x| self.tables.extras[x].features.as_slice())
    }

    /// The preferred name of entry `id` (as in [`super::Entry::name`]), or `None` when out of
    /// range.
    pub fn name(&self, id: EntryId) -> Option<&str> {
        let t = &self.tables;
        let i = id.index();
        let end = *t.name_ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { t.name_ends[i - 1] as usize };
        t.name_pool.get(start..end)
    }

    /// The entry as a [`Place`] for a document, with its admin1's display name filled in;
    /// `None` when out of range.
    pub fn place(&self, id: EntryId) -> Option<Place> {
        let i = id.index();
        let name = self.name(id)?;
        let row = self.rows.get(i)?;
        Some(Place {
            id: PlaceId { namespace: row.namespace(), code: self.tables.codes[i] },
            name: name.into(),
            kind: row.kind(),
            country: iso2_str(&row.country).map(Into::into),
            admin1: row.admin1().and_then(|a| self.name(a)).map(Into::into),
            population: row.population,
            position: row.position(),
        })
    }

    /// Every feature word of every landmark ("bridge", "border crossing"), as stored, in no
    /// particular order and with repeats: read from the few entries that have any, without
    /// visiting the others.
    pub fn feature_words_unsorted(&self) -> impl Iterator<Item = &str> + '_ {
        self.tables.extras.iter().flat_map(|x| x.features.iter().map(String::as_str))
    }

    /// The entries whose folded name is exactly `folded`, like [`Gazetteer::lookup_folded`]
    /// but unsorted and without allocating: for callers that only ask whether some match
    /// qualifies.
    pub fn lookup_folded_unsorted(&self, folded: &str) -> impl Iterator<Item = NameMatch> + '_ {
        self.postings_unsorted(self.exact.get(folded), MatchKind::Exact)
    }

    /// The postings an fst value points at, in stored order.
    pub(super) fn postings_unsorted(
        &self,
        value: Option<u64>,
        match_kind: MatchKind,
    ) -> impl Iterator<Item = NameMatch> + '_ {
        let slice = value
            .and_then(|value| {
                let (offset, count) = ((value >> 16) as usize, (value & 0xFFFF) as usize);
                self.postings.get(offset..offset + count)
            })
            .unwrap_or(&[]);
        slice.iter().filter_map(move |&p| {
            Some(NameMatch {
                entry: EntryId(p >> 3),
                name_kind: NameKind::from_bits(p & 7)?,
                match_kind,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, NameKind};
    use crate::model::{PlaceKind, PlaceNamespace};

    #[test]
    fn column_accessors_agree_with_the_whole_entry() {
        let g = Gazetteer::embedded().unwrap();
        for m in g.lookup("Springfield").into_iter().chain(g.lookup("Russia")) {
            let e = g.entry(m.entry).unwrap();
            assert_eq!(g.kind(m.entry), Some(e.kind));
            assert_eq!(g.population(m.entry), Some(e.population));
            assert_eq!(g.feature_code(m.entry), e.feature_code);
            assert_eq!(g.namespace(m.entry), Some(e.place_id.namespace));
        }
        let russia = g.country("RU").unwrap();
        assert_eq!(g.kind(russia), Some(PlaceKind::Country));
        assert_eq!(g.namespace(russia), Some(PlaceNamespace::GeoNames));
        assert!(g.population(russia).unwrap() > 100_000_000);
    }

    #[test]
    fn a_place_carries_its_entry_and_its_admin1_name() {
        let g = Gazetteer::embedded().unwrap();
        for m in g.lookup("Springfield").into_iter().chain(g.lookup("Blagoveshchensk")) {
            let e = g.entry(m.entry).unwrap();
            let p = g.place(m.entry).unwrap();
            assert_eq!(g.name(m.entry), Some(e.name));
            assert_eq!((p.id, &*p.name, p.kind), (e.place_id, e.name, e.kind));
            assert_eq!((p.country.as_deref(), p.population), (e.country, e.population));
            assert_eq!(p.position, e.position);
            let admin1 = e.admin1.map(|a| g.entry(a).unwrap().name);
            assert_eq!(p.admin1.as_deref(), admin1);
        }
        let amur = g.place(g.lookup("Blagoveshchensk")[0].entry).unwrap();
        assert_eq!(amur.admin1.as_deref(), Some("Amur Oblast"));
    }

    #[test]
    fn feature_words_are_those_of_the_entries() {
        let g = Gazetteer::embedded().unwrap();
        let mut from_entries: Vec<&str> =
            g.entries().flat_map(|e| e.features.iter().map(String::as_str)).collect();
        let mut direct: Vec<&str> = g.feature_words_unsorted().collect();
        from_entries.sort_unstable();
        direct.sort_unstable();
        assert_eq!(direct, from_entries);
        assert!(direct.contains(&"border crossing"));
    }

    #[test]
    fn accessors_out_of_range_are_none() {
        let g = Gazetteer::embedded().unwrap();
        let past = crate::gazetteer::EntryId(g.len() as u32);
        assert_eq!(g.kind(past), None);
        assert_eq!(g.population(past), None);
        assert_eq!(g.feature_code(past), None);
        assert_eq!(g.namespace(past), None);
        assert_eq!(g.name(past), None);
        assert!(g.place(past).is_none());
    }

    #[test]
    fn unsorted_lookup_finds_the_same_matches() {
        let g = Gazetteer::embedded().unwrap();
        for key in ["springfield", "russian", "us", "georgia", "no such place at all"] {
            let mut unsorted: Vec<_> = g.lookup_folded_unsorted(key).collect();
            let mut sorted = g.lookup_folded(key);
            unsorted.sort_by_key(|m| (m.entry, m.name_kind));
            sorted.sort_by_key(|m| (m.entry, m.name_kind));
            assert_eq!(unsorted, sorted, "{key}");
        }
        assert!(g.lookup_folded_unsorted("russian").any(|m| m.name_kind == NameKind::Demonym));
    }
}
