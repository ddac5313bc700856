//! Whole-app flows, driven through the real widgets with egui_kittest (headless, no GPU).

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use newsmap::gui::command::{Command, DateWindow, ExportKind, Item};
use newsmap::gui::panels::text_view::Strength;
use newsmap::gui::{AppOptions, NewsmapApp};

use super::fixtures::{SECOND_ARTICLE, fixture_processor, kyiv, seoul, vostochny};

/// A file dropped on the window, as the native integration reports it.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The app on the sample (fixture documents), with settings neither read nor written.
fn harness(files: Vec<std::path::PathBuf>) -> Harness<'static, NewsmapApp> {
    let app = NewsmapApp::new(AppOptions {
        files,
        processor: Some(fixture_processor()),
        ..AppOptions::default()
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    wait_until(&mut harness, "documents parsed", |app| {
        app.state.parsing_count() == 0 && !app.state.documents.is_empty()
    });
    harness
}

/// Steps the app (background jobs run in real time) until `done` or a 10-second timeout.
/// Types into the places search box, as a user looking for a place would.
fn search(harness: &mut Harness<'static, NewsmapApp>, text: &str) {
    harness.get_by_label("Search").focus();
    harness.get_by_label("Search").type_text(text);
    harness.run_steps(3);
}

/// The text of every mention the text view shows strong (the selection's).
fn strong_texts<'a>(app: &NewsmapApp, text: &'a str) -> Vec<&'a str> {
    app.text_cache
        .highlights()
        .iter()
        .filter(|h| h.strength == Strength::Selected)
        .map(|h| h.span.text(text).unwrap())
        .collect()
}

fn wait_until(
    harness: &mut Harness<'static, NewsmapApp>,
    what: &str,
    done: impl Fn(&NewsmapApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(3);
}

#[test]
fn selecting_seoul_in_the_places_list_highlights_its_mentions_in_the_text() {
    let mut harness = harness(Vec::new());
    let seoul_mentions = harness.state().state.catalog.place(seoul().id).unwrap().mentions.len();
    assert!(seoul_mentions >= 1);

    search(&mut harness, "seo");
    harness.get_by_role_and_label(Role::Button, "Seoul").click();
    harness.run_steps(4);

    let app = harness.state();
    assert_eq!(app.state.selection, Some(Item::Place(seoul().id)));
    let text = &app.state.shown_document(app.state.text_doc.unwrap()).unwrap().text;
    let strong = strong_texts(app, text);
    assert_eq!(strong, vec!["Seoul"; seoul_mentions], "exactly Seoul's mentions are strong");
    let normal =
        app.text_cache.highlights().iter().filter(|h| h.strength == Strength::Normal).count();
    assert!(normal > 5, "the other places stay highlighted normally");
}

#[test]
fn selecting_the_2023_09_13_event_selects_vostochny() {
    let mut harness = harness(Vec::new());
    harness.get_by_label("Putin and Kim Jong Un met at the Vostochny cosmodrome").click();
    harness.run_steps(4);

    let app = harness.state();
    let Some(Item::Event(doc, event)) = app.state.selection else { panic!("an event is selected") };
    let entry = app.state.catalog.event(doc, event).unwrap();
    assert_eq!(entry.date.as_ref().unwrap().start.to_string(), "2023-09-13");
    assert!(app.state.selected_places().contains(&vostochny().id));
    // Its sentence is shown in the event card and Vostochny is strong in the text.
    let text = &app.state.shown_document(doc).unwrap().text;
    assert!(
        app.text_cache
            .highlights()
            .iter()
            .any(|h| h.strength == Strength::Selected && h.span.text(text) == Some("Vostochny"))
    );
    // The event card above the text repeats the summary.
    assert_eq!(
        harness.get_all_by_label("Putin and Kim Jong Un met at the Vostochny cosmodrome").count(),
        2
    );
}

#[test]
fn arrow_keys_step_through_events_and_escape_clears() {
    let mut harness = harness(Vec::new());
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    let first = harness.state().state.selection;
    let Some(Item::Event(doc, event)) = first else { panic!("first event selected: {first:?}") };
    let date = harness.state().state.catalog.event(doc, event).unwrap().date.clone().unwrap();
    assert_eq!(date.start.to_string(), "1945-01-01", "the oldest event comes first");
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_ne!(harness.state().state.selection, first);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selection, None);
}

#[test]
fn opening_a_second_document_adds_its_places() {
    let mut harness = harness(Vec::new());
    let before = harness.state().state.catalog.places.len();
    assert!(harness.state().state.catalog.place(kyiv().id).is_none());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odesa.txt");
    std::fs::write(&path, SECOND_ARTICLE).unwrap();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(DroppedPath(path)));
    wait_until(&mut harness, "second document parsed", |app| {
        app.state.documents.len() == 2 && app.state.parsing_count() == 0
    });

    let catalog = &harness.state().state.catalog;
    assert_eq!(catalog.places.len(), before + 2);
    assert!(catalog.place(kyiv().id).is_some());
    search(&mut harness, "ky");
    harness.get_by_role_and_label(Role::Button, "Kyiv");
    harness.get_by_label("odesa.txt");

    // Hiding the new document removes its places again.
    harness.get_by_label("Show odesa.txt").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.catalog.places.len(), before);
}

/// Drops the second fixture article on the window and waits until it is parsed.
fn open_second_document(harness: &mut Harness<'static, NewsmapApp>, dir: &std::path::Path) {
    let path = dir.join("odesa.txt");
    std::fs::write(&path, SECOND_ARTICLE).unwrap();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(DroppedPath(path)));
    wait_until(harness, "second document parsed", |app| {
        app.state.documents.len() == 2 && app.state.parsing_count() == 0
    });
}

#[test]
fn the_filtered_places_list_follows_new_documents_and_the_time_window() {
    let mut harness = harness(Vec::new());
    search(&mut harness, "k");
    harness.get_by_role_and_label(Role::Button, "North Korea");
    assert!(harness.query_by_label("Kyiv").is_none());

    // A new document shows its matching places under the same filter.
    let dir = tempfile::tempdir().unwrap();
    open_second_document(&mut harness, dir.path());
    harness.get_by_role_and_label(Role::Button, "Kyiv");

    // A time window around the shelling keeps only the places of events inside it.
    let day = chrono::NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    harness.state_mut().apply(Command::SetTimeWindow(Some(DateWindow::between(day, day))));
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Kyiv");
    assert!(harness.query_by_label("North Korea").is_none());
    harness.state_mut().apply(Command::SetTimeWindow(None));
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "North Korea");
}

#[test]
fn a_second_document_shows_on_the_timeline_and_in_the_text_view() {
    let mut harness = harness(Vec::new());
    let sample_events = harness.state().state.catalog.events.len();
    let dir = tempfile::tempdir().unwrap();
    open_second_document(&mut harness, dir.path());
    assert_eq!(harness.state().state.catalog.events.len(), sample_events + 1);
    harness.get_by_label("Timeline: Shelling hit the port of Odesa");

    // Its text and counts replace the sample's in the text view.
    harness.get_by_label("odesa.txt").click();
    harness.run_steps(3);
    harness.get_by_label_contains("2 places · 1 events");
    let text_doc = harness.state().state.text_doc.unwrap();
    assert_eq!(harness.state().state.shown_document(text_doc).unwrap().text, SECOND_ARTICLE);

    // Clicking its dot on the timeline selects the event and strengthens both its places.
    harness.get_by_label("Timeline: Shelling hit the port of Odesa").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(matches!(app.state.selection, Some(Item::Event(d, _)) if d == text_doc));
    let strong = strong_texts(app, SECOND_ARTICLE);
    assert_eq!(strong, vec!["Kyiv", "Odesa", "Odesa"]);
}

#[test]
fn export_writes_geojson_with_the_shown_features() {
    let mut harness = harness(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shown.geojson");
    // The save dialog is native; the command it leads to is the same.
    harness.state_mut().apply(Command::Export(ExportKind::GeoJson, path.clone()));
    wait_until(&mut harness, "export written", |app| !app.state.exporting);

    // It reads back with the same reader as `newsmap extract -f geojson` output.
    let collection = newsmap::export::geojson::read_path(&path).unwrap();
    let state = &harness.state().state;
    let mut exported: Vec<&str> =
        collection.places.iter().map(|p| p.properties.name.as_str()).collect();
    let mut shown: Vec<&str> = state.catalog.places.iter().map(|p| &*p.place.name).collect();
    exported.sort_unstable();
    shown.sort_unstable();
    assert_eq!(exported, shown);
    assert_eq!(collection.events.len(), state.catalog.events.len());
    assert!(state.notice.as_ref().unwrap().text.contains("Exported"));
}

#[test]
fn clicking_a_map_marker_selects_its_place() {
    let mut harness = harness(Vec::new());
    // Going to Seoul from the list zooms in far enough that it is no longer clustered with
    // Pyongyang.
    search(&mut harness, "seoul");
    harness.get_by_role_and_label(Role::Button, "Seoul").click();
    harness.run_steps(10);
    harness.state_mut().apply(Command::ClearSelection);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selection, None);
    harness.get_by_label("Marker: Seoul").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.selection, Some(Item::Place(seoul().id)));
}

#[test]
fn typing_in_the_search_box_filters_the_places_list() {
    let mut harness = harness(Vec::new());
    search(&mut harness, "pyong");
    assert_eq!(harness.state().state.place_filter, "pyong");
    harness.get_by_role_and_label(Role::Button, "Pyongyang");
    assert!(harness.query_by_label("Moscow").is_none());
}

/// The app as a user starts it: the sample parsed by the real pipeline and gazetteer.
fn real_pipeline_harness() -> Harness<'static, NewsmapApp> {
    let app = NewsmapApp::new(AppOptions::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().state.shown.is_empty() {
        assert!(Instant::now() < deadline, "timed out parsing the sample");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
    harness
}

#[test]
fn with_the_real_pipeline_selecting_seoul_highlights_its_mention_in_the_sample() {
    let mut harness = real_pipeline_harness();
    search(&mut harness, "seoul");
    harness.get_by_role_and_label(Role::Button, "Seoul").click();
    harness.run_steps(4);

    let app = harness.state();
    let seoul_id =
        app.state.catalog.places.iter().find(|p| &*p.place.name == "Seoul").unwrap().place.id;
    assert_eq!(app.state.selection, Some(Item::Place(seoul_id)));
    let text = &app.state.shown_document(app.state.text_doc.unwrap()).unwrap().text;
    let strong = strong_texts(app, text);
    assert!(!strong.is_empty() && strong.iter().all(|t| *t == "Seoul"), "{strong:?}");
}

#[test]
fn with_the_real_pipeline_selecting_the_2023_09_13_event_selects_vostochny() {
    let mut harness = real_pipeline_harness();
    // The summit's row in the event list, found by its summary as the pipeline wrote it.
    let summary = {
        let catalog = &harness.state().state.catalog;
        let summit = catalog
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.start.to_string() == "2023-09-13"));
        summit.expect("the sample has an event on 2023-09-13").summary.clone()
    };
    harness.get_all_by_label(&summary).next().expect("the summit is listed").click();
    harness.run_steps(4);

    let app = harness.state();
    let Some(Item::Event(doc, event)) = app.state.selection else { panic!("an event is selected") };
    let entry = app.state.catalog.event(doc, event).unwrap();
    assert_eq!(entry.date.as_ref().unwrap().start.to_string(), "2023-09-13");
    let vostochny_id = app
        .state
        .catalog
        .places
        .iter()
        .find(|p| &*p.place.name == "Vostochny Cosmodrome")
        .unwrap()
        .place
        .id;
    assert!(app.state.selected_places().contains(&vostochny_id));
    let text = &app.state.shown_document(doc).unwrap().text;
    let strong = strong_texts(app, text);
    assert!(strong.iter().any(|t| t.starts_with("Vostochny")), "{strong:?}");
}
