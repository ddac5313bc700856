//! The curated landmarks table (`data/gazetteer/landmarks.tsv`, format in
//! docs/architecture.md): seas, rivers, ranges, regions, cosmodromes, border crossings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use newsmap::gazetteer::{EntrySpec, GazetteerBuilder, NameKind};
use newsmap::model::{PlaceId, PlaceKind, Position};

use crate::report::Report;

/// The header row, in order.
const COLUMNS: [&str; 9] =
    ["id", "name", "alt_names", "kind", "feature", "countries", "lat", "lon", "source"];

/// A bad landmarks file: which line, and what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum LandmarkError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A row breaks the format.
    #[error("{path}:{line}: {reason}")]
    BadRow {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// One validated row.
#[derive(Debug, Clone, PartialEq)]
pub struct Landmark {
    /// Stable row id.
    pub id: u64,
    /// Preferred English name.
    pub name: String,
    /// Other names.
    pub alt_names: Vec<String>,
    /// Water, landform, facility, region or continent.
    pub kind: PlaceKind,
    /// Feature words.
    pub features: Vec<String>,
    /// ISO2 codes.
    pub countries: Vec<String>,
    /// Representative point.
    pub position: Position,
}

fn kind_of(text: &str) -> Option<PlaceKind> {
    Some(match text {
        "water" => PlaceKind::Water,
        "landform" => PlaceKind::Landform,
        "facility" => PlaceKind::Facility,
        "region" => PlaceKind::Region,
        "continent" => PlaceKind::Continent,
        _ => return None,
    })
}

fn list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Parses and validates every row; the first bad row is an error naming its line.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Landmark>, LandmarkError> {
    let bad =
        |line: usize, reason: String| LandmarkError::BadRow { path: path.to_owned(), line, reason };
    let mut rows = Vec::new();
    let mut ids = BTreeSet::new();
    let mut header_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = raw.split('\t').collect();
        if !header_seen {
            if f != COLUMNS {
                return Err(bad(
                    line,
                    format!("expected the header row {:?}", COLUMNS.join("\\t")),
                ));
            }
            header_seen = true;
            continue;
        }
        if f.len() != COLUMNS.len() {
            return Err(bad(
                line,
                format!("expected {} tab-separated columns, found {}", COLUMNS.len(), f.len()),
            ));
        }
        let id: u64 = f[0]
            .trim()
            .parse()
            .map_err(|_| bad(line, format!("id {:?} is not a whole number", f[0])))?;
        if !ids.insert(id) {
            return Err(bad(line, format!("id {id} is used twice")));
        }
        let name = f[1].trim();
        if name.is_empty() {
            return Err(bad(line, "name is empty".into()));
        }
        let kind = kind_of(f[3].trim()).ok_or_else(|| {
            bad(
                line,
                format!("kind {:?} is not water, landform, facility, region or continent", f[3]),
            )
        })?;
        let countries = list(f[5]);
        if let Some(c) =
            countries.iter().find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(bad(line, format!("country {c:?} is not an ISO 3166-1 alpha-2 code")));
        }
        let lat: f64 = f[6]
            .trim()
            .parse()
            .map_err(|_| bad(line, format!("lat {:?} is not a number", f[6])))?;
        let lon: f64 = f[7]
            .trim()
            .parse()
            .map_err(|_| bad(line, format!("lon {:?} is not a number", f[7])))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad(line, format!("point ({lat}, {lon}) is off the globe")));
        }
        if f[8].trim().is_empty() {
            return Err(bad(line, "source is empty: say where the point comes from".into()));
        }
        rows.push(Landmark {
            id,
            name: name.to_owned(),
            alt_names: list(f[2]),
            kind,
            features: list(f[4]),
            countries,
            position: Position::new(lon, lat),
        });
    }
    if !header_seen {
        return Err(bad(1, "no header row".into()));
    }
    Ok(rows)
}

/// Adds the landmarks of `path` when the file exists; returns how many.
pub fn add_landmarks(
    builder: &mut GazetteerBuilder,
    path: &Path,
    report: &mut Report,
) -> anyhow::Result<usize> {
    if !path.exists() {
        report.add("landmarks", "file absent", 1);
        return Ok(0);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|source| LandmarkError::Io { path: path.to_owned(), source })?;
    let rows = parse(path, &text)?;
    for row in &rows {
        let mut spec = EntrySpec::new(PlaceId::landmark(row.id), &row.name, row.kind, row.position);
        spec.features = row.features.clone();
        spec.countries = row.countries.clone();
        if let [only] = row.countries.as_slice() {
            spec.country = Some(only.clone());
        }
        let id = builder.add_entry(spec);
        for alt in &row.alt_names {
            report.name("landmarks", builder.add_name(id, alt, NameKind::Alternate));
        }
        report.add("landmarks", "entries", 1);
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/landmarks.tsv");

    fn fixture_path() -> PathBuf {
        PathBuf::from("tests/fixtures/landmarks.tsv")
    }

    #[test]
    fn the_fixture_parses_with_kinds_features_and_countries() {
        let rows = parse(&fixture_path(), FIXTURE).unwrap();
        assert_eq!(rows.len(), 10);
        let bridge = rows.iter().find(|r| r.id == 2).unwrap();
        assert_eq!(bridge.kind, PlaceKind::Facility);
        assert_eq!(bridge.features, ["bridge", "border crossing"]);
        assert_eq!(bridge.countries, ["RU", "KP"]);
        assert!(rows.iter().find(|r| r.id == 7).unwrap().countries.is_empty());
    }

    #[test]
    fn landmarks_are_indexed_and_found_by_feature() {
        let mut builder = GazetteerBuilder::new();
        let mut report = Report::default();
        let dir = std::env::temp_dir().join(format!("newsmap-landmarks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("landmarks.tsv");
        std::fs::write(&path, FIXTURE).unwrap();
        assert_eq!(add_landmarks(&mut builder, &path, &mut report).unwrap(), 10);
        let g = newsmap::gazetteer::Gazetteer::from_bytes(&builder.build().unwrap()).unwrap();
        let crossing = g.with_feature("border crossing", &["KP", "RU"]);
        assert_eq!(crossing.len(), 1);
        assert_eq!(g.entry(crossing[0]).unwrap().place_id, PlaceId::landmark(2));
        assert!(
            g.lookup("Vostochny")
                .iter()
                .any(|m| g.entry(m.entry).unwrap().place_id == PlaceId::landmark(1))
        );
        assert_eq!(add_landmarks(&mut builder, &dir.join("absent.tsv"), &mut report).unwrap(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_number() {
        let header = COLUMNS.join("\t");
        let cases = [
            ("1\tX\t\tfacility\tbridge\tRU\t42\t130", "expected 9 tab-separated columns"),
            ("x\tX\t\tfacility\tbridge\tRU\t42\t130\ts", "not a whole number"),
            ("1\t\t\tfacility\tbridge\tRU\t42\t130\ts", "name is empty"),
            ("1\tX\t\tvolcano\tbridge\tRU\t42\t130\ts", "is not water"),
            ("1\tX\t\tfacility\tbridge\tRussia\t42\t130\ts", "not an ISO 3166-1"),
            ("1\tX\t\tfacility\tbridge\tRU\t95\t130\ts", "off the globe"),
            ("1\tX\t\tfacility\tbridge\tRU\tnorth\t130\ts", "not a number"),
            ("1\tX\t\tfacility\tbridge\tRU\t42\t130\t", "source is empty"),
        ];
        for (row, expected) in cases {
            let text = format!("# comment\n{header}\n{row}\n");
            let err = parse(Path::new("landmarks.tsv"), &text).unwrap_err().to_string();
            assert!(err.starts_with("landmarks.tsv:3: "), "{err}");
            assert!(err.contains(expected), "{err}");
        }
        let twice =
            format!("{header}\n1\tA\t\twater\tsea\t\t1\t1\ts\n1\tB\t\twater\tsea\t\t1\t1\ts\n");
        assert!(
            parse(Path::new("l.tsv"), &twice)
                .unwrap_err()
                .to_string()
                .contains("l.tsv:3: id 1 is used twice")
        );
        assert!(parse(Path::new("l.tsv"), "1\tA").unwrap_err().to_string().contains("header"));
    }
}
