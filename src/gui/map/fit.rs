//! Web-Mercator arithmetic: projecting to the unit square and fitting the view to points.
//!
//! walkers has no fit-bounds helper, so the zoom that makes a set of points fill the view
//! (with a margin) is computed here; the same projection places basemap tiles and markers.

use std::f64::consts::PI;

use walkers::{MapMemory, Position, lon_lat};

/// Largest latitude Web Mercator can show, in degrees.
pub const MAX_LATITUDE: f64 = 85.051_128;

/// Tile edge in pixels at which zoom levels are defined (zoom 0 = the world in 256 px).
pub const TILE_PX: f64 = 256.0;

/// A point in the Web-Mercator unit square: x from 0 (180° W) to 1 (180° E), y from 0
/// (85° N) to 1 (85° S).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct MercatorPoint {
    /// 0 at the antimeridian west, 1 east.
    pub x: f64,
    /// 0 at the top (north), 1 at the bottom.
    pub y: f64,
}

/// Projects longitude and latitude (degrees) into the unit square; latitude is clamped.
pub fn mercator(lon: f64, lat: f64) -> MercatorPoint {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    MercatorPoint {
        x: (lon + 180.0) / 360.0,
        y: (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0,
    }
}

/// Projects a walkers position.
pub fn mercator_of(position: Position) -> MercatorPoint {
    mercator(position.x(), position.y())
}

/// The inverse of [`mercator`]: (longitude, latitude) in degrees.
pub fn unmercator(p: MercatorPoint) -> (f64, f64) {
    (p.x * 360.0 - 180.0, (PI * (1.0 - 2.0 * p.y)).sinh().atan().to_degrees())
}

/// The walkers position of a unit-square point.
pub fn position_of(p: MercatorPoint) -> Position {
    let (lon, lat) = unmercator(p);
    lon_lat(lon, lat)
}

/// The zoom and centre that show every point inside a view of `view_px` pixels with
/// `padding_px` on each side, never closer than `max_zoom` (a single place would otherwise be
/// shown at street level).
///
/// Returns `None` for no points or a degenerate view.
pub fn fit(
    points: impl IntoIterator<Item = Position>,
    view_px: [f32; 2],
    padding_px: f32,
    max_zoom: f64,
) -> Option<(Position, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) =
        (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in points {
        let m = mercator_of(p);
        x0 = x0.min(m.x);
        y0 = y0.min(m.y);
        x1 = x1.max(m.x);
        y1 = y1.max(m.y);
    }
    if !x0.is_finite() {
        return None;
    }
    let width = f64::from(view_px[0] - 2.0 * padding_px);
    let height = f64::from(view_px[1] - 2.0 * padding_px);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let zoom_x = (width / (TILE_PX * (x1 - x0).max(1e-12))).log2();
    let zoom_y = (height / (TILE_PX * (y1 - y0).max(1e-12))).log2();
    // Never zoom out so far that the world is smaller than the view: the map would tile.
    let min_zoom = (f64::from(view_px[0]) / TILE_PX).log2().max(0.0);
    let zoom = zoom_x.min(zoom_y).clamp(min_zoom.min(max_zoom), max_zoom);
    let centre = position_of(MercatorPoint { x: (x0 + x1) / 2.0, y: (y0 + y1) / 2.0 });
    Some((centre, zoom))
}

/// Applies [`fit`] to the map memory; does nothing when there is nothing to fit.
pub fn fit_memory(
    memory: &mut MapMemory,
    points: impl IntoIterator<Item = Position>,
    view_px: [f32; 2],
    padding_px: f32,
    max_zoom: f64,
) -> bool {
    let Some((centre, zoom)) = fit(points, view_px, padding_px, max_zoom) else {
        return false;
    };
    // `set_zoom` only fails outside 0..=26, which `fit` never returns.
    memory.set_zoom(zoom).ok();
    memory.center_at(centre);
    true
}

/// Great-circle destination from `start` after `distance_km` on `bearing_deg` (clockwise from
/// north), on a sphere of the Earth's mean radius.
pub fn destination(start: Position, bearing_deg: f64, distance_km: f64) -> Position {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let delta = distance_km / EARTH_RADIUS_KM;
    let theta = bearing_deg.to_radians();
    let phi1 = start.y().to_radians();
    let lambda1 = start.x().to_radians();
    let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * theta.cos()).asin();
    let lambda2 = lambda1
        + (theta.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
    let lon = (lambda2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
    lon_lat(lon, phi2.to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mercator_round_trips() {
        for (lon, lat) in [(0.0, 0.0), (127.5, 37.55), (-122.4, 37.8), (179.9, -60.0)] {
            let (lon2, lat2) = unmercator(mercator(lon, lat));
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
        assert!((mercator(0.0, 0.0).y - 0.5).abs() < 1e-12);
    }

    #[test]
    fn fitting_two_cities_keeps_both_inside_the_padded_view() {
        let seoul = lon_lat(126.98, 37.57);
        let moscow = lon_lat(37.62, 55.75);
        let (centre, zoom) = fit([seoul, moscow], [800.0, 600.0], 40.0, 10.0).unwrap();
        let scale = TILE_PX * 2f64.powf(zoom);
        let c = mercator_of(centre);
        for p in [seoul, moscow] {
            let m = mercator_of(p);
            let dx = (m.x - c.x) * scale;
            let dy = (m.y - c.y) * scale;
            assert!(dx.abs() <= 360.0 + 1e-6 && dy.abs() <= 260.0 + 1e-6, "{dx} {dy}");
        }
        // And it is tight on at least one axis.
        let spread = (mercator_of(seoul).x - mercator_of(moscow).x).abs() * scale;
        assert!((spread - 720.0).abs() < 1.0, "{spread}");
    }

    #[test]
    fn one_point_is_not_shown_at_street_level() {
        let (_, zoom) = fit([lon_lat(2.35, 48.85)], [800.0, 600.0], 40.0, 7.0).unwrap();
        assert_eq!(zoom, 7.0);
        assert!(fit(std::iter::empty(), [800.0, 600.0], 40.0, 7.0).is_none());
    }

    #[test]
    fn travelling_180_km_north_moves_about_1_6_degrees_of_latitude() {
        let start = lon_lat(127.53, 50.27);
        let end = destination(start, 0.0, 180.0);
        assert!((end.y() - start.y() - 1.619).abs() < 0.01, "{}", end.y());
        assert!((end.x() - start.x()).abs() < 1e-9);
    }
}
