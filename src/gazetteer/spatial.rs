//! Nearest-neighbour queries over entry points.
//!
//! Points are placed on the unit sphere in 3-D, where straight-line (chord) distance grows
//! with great-circle distance, so an R-tree over them answers "nearest" and "within radius"
//! correctly across the antimeridian and near the poles.

use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::model::Position;

/// Mean Earth radius in km (IUGG), as used for the 161 km accuracy threshold.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

pub(crate) type SpherePoint = GeomWithData<[f64; 3], u32>;

/// Unit-sphere coordinates of a point.
pub(crate) fn to_sphere(position: Position) -> [f64; 3] {
    let (lat, lon) = (position.y().to_radians(), position.x().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Great-circle distance in km between two points (haversine).
///
/// # Units
/// Degrees in, kilometres out.
pub fn distance_km(a: Position, b: Position) -> f64 {
    let (lat1, lat2) = (a.y().to_radians(), b.y().to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.x() - a.x()).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Squared chord length on the unit sphere for a great-circle distance.
pub(crate) fn chord_squared(distance_km: f64) -> f64 {
    let angle = (distance_km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    let chord = 2.0 * (angle / 2.0).sin();
    chord * chord
}

/// Builds the tree over all entries.
pub(crate) fn build_tree(points: impl Iterator<Item = (u32, Position)>) -> RTree<SpherePoint> {
    RTree::bulk_load(points.map(|(id, p)| GeomWithData::new(to_sphere(p), id)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_between_moscow_and_saint_petersburg_is_about_634_km() {
        let moscow = Position::new(37.6173, 55.7558);
        let spb = Position::new(30.3351, 59.9343);
        let d = distance_km(moscow, spb);
        assert!((d - 634.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn distance_across_the_antimeridian_is_short() {
        let a = Position::new(179.9, 0.0);
        let b = Position::new(-179.9, 0.0);
        assert!(distance_km(a, b) < 25.0);
    }
}
