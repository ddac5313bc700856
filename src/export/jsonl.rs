//! JSON Lines: one object per document with its mentions, events and time expressions.

use std::io::Write;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Error;
use super::records::{PlaceRecord, event_actor_names, event_id, event_places};
use crate::model::{
    ActorKind, DateSource, Document, EventKind, Granularity, MentionKind, PlaceId, TimexType,
};
use crate::text::CharOffsets;

/// One line of the JSONL export (field meanings in `docs/formats.md`).
///
/// All `start`/`end` pairs are character (Unicode scalar value) offsets into the document
/// text, end exclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlDocument {
    /// The document's name: its path, or its JSONL input `id`.
    pub id: String,
    /// The document's date (`YYYY-MM-DD`), or null when unknown.
    pub date: Option<NaiveDate>,
    /// Where the date came from: given, dateline, inferred or unknown.
    pub date_source: DateSource,
    /// The text all offsets index into: for HTML and Markdown inputs the rendered text, which
    /// a reader of the export could not otherwise reconstruct.
    pub text: String,
    /// Place mentions, by offset.
    pub mentions: Vec<JsonlMention>,
    /// Events, by sentence.
    pub events: Vec<JsonlEvent>,
    /// Time expressions, by offset.
    pub timexes: Vec<JsonlTimex>,
    /// People and organisations.
    pub actors: Vec<JsonlActor>,
    /// Relative locations ("180 km north of Blagoveschensk").
    pub relative_locations: Vec<JsonlRelativeLocation>,
}

/// A character range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A place mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlMention {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// toponym, demonym or descriptive.
    pub kind: MentionKind,
    /// The chosen place, or null when the resolver abstained (see `reason`).
    pub place: Option<PlaceRecord>,
    /// Confidence in `place`, 0 to 1.
    pub score: f32,
    /// Runners-up, best first.
    pub alternatives: Vec<JsonlAlternative>,
    /// How the choice was made, or why there is none.
    pub reason: Option<String>,
}

/// A runner-up candidate: a place and its score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlAlternative {
    /// The place.
    #[serde(flatten)]
    pub place: PlaceRecord,
    /// Its score, 0 to 1.
    pub score: f32,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlEvent {
    /// Batch-wide id, `<document>#e<index>`.
    pub id: String,
    /// meeting, communication, report, ...
    pub kind: EventKind,
    /// First day, or null when undated.
    pub date_start: Option<NaiveDate>,
    /// Last day (inclusive), or null.
    pub date_end: Option<NaiveDate>,
    /// The words the date came from.
    pub date_text: Option<String>,
    /// day, month, year, ...; null when undated.
    pub granularity: Option<Granularity>,
    /// Short summary.
    pub summary: String,
    /// Names of the people and organisations taking part.
    pub actors: Vec<String>,
    /// Distinct places of its mentions.
    pub place_ids: Vec<PlaceId>,
    /// Indices into this line's `mentions`.
    pub mentions: Vec<u32>,
    /// First character of its sentence.
    pub start: usize,
    /// One past the last character of its sentence.
    pub end: usize,
    /// The words that signal it ("held a summit").
    pub trigger: CharSpan,
}

/// A time expression, TIMEX3-style.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlTimex {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value ("2023-09-13", "P3D", "PRESENT_REF").
    pub value: String,
    /// First day of the denoted interval, when anchored.
    pub date_start: Option<NaiveDate>,
    /// Last day (inclusive), when anchored.
    pub date_end: Option<NaiveDate>,
    /// Precision of the value, for dates.
    pub granularity: Option<Granularity>,
}

/// A person or organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlActor {
    /// Canonical name.
    pub name: String,
    /// person or organisation.
    pub kind: ActorKind,
    /// Every span naming it.
    pub spans: Vec<CharSpan>,
}

/// A latitude and longitude in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A place described relative to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonlRelativeLocation {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// Index into `mentions` of the place it is measured from.
    pub anchor_mention: u32,
    /// Index into `mentions` of the place it describes, if any.
    pub target_mention: Option<u32>,
    /// Stated distance, km.
    pub distance_km: f64,
    /// Relative uncertainty of the distance.
    pub distance_tolerance: f64,
    /// Bearing from the anchor, degrees clockwise from north.
    pub bearing_deg: f64,
    /// Half-width of the bearing's wedge, degrees.
    pub bearing_spread_deg: f64,
    /// The implied point, when the anchor is resolved.
    pub implied: Option<LatLon>,
}

impl JsonlDocument {
    /// The export record of a document.
    pub fn from_document(document: &Document) -> Self {
        let offsets = CharOffsets::new(&document.text);
        let mentions = document
            .mentions
            .iter()
            .map(|m| {
                let (start, end) = offsets.span(m.span);
                JsonlMention {
                    start,
                    end,
                    text: m.text.clone(),
                    kind: m.kind,
                    place: m.place.as_ref().map(PlaceRecord::from),
                    score: m.score,
                    alternatives: m
                        .alternatives
                        .iter()
                        .map(|c| JsonlAlternative { place: (&c.place).into(), score: c.score })
                        .collect(),
                    reason: m.reason.clone(),
                }
            })
            .collect();
        let events = document
            .events
            .iter()
            .map(|e| {
                let (start, end) = offsets.span(e.sentence);
                let (trigger_start, trigger_end) = offsets.span(e.trigger);
                JsonlEvent {
                    id: event_id(&document.name, e.id),
                    kind: e.kind,
                    date_start: e.date.as_ref().map(|d| d.start),
                    date_end: e.date.as_ref().map(|d| d.end),
                    date_text: e.date.as_ref().map(|d| d.text.clone()),
                    granularity: e.date.as_ref().map(|d| d.granularity),
                    summary: e.summary.clone(),
                    actors: event_actor_names(document, e),
                    place_ids: event_places(document, e).iter().map(|p| p.id).collect(),
                    mentions: e.mentions.iter().map(|m| m.0).collect(),
                    start,
                    end,
                    trigger: CharSpan { start: trigger_start, end: trigger_end },
                }
            })
            .collect();
        let timexes = document
            .timexes
            .iter()
            .map(|t| {
                let (start, end) = offsets.span(t.span);
                JsonlTimex {
                    start,
                    end,
                    text: t.text.clone(),
                    timex_type: t.timex_type,
                    value: t.value.clone(),
                    date_start: t.interval.map(|(first, _)| first),
                    date_end: t.interval.map(|(_, last)| last),
                    granularity: t.granularity,
                }
            })
            .collect();
        let actors = document
            .actors
            .iter()
            .map(|a| JsonlActor {
                name: a.name.clone(),
                kind: a.kind,
                spans: a
                    .spans
                    .iter()
                    .map(|s| {
                        let (start, end) = offsets.span(*s);
                        CharSpan { start, end }
                    })
                    .collect(),
            })
            .collect();
        let relative_locations = document
            .relative_locations
            .iter()
            .map(|r| {
                let (start, end) = offsets.span(r.span);
                JsonlRelativeLocation {
                    start,
                    end,
                    text: r.text.clone(),
                    anchor_mention: r.anchor.0,
                    target_mention: r.target.map(|m| m.0),
                    distance_km: r.distance_km,
                    distance_tolerance: r.distance_tolerance,
                    bearing_deg: r.bearing_deg,
                    bearing_spread_deg: r.bearing_spread_deg,
                    implied: r.implied.map(|p| LatLon { lat: p.y(), lon: p.x() }),
                }
            })
            .collect();
        Self {
            id: document.name.clone(),
            date: document.date,
            date_source: document.date_source,
            text: document.text.clone(),
            mentions,
            events,
            timexes,
            actors,
            relative_locations,
        }
    }
}

/// A document's line, with its newline (see [`JsonlWriter::write_rendered`]).
///
/// # Errors
/// When a value cannot be encoded.
pub fn render(document: &Document) -> Result<Vec<u8>, Error> {
    let mut line =
        serde_json::to_vec(&JsonlDocument::from_document(document)).map_err(Error::Json)?;
    line.push(b'\n');
    Ok(line)
}

/// Writes one [`JsonlDocument`] per line.
pub struct JsonlWriter<W: Write> {
    writer: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer over `writer`.
    pub fn new(writer: W) -> Self {
        Self { writer }
    }

    /// Writes a document's line.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_document(&mut self, document: &Document) -> Result<(), Error> {
        let record = JsonlDocument::from_document(document);
        serde_json::to_writer(&mut self.writer, &record).map_err(Error::Json)?;
        self.writer.write_all(b"\n").map_err(Error::Write)
    }

    /// Writes a line made by [`render`].
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_rendered(&mut self, line: &[u8]) -> Result<(), Error> {
        self.writer.write_all(line).map_err(Error::Write)
    }

    /// Flushes the output.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> Result<(), Error> {
        self.writer.flush().map_err(Error::Write)
    }
}
