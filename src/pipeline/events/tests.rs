// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::{Document, DocumentInput, Event, EventKind};
use crate::pipeline::Pipeline;

fn process(text: &str, date: Option<(i32, u32, u32)>) -> Document {
    let pipeline = Pipeline::new(Gazetteer::embedded().unwrap());
    pipeline.process(DocumentInput {
        name: "test".into(),
        text: text.into(),
        date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    })
}

fn places(doc: &Document, e: &Event) -> Vec<String> {
    e.mentions
        .iter()
        .filter_map(|m| doc.mentions[m.index()].place.as_ref())
        .map(|p| p.name.to_string())
        .collect()
}

fn actors(doc: &Document, e: &Event) -> Vec<String> {
    e.actors.iter().map(|a| doc.actors[a.index()].name.clone()).collect()
}

fn of_kind(doc: &Document, kind: EventKind) -> Vec<&Event> {
    doc.events.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn a_date_in_an_aside_belongs_to_the_event_in_that_aside() {
    let doc = process(
        "Since then, Pyongyang and Moscow – which had assumed control of the Korean peninsula \
         after Japan's defeat in 1945 – have marked the date.",
        None,
    );
    let defeat = of_kind(&doc, EventKind::Conflict);
    assert_eq!(defeat.len(), 1, "{:#?}", doc.events);
    let date = defeat[0].date.as_ref().unwrap();
    assert_eq!((date.start.to_string(), date.text.as_str()), ("1945-01-01".into(), "1945"));
    assert!(places(&doc, defeat[0]).contains(&"Japan".to_owned()));
    assert!(!places(&doc, defeat[0]).contains(&"Moscow".to_owned()));
}

#[test]
fn attribution_lends_its_source_and_date_to_the_happening() {
    let doc = process(
        "North Korean leader Kim Jong Un and Russian President Vladimir Putin exchanged \
         congratulatory messages, state news agency KCNA reported on Thursday.",
        Some((2023, 10, 13)),
    );
    assert_eq!(doc.events.len(), 1, "{:#?}", doc.events);
    let e = &doc.events[0];
    assert_eq!(e.kind, EventKind::Communication);
    assert_eq!(e.date.as_ref().unwrap().start.to_string(), "2023-10-12");
    let who = actors(&doc, e);
    assert!(who.contains(&"KCNA".to_owned()) && who.iter().any(|a| a.contains("Putin")), "{who:?}");
    // No place is named: the leaders' countries stand in.
    let mut where_ = places(&doc, e);
    where_.sort();
    assert_eq!(where_, ["North Korea", "Russia"]);
    assert!(e.summary.contains("exchanged congratulatory messages"), "{}", e.summary);
}

#[test]
fn a_summit_referred_to_with_the_makes_no_event_of_its_own() {
    let doc = process("The details of the summit have not been revealed.", None);
    assert!(doc.events.is_empty(), "{:#?}", doc.events);
    let doc = process("The two leaders held a summit in Geneva on 16 June 2021.", None);
    let meetings = of_kind(&doc, EventKind::Meeting);
    assert_eq!(meetings.len(), 1);
    assert_eq!(places(&doc, meetings[0]), ["Geneva"]);
    assert_eq!(meetings[0].summary, "The two leaders held a summit in Geneva");
}

#[test]
fn the_same_meeting_told_twice_is_one_event_at_its_most_precise() {
    let doc = process(
        "President Joe Biden met Vladimir Putin in Geneva on 16 June 2021.\n\n\
         The two leaders had met in June in Switzerland, officials recalled.",
        None,
    );
    let meetings = of_kind(&doc, EventKind::Meeting);
    assert_eq!(meetings.len(), 1, "{:#?}", doc.events);
    assert_eq!(meetings[0].date.as_ref().unwrap().start.to_string(), "2021-06-16");
    // Switzerland only contains Geneva: the map shows where it happened.
    assert_eq!(places(&doc, meetings[0]), ["Geneva"]);
}

#[test]
fn meetings_in_different_places_stay_apart() {
    let doc = process(
        "Joe Biden met Xi Jinping in Bali on 14 November 2022.\n\n\
         Biden met Vladimir Putin in Geneva in June 2021.",
        None,
    );
    assert_eq!(of_kind(&doc, EventKind::Meeting).len(), 2, "{:#?}", doc.events);
}

#[test]
fn what_could_happen_is_not_an_event() {
    let doc = process("The ministers could meet in Paris next week.", Some((2024, 3, 1)));
    assert!(of_kind(&doc, EventKind::Meeting).is_empty(), "{:#?}", doc.events);
    let doc = process("The ministers did not meet in Paris.", None);
    assert!(of_kind(&doc, EventKind::Meeting).is_empty(), "{:#?}", doc.events);
}

#[test]
fn a_relative_pronoun_brings_its_place_to_the_event() {
    let doc = process(
        "On Oct. 12, 1948, the Soviet Union became the first nation to recognize the \
         Democratic People's Republic of Korea – the official name of North Korea – which had \
         proclaimed its independence a month earlier.",
        None,
    );
    let proclaimed = of_kind(&doc, EventKind::Political);
    assert_eq!(proclaimed.len(), 1, "{:#?}", doc.events);
    assert_eq!(places(&doc, proclaimed[0]), ["North Korea"]);
    assert_eq!(proclaimed[0].date.as_ref().unwrap().start.to_string(), "1948-09-01");
    let recognition = of_kind(&doc, EventKind::Agreement);
    assert_eq!(recognition.len(), 1);
    assert_eq!(recognition[0].date.as_ref().unwrap().start.to_string(), "1948-10-12");
}

#[test]
fn an_undated_statement_needs_a_place_as_its_subject() {
    let doc = process("Kim said he hoped for good relations.", None);
    assert!(doc.events.is_empty(), "{:#?}", doc.events);
    let doc = process("The US and South Korea have strongly objected to the deal.", None);
    let statements = of_kind(&doc, EventKind::Statement);
    assert_eq!(statements.len(), 1, "{:#?}", doc.events);
    assert_eq!(
        statements[0].summary,
        "United States and South Korea have strongly objected to the deal"
    );
}

#[test]
fn a_noun_trigger_opening_a_sentence_is_an_imperative() {
    let doc = process("Call the office in Fargo on Monday.", Some((2009, 3, 20)));
    assert!(doc.events.is_empty(), "{:#?}", doc.events);
}

#[test]
fn hearsay_about_a_thing_is_not_a_statement() {
    let doc = process("Said to date from 1790, the house in New Orleans was sold.", None);
    assert!(of_kind(&doc, EventKind::Statement).is_empty(), "{:#?}", doc.events);
    let doc = process("The Britain-based monitor says 24 civilians were hurt.", None);
    assert!(of_kind(&doc, EventKind::Statement).is_empty(), "{:#?}", doc.events);
}

#[test]
fn event_spans_lie_inside_their_sentences() {
    let doc = process(crate::SAMPLE_ARTICLE, None);
    assert!(!doc.events.is_empty());
    for e in &doc.events {
        assert!(e.sentence.contains(&e.trigger), "{e:#?}");
        assert!(e.trigger.text(&doc.text).is_some());
        assert!(
            e.mentions.windows(2).all(|w| w[0] < w[1]) && e.actors.windows(2).all(|w| w[0] < w[1])
        );
    }
}
