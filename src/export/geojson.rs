//! GeoJSON: one RFC 7946 FeatureCollection per batch, written as a stream, and its reader.
//!
//! A Point feature per resolved place, merged across documents by place id, and a feature
//! per event with the Point or MultiPoint of its places (null geometry when it has none).
//! Coordinates are longitude, latitude.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use geojson::{Feature, FeatureWriter, GeoJson, Geometry, GeometryValue, JsonObject, JsonValue};
use serde::{Deserialize, Serialize};

use super::Error;
use super::records::{event_actor_names, event_id, event_places};
use crate::model::{Document, EventKind, Granularity, Place, PlaceId, PlaceKind, Position};
use crate::text::CharOffsets;

/// One mention of a place, as listed on its feature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRef {
    /// First character in the document's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The document's name.
    pub document: String,
}

/// The properties of a place feature (`"feature_type": "place"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceProperties {
    /// Stable public id.
    pub id: PlaceId,
    /// Preferred English name.
    pub name: String,
    /// Feature kind.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, or null.
    pub country: Option<String>,
    /// First-level subdivision, or null.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Population (0 when unknown).
    #[serde(default)]
    pub population: u64,
    /// Number of mentions across the batch.
    pub mention_count: usize,
    /// Every mention, in document order then offset.
    pub mentions: Vec<MentionRef>,
    /// Ids of the events it takes part in.
    pub event_ids: Vec<String>,
}

/// The properties of an event feature (`"feature_type": "event"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventProperties {
    /// Batch-wide id, `<document>#e<index>`.
    pub id: String,
    /// meeting, communication, report, ...
    #[serde(default = "other_kind")]
    pub kind: EventKind,
    /// First day, or null.
    pub date_start: Option<NaiveDate>,
    /// Last day (inclusive), or null.
    pub date_end: Option<NaiveDate>,
    /// The words the date came from, or null.
    pub date_text: Option<String>,
    /// day, month, year, ...; or null.
    pub granularity: Option<Granularity>,
    /// Short summary.
    pub summary: String,
    /// Names of its people and organisations.
    pub actors: Vec<String>,
    /// Its places.
    pub place_ids: Vec<PlaceId>,
    /// The document's name.
    pub document: String,
    /// First character of its sentence.
    #[serde(default)]
    pub start: usize,
    /// One past the last character of its sentence.
    #[serde(default)]
    pub end: usize,
}

fn other_kind() -> EventKind {
    EventKind::Other
}

/// The properties of either kind of feature, tagged by `feature_type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "feature_type", rename_all = "snake_case")]
enum Properties {
    Place(PlaceProperties),
    Event(EventProperties),
}

/// A place feature read back.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceFeature {
    /// Its point.
    pub position: Position,
    /// Its properties.
    pub properties: PlaceProperties,
}

/// An event feature read back.
#[derive(Clone, Debug, PartialEq)]
pub struct EventFeature {
    /// The points of its places (empty for a null geometry).
    pub positions: Vec<Position>,
    /// Its properties.
    pub properties: EventProperties,
}

/// A whole export read back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    /// Place features, in file order.
    pub places: Vec<PlaceFeature>,
    /// Event features, in file order.
    pub events: Vec<EventFeature>,
}

struct PlaceEntry {
    place: Place,
    mentions: Vec<MentionRef>,
    event_ids: Vec<String>,
}

/// Streams a batch as one FeatureCollection: event features as documents arrive, place
/// features (merged by id across documents, sorted by id) at [`GeoJsonWriter::finish`].
pub struct GeoJsonWriter<W: Write> {
    features: FeatureWriter<W>,
    places: BTreeMap<PlaceId, PlaceEntry>,
}

impl<W: Write> GeoJsonWriter<W> {
    /// A writer over `writer`.
    pub fn new(writer: W) -> Self {
        Self { features: FeatureWriter::from_writer(writer), places: BTreeMap::new() }
    }

    /// Writes a document's events and remembers its places.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_document(&mut self, document: &Document) -> Result<(), Error> {
        let offsets = CharOffsets::new(&document.text);
        for mention in &document.mentions {
            let Some(place) = &mention.place else { continue };
            let (start, end) = offsets.span(mention.span);
            let entry = self.places.entry(place.id).or_insert_with(|| PlaceEntry {
                place: place.clone(),
                mentions: Vec::new(),
                event_ids: Vec::new(),
            });
            entry.mentions.push(MentionRef {
                start,
                end,
                text: mention.text.clone(),
                document: document.name.clone(),
            });
        }
        for event in &document.events {
            let id = event_id(&document.name, event.id);
            let places = event_places(document, event);
            for place in &places {
                if let Some(entry) = self.places.get_mut(&place.id)
                    && entry.event_ids.last() != Some(&id)
                {
                    entry.event_ids.push(id.clone());
                }
            }
            let geometry = match places.as_slice() {
                [] => None,
                [place] => Some(Geometry::new_point([place.lon(), place.lat()])),
                _ => Some(Geometry::new_multi_point(places.iter().map(|p| [p.lon(), p.lat()]))),
            };
            let (start, end) = offsets.span(event.sentence);
            let properties = Properties::Event(EventProperties {
                id,
                kind: event.kind,
                date_start: event.date.as_ref().map(|d| d.start),
                date_end: event.date.as_ref().map(|d| d.end),
                date_text: event.date.as_ref().map(|d| d.text.clone()),
                granularity: event.date.as_ref().map(|d| d.granularity),
                summary: event.summary.clone(),
                actors: event_actor_names(document, event),
                place_ids: places.iter().map(|p| p.id).collect(),
                document: document.name.clone(),
                start,
                end,
            });
            self.write_feature(geometry, &properties)?;
        }
        Ok(())
    }

    /// Writes the place features and closes the collection.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> Result<(), Error> {
        for entry in std::mem::take(&mut self.places).into_values() {
            let place = entry.place;
            let geometry = Some(Geometry::new_point([place.lon(), place.lat()]));
            let properties = Properties::Place(PlaceProperties {
                id: place.id,
                name: place.name.to_string(),
                kind: place.kind,
                country: place.country.as_deref().map(str::to_owned),
                admin1: place.admin1.as_deref().map(str::to_owned),
                population: place.population,
                mention_count: entry.mentions.len(),
                mentions: entry.mentions,
                event_ids: entry.event_ids,
            });
            self.write_feature(geometry, &properties)?;
        }
        self.features.finish().map_err(Error::GeoJson)?;
        self.features.flush().map_err(Error::GeoJson)
    }

    fn write_feature(
        &mut self,
        geometry: Option<Geometry>,
        properties: &Properties,
    ) -> Result<(), Error> {
        let properties = match serde_json::to_value(properties).map_err(Error::Json)? {
            JsonValue::Object(map) => map,
            // Structs always serialize to objects.
            _ => JsonObject::new(),
        };
        let feature = Feature { geometry, properties: Some(properties), ..Feature::default() };
        self.features.write_feature(&feature).map_err(Error::GeoJson)
    }
}

/// Why a GeoJSON file is not a newsmap export.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error("could not read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Not JSON, or not valid GeoJSON.
    #[error("not valid GeoJSON")]
    Malformed(#[source] serde_json::Error),
    /// Valid GeoJSON, but a single Feature or Geometry instead of a FeatureCollection.
    #[error("expected a FeatureCollection, found a {found}")]
    NotFeatureCollection {
        /// What was found ("Feature", "Geometry").
        found: &'static str,
    },
    /// A feature's properties are missing a field, have a bad value or an unknown
    /// `feature_type`.
    #[error("feature {index}: bad properties")]
    BadProperties {
        /// Position of the feature in the collection (from 0).
        index: usize,
        /// What is wrong.
        #[source]
        source: serde_json::Error,
    },
    /// A feature's geometry does not fit its type (a place must be a Point; an event a
    /// Point, a MultiPoint or null).
    #[error("feature {index}: a {feature_type} cannot have a {found} geometry")]
    BadGeometry {
        /// Position of the feature in the collection (from 0).
        index: usize,
        /// "place" or "event".
        feature_type: &'static str,
        /// The geometry type found ("LineString", "null").
        found: &'static str,
    },
}

/// Reads a GeoJSON file written by [`GeoJsonWriter`] (or `newsmap extract -f geojson`).
///
/// # Errors
/// [`ReadError::Io`] naming the file, or the errors of [`read`].
pub fn read_path(path: &Path) -> Result<Collection, ReadError> {
    let file = std::fs::File::open(path)
        .map_err(|source| ReadError::Io { path: path.to_owned(), source })?;
    read(std::io::BufReader::new(file))
}

/// Reads a FeatureCollection written by [`GeoJsonWriter`]. Unknown properties are ignored, so
/// files edited in GIS tools still load.
///
/// # Errors
/// [`ReadError`] when the input is not GeoJSON, not a FeatureCollection, or a feature is not
/// a newsmap place or event.
pub fn read(reader: impl Read) -> Result<Collection, ReadError> {
    let geojson = GeoJson::from_reader(reader).map_err(ReadError::Malformed)?;
    let features = match geojson {
        GeoJson::FeatureCollection(collection) => collection.features,
        GeoJson::Feature(_) => return Err(ReadError::NotFeatureCollection { found: "Feature" }),
        GeoJson::Geometry(_) => return Err(ReadError::NotFeatureCollection { found: "Geometry" }),
    };
    let mut collection = Collection::default();
    for (index, feature) in features.into_iter().enumerate() {
        let properties = JsonValue::Object(feature.properties.unwrap_or_default());
        let properties: Properties = serde_json::from_value(properties)
            .map_err(|source| ReadError::BadProperties { index, source })?;
        let geometry = feature.geometry.map(|g| g.value);
        match properties {
            Properties::Place(properties) => {
                let position = match &geometry {
                    Some(GeometryValue::Point { coordinates }) => position(coordinates),
                    _ => None,
                };
                let position = position.ok_or_else(|| ReadError::BadGeometry {
                    index,
                    feature_type: "place",
                    found: geometry.as_ref().map_or("null", GeometryValue::type_name),
                })?;
                collection.places.push(PlaceFeature { position, properties });
            }
            Properties::Event(properties) => {
                let positions = match &geometry {
                    None => Some(Vec::new()),
                    Some(GeometryValue::Point { coordinates }) => {
                        position(coordinates).map(|p| vec![p])
                    }
                    Some(GeometryValue::MultiPoint { coordinates }) => {
                        coordinates.iter().map(position).collect()
                    }
                    Some(_) => None,
                };
                let positions = positions.ok_or_else(|| ReadError::BadGeometry {
                    index,
                    feature_type: "event",
                    found: geometry.as_ref().map_or("null", GeometryValue::type_name),
                })?;
                collection.events.push(EventFeature { positions, properties });
            }
        }
    }
    Ok(collection)
}

/// A GeoJSON position (longitude, latitude[, altitude]) as a point.
fn position(coordinates: &geojson::Position) -> Option<Position> {
    match coordinates.as_slice() {
        [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Some(Position::new(*lon, *lat)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_batch_is_an_empty_feature_collection() {
        let mut out = Vec::new();
        GeoJsonWriter::new(&mut out).finish().unwrap();
        let collection = read(out.as_slice()).unwrap();
        assert_eq!(collection, Collection::default());
    }

    #[test]
    fn malformed_input_gets_a_typed_error() {
        assert!(matches!(read(&b"{"[..]), Err(ReadError::Malformed(_))));
        let point = br#"{"type": "Point", "coordinates": [1, 2]}"#;
        assert!(matches!(
            read(&point[..]),
            Err(ReadError::NotFeatureCollection { found: "Geometry" })
        ));
        let unknown = br#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": null, "properties": {"feature_type": "river"}}]}"#;
        assert!(matches!(read(&unknown[..]), Err(ReadError::BadProperties { index: 0, .. })));
        let line = br#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},
            "properties": {"feature_type": "event", "id": "d#e0", "date_start": null,
            "date_end": null, "date_text": null, "granularity": null, "summary": "s",
            "actors": [], "place_ids": [], "document": "d"}}]}"#;
        let err = read(&line[..]).unwrap_err();
        assert_eq!(err.to_string(), "feature 0: a event cannot have a LineString geometry");
    }
}
