use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Actor, Event, Mention, Place, PlaceId, RelativeLocation, Span, Timex};

/// Raw input to the pipeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentInput {
    /// Caller's name for the document: a file path or a JSONL `id`.
    pub name: String,
    /// The text, already decoded (HTML stripped, see [`crate::text`]).
    pub text: String,
    /// The creation date when the caller knows it (JSONL `date`); otherwise inferred.
    pub date: Option<NaiveDate>,
}

/// Where a document's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the caller.
    Given,
    /// Read from the dateline ("Seoul, Oct 12 (EFE).-") with the year inferred from the text.
    Dateline,
    /// Inferred from explicit dates in the text.
    Inferred,
    /// Unknown: relative expressions stay unanchored.
    Unknown,
}

/// A processed document: text plus everything found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Caller's name (file path or JSONL id).
    pub name: String,
    /// The full text that all spans index into.
    pub text: String,
    /// The document's creation date, used to anchor "Thursday" and "last month".
    pub date: Option<NaiveDate>,
    /// How `date` was found.
    pub date_source: DateSource,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Place mentions, sorted by offset.
    pub mentions: Vec<Mention>,
    /// Time expressions, sorted by offset.
    pub timexes: Vec<Timex>,
    /// People and organisations.
    pub actors: Vec<Actor>,
    /// Relative location expressions ("180 km north of ...").
    pub relative_locations: Vec<RelativeLocation>,
    /// Events, sorted by sentence offset.
    pub events: Vec<Event>,
}

impl Document {
    /// The distinct resolved places with the mentions that chose each, sorted by place id.
    pub fn places(&self) -> BTreeMap<PlaceId, (&Place, Vec<&Mention>)> {
        let mut out: BTreeMap<PlaceId, (&Place, Vec<&Mention>)> = BTreeMap::new();
        for mention in &self.mentions {
            if let Some(place) = &mention.place {
                out.entry(place.id).or_insert_with(|| (place, Vec::new())).1.push(mention);
            }
        }
        out
    }

    /// The sentence that contains `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end_byte <= span.start_byte);
        self.sentences.get(i).copied().filter(|s| s.contains(&span) || s.overlaps(&span))
    }
}
