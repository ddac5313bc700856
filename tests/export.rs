//! Exporters: table-driven round trips (documents -> export -> read back) over hand-built
//! documents with non-ASCII text, so character offsets are checked.

use std::collections::{BTreeMap, BTreeSet};

use newsmap::export::geojson::{self, Collection};
use newsmap::export::jsonl::JsonlDocument;
use newsmap::export::{Format, event_id, write_documents};
use newsmap::model::{Document, PlaceId};

use crate::util::*;

fn to_geojson(documents: &[Document]) -> Collection {
    let mut out = Vec::new();
    write_documents(Format::GeoJson, documents, &mut out).unwrap();
    // The typed GeoJSON model must accept it too.
    let text = String::from_utf8(out.clone()).unwrap();
    let parsed: ::geojson::FeatureCollection = text.parse().unwrap();
    assert!(parsed.features.iter().all(|f| f.properties.is_some()));
    geojson::read(out.as_slice()).unwrap()
}

/// Every resolved place of the batch, with its mentions as (document, start, end, text) in
/// character offsets.
fn expected_places(
    documents: &[Document],
) -> BTreeMap<PlaceId, Vec<(String, usize, usize, String)>> {
    let mut places: BTreeMap<PlaceId, Vec<_>> = BTreeMap::new();
    for doc in documents {
        for mention in &doc.mentions {
            if let Some(place) = &mention.place {
                let (start, end) = mention.span.to_char_offsets(&doc.text);
                places.entry(place.id).or_default().push((
                    doc.name.clone(),
                    start,
                    end,
                    mention.text.clone(),
                ));
            }
        }
    }
    places
}

fn check_geojson_round_trip(documents: &[Document]) {
    let collection = to_geojson(documents);
    let texts: BTreeMap<&str, &str> =
        documents.iter().map(|d| (d.name.as_str(), d.text.as_str())).collect();

    // Places: one per resolved place id, merged across documents, at their coordinates.
    let expected = expected_places(documents);
    let found: Vec<PlaceId> = collection.places.iter().map(|p| p.properties.id).collect();
    assert_eq!(found, expected.keys().copied().collect::<Vec<_>>(), "place ids, sorted");
    for feature in &collection.places {
        let props = &feature.properties;
        let original = documents
            .iter()
            .flat_map(|d| &d.mentions)
            .find_map(|m| m.place.as_ref().filter(|p| p.id == props.id))
            .unwrap();
        assert_eq!(props.name, &*original.name);
        assert_eq!(props.kind, original.kind);
        assert_eq!(props.country.as_deref(), original.country.as_deref());
        assert!((feature.position.x() - original.lon()).abs() < 1e-9, "longitude first");
        assert!((feature.position.y() - original.lat()).abs() < 1e-9);
        let mentions: Vec<_> = props
            .mentions
            .iter()
            .map(|m| (m.document.clone(), m.start, m.end, m.text.clone()))
            .collect();
        assert_eq!(mentions, expected[&props.id]);
        assert_eq!(props.mention_count, mentions.len());
        for m in &props.mentions {
            assert_eq!(chars(texts[m.document.as_str()], m.start, m.end), m.text, "offsets");
        }
    }

    // Events: one per event, ids unique in the batch, geometry = its places' points.
    let event_count: usize = documents.iter().map(|d| d.events.len()).sum();
    assert_eq!(collection.events.len(), event_count);
    let unique: BTreeSet<&str> =
        collection.events.iter().map(|e| e.properties.id.as_str()).collect();
    assert_eq!(unique.len(), event_count, "event ids are unique across the batch");
    let events = documents.iter().flat_map(|d| d.events.iter().map(move |e| (d, e)));
    for ((doc, event), feature) in events.zip(&collection.events) {
        let props = &feature.properties;
        assert_eq!(props.id, event_id(&doc.name, event.id));
        assert_eq!(props.document, doc.name);
        assert_eq!(props.summary, event.summary);
        assert_eq!(props.date_start, event.date.as_ref().map(|d| d.start));
        let places: Vec<_> = event
            .mentions
            .iter()
            .filter_map(|m| doc.mentions[m.index()].place.as_ref())
            .fold(Vec::new(), |mut acc: Vec<_>, p| {
                if !acc.iter().any(|q: &&newsmap::model::Place| q.id == p.id) {
                    acc.push(p);
                }
                acc
            });
        assert_eq!(props.place_ids, ids(&places));
        let points: Vec<(f64, f64)> = feature.positions.iter().map(|p| (p.x(), p.y())).collect();
        let expected: Vec<(f64, f64)> = places.iter().map(|p| (p.lon(), p.lat())).collect();
        assert_eq!(points, expected);
        let actors: Vec<&str> =
            event.actors.iter().map(|a| doc.actors[a.index()].name.as_str()).collect();
        assert_eq!(props.actors, actors);
        assert_eq!(
            chars(&doc.text, props.start, props.end),
            event.sentence.text(&doc.text).unwrap()
        );
        // Each place lists the events it takes part in.
        for place_id in &props.place_ids {
            let place = collection.places.iter().find(|p| p.properties.id == *place_id).unwrap();
            assert!(place.properties.event_ids.contains(&props.id));
        }
    }
}

macro_rules! geojson_round_trip {
    ($($name:ident: $documents:expr,)*) => {$(
        #[test]
        fn $name() {
            check_geojson_round_trip(&$documents);
        }
    )*};
}

geojson_round_trip! {
    geojson_round_trips_a_non_ascii_document: [summit_document()],
    geojson_merges_a_place_named_in_two_documents: [summit_document(), seoul_document()],
    geojson_round_trips_a_document_with_nothing_found: [empty_document()],
    geojson_round_trips_an_empty_batch: Vec::<Document>::new(),
    geojson_keeps_input_order_of_events: [seoul_document(), empty_document(), summit_document()],
}

#[test]
fn event_geometries_are_null_point_or_multipoint_by_place_count() {
    let collection = to_geojson(&[summit_document()]);
    let counts: Vec<usize> = collection.events.iter().map(|e| e.positions.len()).collect();
    assert_eq!(counts, [1, 2, 0], "Vostochny; Seoul and Pyongyang; unresolved Zürich");
    let mut out = Vec::new();
    write_documents(Format::GeoJson, &[summit_document()], &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let types: Vec<String> = value["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["geometry"]["type"].as_str().unwrap_or("null").to_owned())
        .collect();
    assert_eq!(types, ["Point", "MultiPoint", "null", "Point", "Point", "Point"]);
}

#[test]
fn jsonl_has_one_line_per_document_with_character_offsets() {
    let documents = [summit_document(), seoul_document(), empty_document()];
    let mut out = Vec::new();
    write_documents(Format::Jsonl, &documents, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<JsonlDocument> =
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    for (doc, line) in documents.iter().zip(&lines) {
        assert_eq!(line.id, doc.name);
        assert_eq!(line.text, doc.text);
        assert_eq!(line.date, doc.date);
        assert_eq!(line.mentions.len(), doc.mentions.len());
        for (m, original) in line.mentions.iter().zip(&doc.mentions) {
            assert_eq!(chars(&doc.text, m.start, m.end), m.text);
            assert_eq!(m.place.as_ref().map(|p| p.id), original.place.as_ref().map(|p| p.id));
            assert_eq!(m.alternatives.len(), original.alternatives.len());
        }
        for t in &line.timexes {
            assert_eq!(chars(&doc.text, t.start, t.end), t.text);
        }
        for e in &line.events {
            let sentence = chars(&doc.text, e.start, e.end);
            assert!(sentence.contains(&chars(&doc.text, e.trigger.start, e.trigger.end)));
        }
    }
    let summit = &lines[0];
    assert_eq!(summit.mentions[1].text, "Сеул");
    assert_eq!((summit.mentions[1].start, summit.mentions[1].end), (13, 17));
    assert_eq!(summit.mentions[3].place, None, "unresolved Zürich is kept");
    assert_eq!(summit.mentions[3].reason.as_deref(), Some("no candidate in the gazetteer"));
    assert_eq!(summit.events[0].id, "summit/ру.txt#e0");
    assert_eq!(summit.events[0].actors, ["Kim", "Putin"]);
    assert_eq!(summit.timexes[0].value, "2023-09-13");
    let raw: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(raw["timexes"][0]["type"], "DATE");
    assert_eq!(raw["mentions"][1]["place"]["lat"], 37.566);
    assert_eq!(raw["mentions"][1]["alternatives"][0]["id"], "geonames:1871859");
}

#[test]
fn csv_has_a_row_per_mention_with_its_sentence() {
    let documents = [summit_document(), seoul_document()];
    let mut out = Vec::new();
    write_documents(Format::Csv, &documents, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "document");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    let seoul_row = &rows[1];
    assert_eq!(&seoul_row[column("text")], "Сеул");
    assert_eq!(&seoul_row[column("start")], "13");
    assert_eq!(&seoul_row[column("place_id")], "geonames:1835848");
    assert_eq!(&seoul_row[column("lat")], "37.566");
    assert_eq!(&seoul_row[column("lon")], "126.9784");
    assert!(seoul_row[column("sentence")].ends_with("13 September 2023."));
    let zurich_row = &rows[3];
    assert_eq!(&zurich_row[column("place_id")], "", "unresolved: empty place columns");
    assert_eq!(&zurich_row[column("reason")], "no candidate in the gazetteer");
    assert_eq!(&rows[7][column("document")], "seoul.txt");
}

#[test]
fn a_geojson_file_written_atomically_reads_back_from_disk() {
    let dir = Dir::new();
    let path = dir.join("batch.geojson");
    newsmap::export::write_atomic::<_, newsmap::export::Error>(&path, |w| {
        write_documents(Format::GeoJson, &[summit_document()], w)
    })
    .unwrap();
    let collection = geojson::read_path(&path).unwrap();
    assert_eq!(collection.places.len(), 3);
    let missing = geojson::read_path(&dir.join("missing.geojson")).unwrap_err();
    assert!(missing.to_string().ends_with("missing.geojson"));
}

/// GDAL is what GIS tools read GeoJSON with: mixed Point/MultiPoint/null geometries and
/// list-valued properties must load without a warning. `.ci/run` installs `ogrinfo`
/// (Debian `gdal-bin`); elsewhere the test says it was skipped.
#[test]
fn gdal_reads_the_geojson_without_warnings() {
    let dir = Dir::new();
    let path = dir.join("batch.geojson");
    let file = std::fs::File::create(&path).unwrap();
    write_documents(Format::GeoJson, &[summit_document(), seoul_document()], file).unwrap();
    let output = match std::process::Command::new("ogrinfo").arg("-al").arg(&path).output() {
        Ok(output) => output,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("ogrinfo not found: GDAL check skipped (install gdal-bin)");
            return;
        }
        Err(err) => panic!("ogrinfo is required in CI: {err}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("Warning") && !stderr.contains("ERROR"), "{stderr}");
    assert!(stdout.contains("Feature Count: 7"), "{stdout}");
    assert!(stdout.contains("MULTIPOINT ((126.9784 37.566),(125.75432 39.03385))"), "{stdout}");
    assert!(stdout.contains("feature_type (String) = place"), "{stdout}");
}
