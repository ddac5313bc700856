//! UI frame time with 10,000 places and 1,000 events loaded, measured headless: one egui pass
//! of the whole app (layout, map markers with clustering, lists, timeline, text) plus
//! tessellation, without a GPU. Target: <= 16 ms per frame.
//!
//! Run: `cargo bench --bench ui`.
#![allow(missing_docs)] // criterion's macros generate undocumented public functions.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use newsmap::gui::{AppOptions, NewsmapApp};
use newsmap::model::{
    DateRange, DateSource, Document, Event, EventId, EventKind, Granularity, Mention, MentionId,
    MentionKind, Place, PlaceId, PlaceKind, Span,
};

const PLACES: usize = 10_000;
const EVENTS: usize = 1_000;

/// A document with `PLACES` distinct places spread over the land of the world (a
/// deterministic pseudo-random walk) and `EVENTS` events over eighty years.
fn synthetic_document() -> Document {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 1_000_000) as f64 / 1_000_000.0
    };
    let kinds = [PlaceKind::City, PlaceKind::Country, PlaceKind::Admin1, PlaceKind::Facility];
    for i in 0..PLACES {
        let name = format!("Place{i}");
        let start = text.len();
        text.push_str(&name);
        text.push_str(if i % 12 == 11 { ".\n\n" } else { ", " });
        let place = Place {
            id: PlaceId::geonames(i as u64 + 1),
            name: name.as_str().into(),
            kind: kinds[i % kinds.len()],
            country: Some("XX".into()),
            admin1: None,
            population: 0,
            position: geo_types::Point::new(next() * 340.0 - 170.0, next() * 130.0 - 60.0),
        };
        mentions.push(Mention {
            id: MentionId(i as u32),
            span: Span::new(start, start + name.len()),
            text: name,
            kind: MentionKind::Toponym,
            place: Some(place),
            score: 0.5 + next() as f32 * 0.5,
            alternatives: Vec::new(),
            reason: None,
        });
    }
    let base = NaiveDate::from_ymd_opt(1945, 1, 1).unwrap_or_default();
    let events = (0..EVENTS)
        .map(|i| {
            let day = base + chrono::Days::new((next() * 28_000.0) as u64);
            let m = (i * 10) as u32;
            let span = mentions[m as usize].span;
            Event {
                id: EventId(i as u32),
                kind: EventKind::Other,
                summary: format!("Synthetic event {i}"),
                date: (i % 10 != 0).then(|| DateRange {
                    start: day,
                    end: day,
                    granularity: Granularity::Day,
                    text: String::new(),
                }),
                mentions: vec![MentionId(m), MentionId(m + 1)],
                actors: Vec::new(),
                trigger: span,
                sentence: span,
            }
        })
        .collect();
    Document {
        name: "synthetic.txt".into(),
        text,
        date: None,
        date_source: DateSource::Unknown,
        sentences: Vec::new(),
        mentions,
        timexes: Vec::new(),
        actors: Vec::new(),
        relative_locations: Vec::new(),
        events,
    }
}

fn frame(c: &mut Criterion) {
    let document = synthetic_document();
    let processor: newsmap::gui::jobs::Processor = Arc::new(move |_| Ok(document.clone()));
    let mut app =
        NewsmapApp::new(AppOptions { processor: Some(processor), ..AppOptions::default() });
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..egui::RawInput::default()
    };
    // Let the document arrive and the basemap settle.
    let deadline = Instant::now() + Duration::from_secs(30);
    while (app.state.parsing_count() > 0 || app.state.catalog.places.len() < PLACES)
        && Instant::now() < deadline
    {
        drop(ctx.run_ui(input(), |ui| app.ui(ui)));
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(app.state.catalog.places.len(), PLACES);
    assert_eq!(app.state.catalog.events.len(), EVENTS);
    for _ in 0..50 {
        drop(ctx.run_ui(input(), |ui| app.ui(ui)));
    }

    let mut group = c.benchmark_group("ui");
    group.sample_size(30).measurement_time(Duration::from_secs(10));
    group.bench_function("frame_10k_places_1k_events", |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
            assert!(!primitives.is_empty());
            primitives.len()
        });
    });
    // A world-wide view: every place on screen, clustering does the work.
    app.apply(newsmap::gui::command::Command::FitAll);
    drop(ctx.run_ui(input(), |ui| app.ui(ui)));
    group.bench_function("frame_10k_places_fitted_world", |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point).len()
        });
    });
    // A selected place: the text view's highlight layout and the linked lists update.
    let id = app.state.catalog.places[0].place.id;
    app.apply(newsmap::gui::command::Command::Select(newsmap::gui::Item::Place(id)));
    group.bench_function("frame_10k_places_with_selection", |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point).len()
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
