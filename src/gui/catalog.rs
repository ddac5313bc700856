//! What the shown documents contain, flattened for the panels: places merged across documents,
//! events with their place ids and actor names, relative locations with both ends.
//!
//! Rebuilt only when a document arrives, is toggled or closed (not per frame), and indexed so
//! that every panel looks things up by id in constant time.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::command::{DateWindow, DocId, EventOrder, Item};
use crate::gui::map::fit::{MercatorPoint, mercator_of};
use crate::model::{Candidate, DateRange, Document, EventId, MentionId, Place, PlaceId, Position};

/// A resolution whose lead over its runner-up is below this looks uncertain on the map.
pub const UNCERTAIN_MARGIN: f32 = 0.2;

/// One place with everything that refers to it across the shown documents.
#[derive(Clone, Debug)]
pub struct PlaceEntry {
    /// The place as resolved.
    pub place: Place,
    /// Its point in the Mercator unit square (for clustering and hit tests).
    pub point: MercatorPoint,
    /// Every mention that chose it, in document then text order.
    pub mentions: Vec<(DocId, MentionId)>,
    /// Events tied to it.
    pub events: Vec<(DocId, EventId)>,
    /// The smallest lead over a runner-up among its mentions (1.0 when unopposed).
    pub margin: f32,
    /// The runners-up of its least certain mention, best first: drawn as ghosts on hover.
    pub alternatives: Vec<Candidate>,
}

impl PlaceEntry {
    /// True when some mention chose it by a small margin.
    pub fn is_uncertain(&self) -> bool {
        self.margin < UNCERTAIN_MARGIN
    }

    /// Its position (x = longitude, y = latitude).
    pub fn position(&self) -> Position {
        self.place.position
    }
}

/// One event with its places and actors resolved to names.
#[derive(Clone, Debug)]
pub struct EventEntry {
    /// The document it is in.
    pub doc: DocId,
    /// Its id in that document.
    pub id: EventId,
    /// When, if the text says.
    pub date: Option<DateRange>,
    /// One-line summary.
    pub summary: String,
    /// Its places, in mention order, without repeats.
    pub places: Vec<PlaceId>,
    /// Names of its actors.
    pub actors: Vec<String>,
}

impl EventEntry {
    /// The item that selects it.
    pub fn item(&self) -> Item {
        Item::Event(self.doc, self.id)
    }

    /// True when the event has a date inside `window` (always true without a window).
    pub fn is_in(&self, window: Option<DateWindow>) -> bool {
        match (window, &self.date) {
            (None, _) => true,
            (Some(w), Some(d)) => w.overlaps(d.start, d.end),
            (Some(_), None) => false,
        }
    }
}

/// A relative location with both ends resolved to points.
#[derive(Clone, Debug)]
pub struct RelativeEntry {
    /// The document it is in.
    pub doc: DocId,
    /// The expression ("some 180 km north of Blagoveschensk").
    pub text: String,
    /// The anchor place.
    pub anchor: PlaceId,
    /// Where the anchor is.
    pub anchor_position: Position,
    /// The place it describes, when resolved.
    pub target: Option<PlaceId>,
    /// Stated distance.
    pub distance_km: f64,
    /// Relative vagueness of the distance.
    pub distance_tolerance: f64,
    /// Bearing from the anchor, degrees clockwise from north.
    pub bearing_deg: f64,
    /// Half-width of the bearing wedge, degrees.
    pub bearing_spread_deg: f64,
}

/// The flattened, indexed content of the shown documents (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// Places, most mentioned first, then by name.
    pub places: Vec<PlaceEntry>,
    /// Events, in document then event order (the event list sorts its own view).
    pub events: Vec<EventEntry>,
    /// Relative locations whose anchor is resolved.
    pub relatives: Vec<RelativeEntry>,
    by_place: HashMap<PlaceId, usize>,
    by_event: HashMap<(DocId, EventId), usize>,
}

impl Catalog {
    /// Flattens the given documents (already filtered to the shown ones).
    pub fn build(documents: &[(DocId, Arc<Document>)]) -> Self {
        let mut catalog = Catalog::default();
        for (doc_id, document) in documents {
            for mention in &document.mentions {
                let Some(place) = &mention.place else { continue };
                let index = *catalog.by_place.entry(place.id).or_insert_with(|| {
                    catalog.places.push(PlaceEntry {
                        place: place.clone(),
                        point: mercator_of(place.position),
                        mentions: Vec::new(),
                        events: Vec::new(),
                        margin: 1.0,
                        alternatives: Vec::new(),
                    });
                    catalog.places.len() - 1
                });
                let entry = &mut catalog.places[index];
                entry.mentions.push((*doc_id, mention.id));
                let margin = mention.margin();
                if margin < entry.margin {
                    entry.margin = margin;
                    entry.alternatives = mention.alternatives.clone();
                }
            }
            for event in &document.events {
                let mut places: Vec<PlaceId> = Vec::new();
                for mention_id in &event.mentions {
                    let place =
                        document.mentions.get(mention_id.index()).and_then(|m| m.place.as_ref());
                    if let Some(place) = place.filter(|p| !places.contains(&p.id)) {
                        places.push(place.id);
                    }
                }
                for place_id in &places {
                    if let Some(&i) = catalog.by_place.get(place_id) {
                        catalog.places[i].events.push((*doc_id, event.id));
                    }
                }
                let actors = event
                    .actors
                    .iter()
                    .filter_map(|a| document.actors.get(a.index()).map(|a| a.name.clone()))
                    .collect();
                catalog.by_event.insert((*doc_id, event.id), catalog.events.len());
                catalog.events.push(EventEntry {
                    doc: *doc_id,
                    id: event.id,
                    date: event.date.clone(),
                    summary: event.summary.clone(),
                    places,
                    actors,
                });
            }
            for relative in &document.relative_locations {
                let anchor =
                    document.mentions.get(relative.anchor.index()).and_then(|m| m.place.as_ref());
                let Some(anchor) = anchor else { continue };
                let target = relative
                    .target
                    .and_then(|t| document.mentions.get(t.index()))
                    .and_then(|m| m.place.as_ref())
                    .map(|p| p.id);
                catalog.relatives.push(RelativeEntry {
                    doc: *doc_id,
                    text: relative.text.clone(),
                    anchor: anchor.id,
                    anchor_position: anchor.position,
                    target,
                    distance_km: relative.distance_km,
                    distance_tolerance: relative.distance_tolerance,
                    bearing_deg: relative.bearing_deg,
                    bearing_spread_deg: relative.bearing_spread_deg,
                });
            }
        }
        // Most mentioned first; ties by name, then id, so the order never depends on hashing.
        catalog.places.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.place.name.cmp(&b.place.name))
                .then_with(|| a.place.id.cmp(&b.place.id))
        });
        catalog.by_place =
            catalog.places.iter().enumerate().map(|(i, p)| (p.place.id, i)).collect();
        catalog
    }

    /// A catalog of bare places (for tests of the map layers).
    #[cfg(test)]
    pub(crate) fn with_places(places: Vec<PlaceEntry>) -> Self {
        let by_place = places.iter().enumerate().map(|(i, p)| (p.place.id, i)).collect();
        Self { places, by_place, ..Self::default() }
    }

    /// The entry of a place.
    pub fn place(&self, id: PlaceId) -> Option<&PlaceEntry> {
        self.by_place.get(&id).map(|&i| &self.places[i])
    }

    /// The entry of an event.
    pub fn event(&self, doc: DocId, id: EventId) -> Option<&EventEntry> {
        self.by_event.get(&(doc, id)).map(|&i| &self.events[i])
    }

    /// Events in list order: by start date (`order`), undated last, then by document and id.
    pub fn events_in_order(&self, order: EventOrder) -> Vec<&EventEntry> {
        let mut events: Vec<&EventEntry> = self.events.iter().collect();
        events.sort_by(|a, b| {
            let by_date = match (&a.date, &b.date) {
                (Some(x), Some(y)) => match order {
                    EventOrder::OldestFirst => x.start.cmp(&y.start),
                    EventOrder::NewestFirst => y.start.cmp(&x.start),
                },
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_date.then_with(|| (a.doc, a.id).cmp(&(b.doc, b.id)))
        });
        events
    }

    /// True when the place should be drawn under the time window: it has an event inside it
    /// (every place shows when there is no window).
    pub fn place_is_in(&self, entry: &PlaceEntry, window: Option<DateWindow>) -> bool {
        window.is_none()
            || entry
                .events
                .iter()
                .any(|(d, e)| self.event(*d, *e).is_some_and(|ev| ev.is_in(window)))
    }

    /// The earliest and latest day of any dated event.
    pub fn date_extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut dates = self.events.iter().filter_map(|e| e.date.as_ref());
        let first = dates.next()?;
        Some(dates.fold((first.start, first.end), |(lo, hi), d| (lo.min(d.start), hi.max(d.end))))
    }

    /// The places an item refers to: a place itself, an event's places, a mention's place.
    pub fn places_of(&self, item: Item, documents: &[(DocId, Arc<Document>)]) -> Vec<PlaceId> {
        match item {
            Item::Place(id) => vec![id],
            Item::Event(doc, id) => {
                self.event(doc, id).map(|e| e.places.clone()).unwrap_or_default()
            }
            Item::Mention(doc, id) => documents
                .iter()
                .find(|(d, _)| *d == doc)
                .and_then(|(_, document)| document.mentions.get(id.index()))
                .and_then(|m| m.place.as_ref())
                .map(|p| vec![p.id])
                .unwrap_or_default(),
        }
    }
}
