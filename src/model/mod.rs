//! The domain model: plain data that every stage produces and every front end reads.
//!
//! Nothing here knows about egui, the gazetteer's storage or file formats: a [`Document`] is
//! `Clone + serde` so the CLI, the exporters, the tests and the GUI all share one shape.

mod actor;
mod document;
mod event;
mod ids;
mod mention;
mod place;
mod relative;
mod span;
mod timex;

pub use actor::{Actor, ActorKind};
pub use document::{DateSource, Document, DocumentInput};
pub use event::{DateRange, Event, EventKind, Granularity};
pub use ids::{ActorId, EventId, MentionId, PlaceId, PlaceIdParseError, PlaceNamespace};
pub use mention::{Candidate, Mention, MentionKind};
pub use place::{Place, PlaceCategory, PlaceKind, SAME_PLACE_KM};
pub use relative::RelativeLocation;
pub use span::Span;
pub use timex::{Timex, TimexType};

/// A point on the Earth: x = longitude, y = latitude, both in degrees (WGS 84).
pub type Position = geo_types::Point<f64>;
