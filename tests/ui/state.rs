//! `AppState::apply`: every user action, tested without a window.

use std::path::PathBuf;
use std::sync::Arc;

use newsmap::gui::command::{
    BasemapChoice, Command, DateWindow, DocId, Effect, ExportKind, Item, JobResult, Source,
};
use newsmap::gui::state::{AppState, MapRequest};

use super::fixtures::{SECOND_ARTICLE, kyiv, sample_document, second_document, seoul, vostochny};

fn parsed(state: &mut AppState, doc: DocId, document: newsmap::model::Document) {
    state.apply(Command::Job(JobResult::Parsed { doc, result: Ok(Arc::new(document)) }));
}

/// A state with the sample parsed.
fn with_sample() -> AppState {
    let mut state = AppState::default();
    let effects = state.apply(Command::OpenSample);
    assert_eq!(effects, vec![Effect::Parse(DocId(0), Source::Sample)]);
    parsed(&mut state, DocId(0), sample_document());
    state
}

#[test]
fn the_first_parsed_document_fits_the_map_to_its_places() {
    let state = with_sample();
    let (serial, MapRequest::Fit(points)) = &state.map_request else {
        panic!("{:?}", state.map_request)
    };
    assert!(*serial > 0);
    assert_eq!(points.len(), state.catalog.places.len());
    assert_eq!(state.text_doc, Some(DocId(0)));
}

#[test]
fn selecting_a_mention_selects_its_place_and_remembers_the_mention() {
    let mut state = with_sample();
    let doc = state.shown_document(DocId(0)).unwrap().clone();
    let mention = doc.mentions.iter().find(|m| m.text == "Seoul").unwrap().id;
    state.apply(Command::Select(Item::Mention(DocId(0), mention)));
    assert_eq!(state.selection, Some(Item::Place(seoul().id)));
    assert_eq!(state.focused_mention, Some(Item::Mention(DocId(0), mention)));
    state.apply(Command::FlyTo(Item::Mention(DocId(0), mention)));
    assert_eq!(state.map_request.1, MapRequest::Centre(seoul().position, 7.0));
}

#[test]
fn selecting_an_event_scrolls_the_text_to_its_sentence_and_highlights_its_places() {
    let mut state = with_sample();
    let summit =
        state.catalog.events.iter().find(|e| e.summary.contains("Vostochny")).unwrap().item();
    let before = state.scroll_request.0;
    state.apply(Command::Select(summit));
    assert!(state.scroll_request.0 > before);
    assert!(state.is_highlighted(Item::Place(vostochny().id)));
    assert!(!state.is_highlighted(Item::Place(seoul().id)));
    state.apply(Command::FlyTo(summit));
    assert!(matches!(&state.map_request.1, MapRequest::Fit(points) if points.len() == 5));
}

#[test]
fn the_time_window_filters_events_and_drops_a_selection_outside_it() {
    let mut state = with_sample();
    let defeat = state.catalog.events.iter().find(|e| e.summary.contains("Japan")).unwrap().item();
    state.apply(Command::Select(defeat));
    let window = DateWindow::between(
        chrono::NaiveDate::from_ymd_opt(2023, 10, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2023, 9, 1).unwrap(),
    );
    state.apply(Command::SetTimeWindow(Some(window)));
    assert_eq!(state.selection, None, "1945 is outside September–October 2023");
    let shown: Vec<&str> = state
        .catalog
        .places
        .iter()
        .filter(|p| state.catalog.place_is_in(p, state.time_window))
        .map(|p| &*p.place.name)
        .collect();
    assert!(shown.contains(&"Vostochny Cosmodrome"));
    assert!(!shown.contains(&"Japan"));
    state.apply(Command::StepEvent(1));
    let Some(Item::Event(d, e)) = state.selection else { panic!() };
    assert_eq!(state.catalog.event(d, e).unwrap().date.as_ref().unwrap().text, "13 September 2023");
}

#[test]
fn undated_events_come_last_in_both_orders() {
    let state = with_sample();
    for order in [
        newsmap::gui::command::EventOrder::OldestFirst,
        newsmap::gui::command::EventOrder::NewestFirst,
    ] {
        let events = state.catalog.events_in_order(order);
        assert!(events.last().unwrap().date.is_none());
        assert!(events[..events.len() - 1].iter().all(|e| e.date.is_some()));
    }
}

#[test]
fn a_document_that_fails_to_load_is_listed_with_its_reason() {
    let mut state = AppState::default();
    state.apply(Command::Open(vec![PathBuf::from("/tmp/photo.pdf")]));
    state.apply(Command::Job(JobResult::Parsed {
        doc: DocId(0),
        result: Err("not UTF-8 text".into()),
    }));
    assert!(
        matches!(&state.documents[0].status, newsmap::gui::state::DocStatus::Failed(r) if r == "not UTF-8 text")
    );
    assert!(state.notice.as_ref().unwrap().text.contains("photo.pdf"));
    assert_eq!(state.settings.recent_files, vec![PathBuf::from("/tmp/photo.pdf")]);
}

#[test]
fn a_document_closed_while_parsing_is_dropped_when_its_result_arrives() {
    let mut state = with_sample();
    state.apply(Command::Open(vec![PathBuf::from("odesa.txt")]));
    state.apply(Command::Close(DocId(1)));
    parsed(&mut state, DocId(1), second_document("odesa.txt", SECOND_ARTICLE));
    assert!(state.catalog.place(kyiv().id).is_none());
    assert_eq!(state.documents.len(), 1);
}

#[test]
fn hiding_a_document_removes_its_places_and_a_selection_of_them() {
    let mut state = with_sample();
    state.apply(Command::Open(vec![PathBuf::from("odesa.txt")]));
    parsed(&mut state, DocId(1), second_document("odesa.txt", SECOND_ARTICLE));
    state.apply(Command::Select(Item::Place(kyiv().id)));
    assert_eq!(state.text_doc, Some(DocId(1)), "the text viewer shows where Kyiv is mentioned");
    state.apply(Command::SetVisible(DocId(1), false));
    assert!(state.catalog.place(kyiv().id).is_none());
    assert_eq!(state.selection, None);
    assert_eq!(state.text_doc, Some(DocId(0)));
}

#[test]
fn only_one_export_runs_at_a_time() {
    let mut state = with_sample();
    let first = state.apply(Command::Export(ExportKind::GeoJson, PathBuf::from("a.geojson")));
    assert!(matches!(first.as_slice(), [Effect::WriteGeoJson(_, docs)] if docs.len() == 1));
    let second = state.apply(Command::Export(ExportKind::GeoJson, PathBuf::from("b.geojson")));
    assert!(second.is_empty());
    state.apply(Command::Job(JobResult::Exported {
        kind: ExportKind::GeoJson,
        path: "a.geojson".into(),
        result: Ok(3),
    }));
    assert!(!state.exporting);
}

#[test]
fn recent_files_are_newest_first_without_repeats() {
    let mut state = AppState::default();
    for name in ["a.txt", "b.txt", "a.txt"] {
        state.apply(Command::Open(vec![PathBuf::from(name)]));
    }
    assert_eq!(state.settings.recent_files, vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")]);
    state.apply(Command::SetBasemap(BasemapChoice::OpenStreetMap));
    assert_eq!(state.settings.basemap, BasemapChoice::OpenStreetMap);
}
