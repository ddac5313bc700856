use serde::{Deserialize, Serialize};

use super::{MentionId, Position, Span};

/// A place described relative to another: "some 180 km north of Blagoveschensk".
///
/// The implied point is evidence for resolving the described place, and the app draws it as a
/// line from the anchor with a wedge for the bearing's spread and the distance's vagueness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelativeLocation {
    /// The whole expression ("some 180 km north of Blagoveschensk").
    pub span: Span,
    /// Its text.
    pub text: String,
    /// The mention it is measured from (Blagoveschensk).
    pub anchor: MentionId,
    /// The mention it describes (the cosmodrome or town before it), when there is one.
    pub target: Option<MentionId>,
    /// Stated distance in kilometres (converted from miles when needed).
    pub distance_km: f64,
    /// Relative uncertainty of the distance: 0.1 for a bare number, more for "some", "about".
    pub distance_tolerance: f64,
    /// Bearing from the anchor, degrees clockwise from north (north = 0, east = 90).
    pub bearing_deg: f64,
    /// Half-width of the bearing's wedge in degrees (22.5 for one of eight compass points).
    pub bearing_spread_deg: f64,
    /// The point the expression implies, computed from the anchor's resolved position.
    pub implied: Option<Position>,
}
