//! US counties from npm `us-atlas` (`counties-10m.json`, US Census cartographic boundaries) at
//! their polygon centroids, named as the PyPI `us` package names them ("Rapides Parish").

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use newsmap::gazetteer::{EntrySpec, GazetteerBuilder, NameKind};
use newsmap::model::{PlaceId, PlaceKind, Position};
use serde::Deserialize;

use crate::report::Report;

const SOURCE: &str = "us-atlas counties";

#[derive(Deserialize)]
struct Topology {
    transform: Transform,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: HashMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    properties: HashMap<String, String>,
    #[serde(default)]
    arcs: serde_json::Value,
}

/// The arcs of a quantized TopoJSON topology as absolute lon/lat points.
fn decode_arcs(t: &Topology) -> Vec<Vec<[f64; 2]>> {
    t.arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|d| {
                    x += d[0];
                    y += d[1];
                    [
                        x * t.transform.scale[0] + t.transform.translate[0],
                        y * t.transform.scale[1] + t.transform.translate[1],
                    ]
                })
                .collect()
        })
        .collect()
}

/// A ring's points from its arc indices (a negative index `!i` is arc `i` reversed).
fn ring(arcs: &[Vec<[f64; 2]>], indices: &[i64]) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    for &i in indices {
        let (arc, reversed) = if i < 0 { (!i as usize, true) } else { (i as usize, false) };
        let Some(points) = arcs.get(arc) else { continue };
        let mut points = points.clone();
        if reversed {
            points.reverse();
        }
        // Consecutive arcs share their joining point.
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    out
}

/// Area-weighted centroid of the outer rings (planar in degrees: fine at county size).
fn centroid(polygons: &[Vec<Vec<[f64; 2]>>]) -> Option<Position> {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for polygon in polygons {
        let Some(outer) = polygon.first() else { continue };
        let (mut a, mut x, mut y) = (0.0, 0.0, 0.0);
        for w in outer.windows(2) {
            let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
            a += cross;
            x += (w[0][0] + w[1][0]) * cross;
            y += (w[0][1] + w[1][1]) * cross;
        }
        if a.abs() < 1e-12 {
            continue;
        }
        // Signed sums: divide by 3a for this ring's centroid, weight by |a|/2.
        let weight = a.abs() / 2.0;
        cx += x / (3.0 * a) * weight;
        cy += y / (3.0 * a) * weight;
        area += weight;
    }
    (area > 0.0).then(|| Position::new(cx / area, cy / area))
}

fn polygons_of(g: &Geometry, arcs: &[Vec<[f64; 2]>]) -> Vec<Vec<Vec<[f64; 2]>>> {
    let rings_of = |v: &serde_json::Value| -> Vec<Vec<[f64; 2]>> {
        let rings: Vec<Vec<i64>> = serde_json::from_value(v.clone()).unwrap_or_default();
        rings.iter().map(|r| ring(arcs, r)).collect()
    };
    match (g.kind.as_str(), g.arcs.as_array()) {
        ("Polygon", Some(_)) => vec![rings_of(&g.arcs)],
        ("MultiPolygon", Some(polys)) => polys.iter().map(rings_of).collect(),
        _ => Vec::new(),
    }
}

/// Adds every US county at its polygon centroid.
pub fn add_counties(
    builder: &mut GazetteerBuilder,
    sources: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    let path = sources.join("us-atlas/package/counties-10m.json");
    let topology: Topology = serde_json::from_str(&crate::read_text(&path)?)
        .with_context(|| format!("parsing {}", path.display()))?;
    let states_py = crate::read_text(&sources.join("us/us/states.py"))?;
    let county = regex::Regex::new(
        r#"County\(\*\*\{"fips": "(\d{5})", "ns_code": "\d+", "name": "([^"]+)"\}\)"#,
    )?;
    let us_names: HashMap<String, String> =
        county.captures_iter(&states_py).map(|c| (c[1].to_owned(), c[2].to_owned())).collect();
    let state =
        regex::Regex::new(r#""fips": "(\d\d)",\s*"name": "[^"]+",\s*"abbr": "([A-Z]{2})""#)?;
    let postal: HashMap<String, String> =
        state.captures_iter(&states_py).map(|c| (c[1].to_owned(), c[2].to_owned())).collect();
    let arcs = decode_arcs(&topology);
    let counties = topology.objects.get("counties").context("us-atlas has no counties object")?;
    let mut geometries: Vec<&Geometry> = counties.geometries.iter().collect();
    geometries.sort_by(|a, b| a.id.cmp(&b.id));
    for g in geometries {
        let (Some(fips), Some(atlas_name)) = (g.id.as_deref(), g.properties.get("name")) else {
            report.add(SOURCE, "skipped (no FIPS id or name)", 1);
            continue;
        };
        let (Ok(code), Some(position)) = (fips.parse::<u64>(), centroid(&polygons_of(g, &arcs)))
        else {
            report.add(SOURCE, "skipped (bad id or geometry)", 1);
            continue;
        };
        let name = us_names.get(fips).cloned().unwrap_or_else(|| atlas_name.clone());
        let mut spec = EntrySpec::new(PlaceId::fips(code), &name, PlaceKind::Admin2, position);
        spec.country = Some("US".into());
        spec.feature_code = Some("ADM2".into());
        spec.admin1_code = fips.get(..2).and_then(|s| postal.get(s)).cloned();
        let id = builder.add_entry(spec);
        report.add(SOURCE, "entries", 1);
        report.name(SOURCE, builder.add_name(id, atlas_name, NameKind::Short));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centroid_of_a_square_is_its_middle_whatever_its_winding() {
        let square = vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]];
        let mut reversed = square.clone();
        reversed.reverse();
        for ring in [square, reversed] {
            let c = centroid(&[vec![ring]]).unwrap();
            assert!((c.x() - 1.0).abs() < 1e-9 && (c.y() - 1.0).abs() < 1e-9);
        }
        assert_eq!(centroid(&[]), None);
    }

    #[test]
    fn arcs_are_joined_and_reversed_by_index() {
        let arcs = vec![vec![[0.0, 0.0], [1.0, 0.0]], vec![[1.0, 1.0], [1.0, 0.0]]];
        assert_eq!(ring(&arcs, &[0, !1]), [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]);
    }
}
