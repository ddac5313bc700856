//! Decoding world-atlas TopoJSON into Web-Mercator geometry, once, at start-up.
//!
//! TopoJSON stores each shared boundary once as a quantized, delta-encoded "arc"; polygons
//! list the arcs that make up their rings. That sharing is what lets us tell a border (an arc
//! used by two countries) from a coastline (an arc used by one) without any extra data.

use serde::Deserialize;

use crate::gui::map::fit::{MercatorPoint, mercator};

/// Why the built-in basemap could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum TopologyError {
    /// The JSON does not have the TopoJSON shape we expect.
    #[error("basemap is not valid TopoJSON")]
    Json(#[from] serde_json::Error),
    /// A polygon names an arc that does not exist.
    #[error("basemap polygon refers to arc {index}, but there are only {count} arcs")]
    MissingArc {
        /// The arc index as written (negative means reversed).
        index: i64,
        /// How many arcs the file has.
        count: usize,
    },
    /// The file has no `countries` object.
    #[error("basemap has no \"countries\" object")]
    NoCountries,
}

#[derive(Deserialize)]
struct Topology {
    transform: Transform,
    arcs: Vec<Vec<[i64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Option<GeometryCollection>,
}

#[derive(Deserialize)]
struct GeometryCollection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        properties: Properties,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: String,
}

/// Axis-aligned bounds in the Mercator unit square.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Smallest x (west).
    pub min_x: f64,
    /// Smallest y (north, since y grows southwards).
    pub min_y: f64,
    /// Largest x (east).
    pub max_x: f64,
    /// Largest y (south).
    pub max_y: f64,
}

impl Bounds {
    /// The bounds of a set of points; empty input gives an inverted (empty) box.
    pub fn of(points: &[MercatorPoint]) -> Self {
        let mut b = Self {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        };
        for p in points {
            b.min_x = b.min_x.min(p.x);
            b.min_y = b.min_y.min(p.y);
            b.max_x = b.max_x.max(p.x);
            b.max_y = b.max_y.max(p.y);
        }
        b
    }

    /// True when the two boxes share some area (or touch).
    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min_x <= other.max_x
            && other.min_x <= self.max_x
            && self.min_y <= other.max_y
            && other.min_y <= self.max_y
    }

    /// Width in Mercator units.
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    /// Height in Mercator units.
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
}

/// A closed ring or an open line, projected, with its bounds for culling.
#[derive(Clone, Debug)]
pub struct Path {
    /// The vertices in the Mercator unit square.
    pub points: Vec<MercatorPoint>,
    /// Bounds of `points`.
    pub bounds: Bounds,
}

impl Path {
    fn new(points: Vec<MercatorPoint>) -> Self {
        let bounds = Bounds::of(&points);
        Self { points, bounds }
    }
}

/// One country: its name, its rings (outer and holes alike; filled with the even-odd rule)
/// and where its label goes.
#[derive(Clone, Debug)]
pub struct Country {
    /// English short name from Natural Earth ("Russia").
    pub name: String,
    /// All rings of all its polygons.
    pub rings: Vec<Path>,
    /// Bounds of all rings.
    pub bounds: Bounds,
    /// Interior point of its largest polygon farthest from the edges: where the label goes.
    pub label_point: MercatorPoint,
    /// Size of the largest polygon's inscribed circle (Mercator units): labels only show when
    /// this is big enough on screen for the name to fit.
    pub label_room: f64,
    /// A colour slot 0..5 such that neighbours differ, for the subtle political tint.
    pub tint: u8,
}

/// Everything one resolution of the basemap draws.
#[derive(Clone, Debug, Default)]
pub struct Topography {
    /// Countries with their rings.
    pub countries: Vec<Country>,
    /// Arcs shared by two countries: land borders.
    pub borders: Vec<Path>,
    /// Arcs used by one country only: coastlines (antimeridian cuts removed).
    pub coastlines: Vec<Path>,
}

/// Latitude limit of Web Mercator; Antarctica's southern edge is cut here.
const MAX_LAT: f64 = 85.051_128;

impl Topography {
    /// Decodes a world-atlas `countries-*.json` file.
    ///
    /// # Errors
    /// When the JSON is not TopoJSON, lacks a `countries` object, or refers to missing arcs.
    pub fn from_topojson(bytes: &[u8]) -> Result<Self, TopologyError> {
        let topology: Topology = serde_json::from_slice(bytes)?;
        let countries = topology.objects.countries.ok_or(TopologyError::NoCountries)?;
        let arcs = decode_arcs(&topology.arcs, &topology.transform);

        // Which countries use each arc: one user means coast, two mean border.
        let mut users: Vec<Vec<u32>> = vec![Vec::new(); arcs.len()];
        let mut out = Topography::default();
        for geometry in countries.geometries {
            let (polygons, name) = match geometry {
                Geometry::Polygon { arcs, properties } => (vec![arcs], properties.name),
                Geometry::MultiPolygon { arcs, properties } => (arcs, properties.name),
                Geometry::Other => continue,
            };
            let country_index = out.countries.len() as u32;
            let mut rings = Vec::new();
            let mut largest: Option<(f64, Vec<Path>)> = None;
            for polygon in &polygons {
                let mut polygon_rings = Vec::new();
                for ring in polygon {
                    for &index in ring {
                        let slot = arc_slot(index, arcs.len())?;
                        if !users[slot].contains(&country_index) {
                            users[slot].push(country_index);
                        }
                    }
                    polygon_rings.push(Path::new(unwrap_longitudes(stitch(ring, &arcs)?)));
                }
                let area = polygon_rings.first().map_or(0.0, |outer| ring_area(&outer.points));
                if largest.as_ref().is_none_or(|(a, _)| area > *a) {
                    largest = Some((area, polygon_rings.clone()));
                }
                rings.extend(polygon_rings);
            }
            let Some((_, largest)) = largest else { continue };
            let (label_point, label_room) = super::labels::pole_of_inaccessibility(&largest);
            let all: Vec<MercatorPoint> = rings.iter().flat_map(|r| r.points.clone()).collect();
            out.countries.push(Country {
                name,
                bounds: Bounds::of(&all),
                rings,
                label_point,
                label_room,
                tint: 0,
            });
        }

        for (slot, arc) in arcs.into_iter().enumerate() {
            match users[slot].len() {
                0 => {}
                1 => out.coastlines.extend(split_at_frame(arc)),
                _ => out.borders.push(Path::new(arc)),
            }
        }
        assign_tints(&mut out.countries, &users);
        Ok(out)
    }
}

/// Quantized, delta-encoded arcs to absolute projected points.
fn decode_arcs(arcs: &[Vec<[i64; 2]>], transform: &Transform) -> Vec<Vec<MercatorPoint>> {
    arcs.iter()
        .map(|arc| {
            let (mut x, mut y) = (0i64, 0i64);
            arc.iter()
                .map(|[dx, dy]| {
                    x += dx;
                    y += dy;
                    let lon = x as f64 * transform.scale[0] + transform.translate[0];
                    let lat = y as f64 * transform.scale[1] + transform.translate[1];
                    mercator(lon, lat.clamp(-MAX_LAT, MAX_LAT))
                })
                .collect()
        })
        .collect()
}

fn arc_slot(index: i64, count: usize) -> Result<usize, TopologyError> {
    let slot = if index < 0 { !index } else { index };
    usize::try_from(slot)
        .ok()
        .filter(|s| *s < count)
        .ok_or(TopologyError::MissingArc { index, count })
}

/// Joins a ring's arcs; a negative index (`!i`) means arc `i` reversed. Consecutive arcs share
/// their joining point, so it is kept once.
fn stitch(ring: &[i64], arcs: &[Vec<MercatorPoint>]) -> Result<Vec<MercatorPoint>, TopologyError> {
    let mut points: Vec<MercatorPoint> = Vec::new();
    for &index in ring {
        let arc = &arcs[arc_slot(index, arcs.len())?];
        let skip = usize::from(!points.is_empty());
        if index < 0 {
            points.extend(arc.iter().rev().skip(skip).copied());
        } else {
            points.extend(arc.iter().skip(skip).copied());
        }
    }
    Ok(points)
}

/// Makes a ring continuous across the antimeridian: a step of more than half the world in x
/// is a wrap (Chukotka, Fiji), so later points are shifted by one world width. The ring may
/// then reach beyond `0..1`; the renderer draws such rings once more, shifted back.
fn unwrap_longitudes(mut points: Vec<MercatorPoint>) -> Vec<MercatorPoint> {
    let mut shift = 0.0;
    for i in 1..points.len() {
        let step = points[i].x + shift - points[i - 1].x;
        if step > 0.5 {
            shift -= 1.0;
        } else if step < -0.5 {
            shift += 1.0;
        }
        points[i].x += shift;
    }
    points
}

/// Absolute shoelace area in Mercator units squared.
fn ring_area(points: &[MercatorPoint]) -> f64 {
    let mut sum = 0.0;
    for (a, b) in points.iter().zip(points.iter().cycle().skip(1)) {
        sum += a.x * b.y - b.x * a.y;
    }
    (sum / 2.0).abs()
}

/// Drops the pieces of a coast arc that run along the map frame: the antimeridian cut of
/// Russia or Fiji and Antarctica's clipped southern edge are not coastlines.
fn split_at_frame(arc: Vec<MercatorPoint>) -> Vec<Path> {
    const EDGE: f64 = 1e-6;
    let on_frame = |a: &MercatorPoint, b: &MercatorPoint| {
        // A jump across the whole map is a wrap at the antimeridian, not a coast.
        (a.x - b.x).abs() > 0.5
            || (a.x < EDGE && b.x < EDGE)
            || (a.x > 1.0 - EDGE && b.x > 1.0 - EDGE)
            || (a.y > 1.0 - EDGE * 1e3 && b.y > 1.0 - EDGE * 1e3)
            || (a.y < EDGE && b.y < EDGE)
    };
    let mut out = Vec::new();
    let mut current: Vec<MercatorPoint> = Vec::new();
    for pair in arc.windows(2) {
        if on_frame(&pair[0], &pair[1]) {
            if current.len() >= 2 {
                out.push(Path::new(std::mem::take(&mut current)));
            }
            current.clear();
        } else {
            if current.is_empty() {
                current.push(pair[0]);
            }
            current.push(pair[1]);
        }
    }
    if current.len() >= 2 {
        out.push(Path::new(current));
    }
    out
}

/// Greedy graph colouring over the "shares a border arc" relation, largest countries first,
/// so that neighbours get different tints (five slots are plenty for a planar map drawn
/// greedily in practice; a clash only makes two tints equal, never breaks anything).
fn assign_tints(countries: &mut [Country], users: &[Vec<u32>]) {
    let n = countries.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for list in users.iter().filter(|u| u.len() >= 2) {
        for &a in list {
            for &b in list {
                if a != b && !neighbours[a as usize].contains(&(b as usize)) {
                    neighbours[a as usize].push(b as usize);
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let area = |c: &Country| c.bounds.width() * c.bounds.height();
        area(&countries[b]).total_cmp(&area(&countries[a]))
    });
    let mut tint: Vec<Option<u8>> = vec![None; n];
    for i in order {
        let used: Vec<u8> = neighbours[i].iter().filter_map(|&j| tint[j]).collect();
        let slot = (0..5u8).find(|t| !used.contains(t)).unwrap_or((i % 5) as u8);
        tint[i] = Some(slot);
    }
    for (country, slot) in countries.iter_mut().zip(tint) {
        country.tint = slot.unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[10,0],[0,10]], [[10,0],[-10,0],[0,10],[10,0]], [[10,10],[10,0],[0,-10],[-10,0]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[1, -1]], "properties": {"name": "West"}},
            {"type": "Polygon", "arcs": [[2, 0]], "properties": {"name": "East"}}
        ]}}
    }"#;

    #[test]
    fn an_arc_shared_by_two_countries_is_a_border_and_the_rest_is_coast() {
        let topo = Topography::from_topojson(TINY.as_bytes()).unwrap();
        assert_eq!(topo.countries.len(), 2);
        assert_eq!(topo.borders.len(), 1, "arc 0 is shared by West and East");
        assert_eq!(topo.coastlines.len(), 2);
        assert_ne!(topo.countries[0].tint, topo.countries[1].tint, "neighbours differ");
    }

    #[test]
    fn reversed_arcs_are_stitched_without_repeating_the_joint() {
        let topo = Topography::from_topojson(TINY.as_bytes()).unwrap();
        let west = &topo.countries[0].rings[0].points;
        // Arc 1 has 4 points; reversed arc 0 adds 1 more after the shared joint.
        assert_eq!(west.len(), 5);
        assert_eq!(west.first(), west.last(), "the ring closes");
    }

    #[test]
    fn a_ring_crossing_the_antimeridian_is_made_continuous() {
        let ring = vec![
            MercatorPoint { x: 0.99, y: 0.2 },
            MercatorPoint { x: 0.01, y: 0.2 },
            MercatorPoint { x: 0.01, y: 0.3 },
            MercatorPoint { x: 0.99, y: 0.3 },
        ];
        let xs: Vec<f64> = unwrap_longitudes(ring).iter().map(|p| p.x).collect();
        assert!((xs[1] - 1.01).abs() < 1e-12 && (xs[2] - 1.01).abs() < 1e-12, "{xs:?}");
        assert!((xs[3] - 0.99).abs() < 1e-12);
    }

    #[test]
    fn a_missing_arc_is_an_error_not_a_panic() {
        let bad = TINY.replace("[[2, 0]]", "[[7]]");
        let err = Topography::from_topojson(bad.as_bytes()).unwrap_err();
        assert!(matches!(err, TopologyError::MissingArc { index: 7, count: 3 }), "{err}");
    }

    #[test]
    fn the_shipped_world_has_the_countries_a_reader_expects() {
        for bytes in [super::super::COUNTRIES_110M, super::super::COUNTRIES_50M] {
            let topo = Topography::from_topojson(bytes).unwrap();
            for name in ["Russia", "North Korea", "South Korea", "Japan", "Brazil", "Fiji"] {
                assert!(topo.countries.iter().any(|c| c.name == name), "{name} missing");
            }
            assert!(topo.borders.len() > 100);
            let russia = topo.countries.iter().find(|c| c.name == "Russia").unwrap();
            let (lon, lat) = crate::gui::map::fit::unmercator(russia.label_point);
            assert!((30.0..140.0).contains(&lon) && (50.0..72.0).contains(&lat), "{lon},{lat}");
        }
    }
}
