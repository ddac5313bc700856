//! Pieces shared by the exporters: places as flat records, batch-wide event ids.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Document, Event, EventId, Place, PlaceId, PlaceKind};

/// A place as exported: id, name, kind, country and point (latitude and longitude, degrees).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// Stable public id (`geonames:2026609`, `landmark:12`).
    pub id: PlaceId,
    /// Preferred English name.
    pub name: Arc<str>,
    /// Feature kind ("city", "country", ...).
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, when the place lies in one country.
    pub country: Option<Arc<str>>,
    /// First-level subdivision it lies in, when known.
    #[serde(default)]
    pub admin1: Option<Arc<str>>,
    /// Population (0 when unknown).
    #[serde(default)]
    pub population: u64,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
}

impl From<&Place> for PlaceRecord {
    fn from(place: &Place) -> Self {
        Self {
            id: place.id,
            name: place.name.clone(),
            kind: place.kind,
            country: place.country.clone(),
            admin1: place.admin1.clone(),
            population: place.population,
            lat: place.lat(),
            lon: place.lon(),
        }
    }
}

/// The batch-wide id of an event: `<document name>#e<index>` ("kim.txt#e0").
///
/// Event ids inside a document are indices, so they repeat across documents; qualifying them
/// with the document name keeps them unique in a batch as long as document names are (file
/// paths are; JSONL ids are whatever the caller gave).
pub fn event_id(document: &str, event: EventId) -> String {
    format!("{document}#e{}", event.0)
}

/// The distinct places of an event's mentions, in mention order.
pub(crate) fn event_places<'d>(document: &'d Document, event: &Event) -> Vec<&'d Place> {
    let mut places: Vec<&Place> = Vec::new();
    for mention in &event.mentions {
        let place = document.mentions.get(mention.index()).and_then(|m| m.place.as_ref());
        if let Some(place) = place.filter(|p| !places.iter().any(|q| q.id == p.id)) {
            places.push(place);
        }
    }
    places
}

/// The names of an event's actors, in actor order.
pub(crate) fn event_actor_names(document: &Document, event: &Event) -> Vec<String> {
    event
        .actors
        .iter()
        .filter_map(|actor| document.actors.get(actor.index()))
        .map(|actor| actor.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_qualified_by_their_document() {
        assert_eq!(event_id("news/kim.txt", EventId(3)), "news/kim.txt#e3");
    }
}
