//! Distances and destinations on the sphere, in the units the pipeline speaks (km, degrees).
//!
//! Thin wrappers over `geo`'s haversine metric so that every stage measures the same way.

use geo::{Destination as _, Distance as _, Haversine};

use crate::model::Position;

/// Mean Earth radius used by `geo`'s haversine metric, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Half the Earth's circumference: the largest possible great-circle distance, in km.
pub const MAX_DISTANCE_KM: f64 = std::f64::consts::PI * EARTH_RADIUS_KM;

/// Great-circle distance between two points.
///
/// # Units
/// Kilometres.
///
/// # Examples
/// ```
/// use newsmap::geodesy::distance_km;
/// use newsmap::model::Position;
/// let seoul = Position::new(126.978, 37.566);
/// let pyongyang = Position::new(125.754, 39.034);
/// assert!((distance_km(seoul, pyongyang) - 195.0).abs() < 5.0);
/// ```
pub fn distance_km(a: Position, b: Position) -> f64 {
    Haversine.distance(a, b) / 1000.0
}

/// The point reached by travelling `distance_km` from `origin` on the initial bearing
/// `bearing_deg` (degrees clockwise from north).
///
/// # Examples
/// ```
/// use newsmap::geodesy::{destination, distance_km};
/// use newsmap::model::Position;
/// let start = Position::new(127.53, 50.28);
/// let north = destination(start, 0.0, 180.0);
/// assert!(north.y() > start.y());
/// assert!((distance_km(start, north) - 180.0).abs() < 0.5);
/// ```
pub fn destination(origin: Position, bearing_deg: f64, distance_km: f64) -> Position {
    Haversine.destination(origin, bearing_deg, distance_km * 1000.0)
}
