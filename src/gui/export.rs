//! Writing exports: GeoJSON of the shown documents and PNG images of the map, atomically.
//!
//! BRING-UP: the GeoJSON writer follows the `newsmap extract -f geojson` format described in
//! the engine's issue; it is one function so that it can be swapped for
//! `newsmap::export::geojson` (the CLI's own writer) as soon as that lands.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue, Value};

use crate::model::{Document, PlaceId};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Creating, writing or renaming the file failed.
    #[error("could not write {path}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The image could not be encoded.
    #[error("could not encode the PNG image: {reason}")]
    Png {
        /// The encoder's message.
        reason: String,
    },
    /// The data could not be serialised.
    #[error("could not serialise GeoJSON")]
    Json(#[from] serde_json::Error),
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, then a rename,
/// so a crash or a full disk never leaves a half-written file under the real name.
///
/// # Errors
/// When the directory is not writable or the disk is full.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Writes the documents as one GeoJSON FeatureCollection: a Point per resolved place and a
/// feature per event (Point or MultiPoint of its places, no geometry when it has none).
/// Returns the number of features.
///
/// # Errors
/// When the file cannot be written.
pub fn write_geojson(documents: &[Document], path: &Path) -> Result<usize, ExportError> {
    let collection = to_feature_collection(documents);
    let count = collection.features.len();
    let json = serde_json::to_vec_pretty(&collection)?;
    write_atomically(path, &json)?;
    Ok(count)
}

/// Builds the FeatureCollection written by [`write_geojson`].
pub fn to_feature_collection(documents: &[Document]) -> FeatureCollection {
    struct PlaceAcc<'a> {
        place: &'a crate::model::Place,
        mentions: Vec<JsonValue>,
        events: Vec<String>,
    }
    let mut places: BTreeMap<PlaceId, PlaceAcc> = BTreeMap::new();
    let mut event_features = Vec::new();
    for document in documents {
        for mention in &document.mentions {
            let Some(place) = &mention.place else { continue };
            let (start, end) = mention.span.to_char_offsets(&document.text);
            places
                .entry(place.id)
                .or_insert_with(|| PlaceAcc { place, mentions: Vec::new(), events: Vec::new() })
                .mentions
                .push(serde_json::json!({
                    "start": start, "end": end, "text": mention.text, "document": document.name,
                }));
        }
        for event in &document.events {
            let event_id = format!("{}#event-{}", document.name, event.id.0);
            let mut place_ids: Vec<PlaceId> = Vec::new();
            let mut points = Vec::new();
            for m in &event.mentions {
                let place = document.mentions.get(m.index()).and_then(|m| m.place.as_ref());
                if let Some(place) = place.filter(|p| !place_ids.contains(&p.id)) {
                    place_ids.push(place.id);
                    points.push(vec![place.lon(), place.lat()]);
                    if let Some(acc) = places.get_mut(&place.id) {
                        acc.events.push(event_id.clone());
                    }
                }
            }
            let geometry = match points.len() {
                0 => None,
                1 => Some(Geometry::new(Value::Point(points.remove(0)))),
                _ => Some(Geometry::new(Value::MultiPoint(points))),
            };
            let actors: Vec<&str> = event
                .actors
                .iter()
                .filter_map(|a| document.actors.get(a.index()).map(|a| a.name.as_str()))
                .collect();
            let mut properties = JsonObject::new();
            properties.insert("feature_type".into(), "event".into());
            properties.insert("id".into(), event_id.clone().into());
            let date = event.date.as_ref();
            properties.insert("date_start".into(), date.map(|d| d.start.to_string()).into());
            properties.insert("date_end".into(), date.map(|d| d.end.to_string()).into());
            properties.insert("date_text".into(), date.map(|d| d.text.clone()).into());
            properties.insert("granularity".into(), date.map(|d| d.granularity.as_str()).into());
            properties.insert("summary".into(), event.summary.clone().into());
            properties.insert("actors".into(), actors.into());
            let ids: Vec<String> = place_ids.iter().map(ToString::to_string).collect();
            properties.insert("place_ids".into(), ids.into());
            properties.insert("document".into(), document.name.clone().into());
            event_features.push(Feature {
                geometry,
                properties: Some(properties),
                ..Feature::default()
            });
        }
    }
    let mut features: Vec<Feature> = places
        .into_values()
        .map(|acc| {
            let mut properties = JsonObject::new();
            properties.insert("feature_type".into(), "place".into());
            properties.insert("id".into(), acc.place.id.to_string().into());
            properties.insert("name".into(), acc.place.name.clone().into());
            properties.insert("kind".into(), acc.place.kind.as_str().into());
            properties.insert("country".into(), acc.place.country.clone().into());
            properties.insert("mention_count".into(), acc.mentions.len().into());
            properties.insert("mentions".into(), acc.mentions.into());
            properties.insert("event_ids".into(), acc.events.into());
            Feature {
                geometry: Some(Geometry::new(Value::Point(vec![acc.place.lon(), acc.place.lat()]))),
                properties: Some(properties),
                ..Feature::default()
            }
        })
        .collect();
    features.extend(event_features);
    FeatureCollection { bbox: None, features, foreign_members: None }
}

/// Encodes an image as PNG and writes it atomically.
///
/// # Errors
/// When encoding or writing fails.
pub fn write_png(image: &egui::ColorImage, path: &Path) -> Result<(), ExportError> {
    let [w, h] = image.size;
    let raw: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let mut bytes = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut bytes);
    image::ImageEncoder::write_image(
        encoder,
        &raw,
        w as u32,
        h as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| ExportError::Png { reason: e.to_string() })?;
    write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unwritable_directory_is_a_clear_error() {
        let err = write_atomically(Path::new("/nonexistent-dir/out.geojson"), b"{}").unwrap_err();
        assert!(err.to_string().contains("/nonexistent-dir/out.geojson"), "{err}");
    }

    #[test]
    fn no_documents_make_an_empty_collection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.geojson");
        assert_eq!(write_geojson(&[], &path).unwrap(), 0);
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed: geojson::GeoJson = text.parse().unwrap();
        assert!(
            matches!(parsed, geojson::GeoJson::FeatureCollection(fc) if fc.features.is_empty())
        );
    }
}
