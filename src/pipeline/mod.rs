//! The extraction pipeline: text in, places, times and events out.
//!
//! PLACEHOLDER during bring-up: stages (recognize, resolve, timex, events) are added here.

use std::sync::Arc;

use crate::gazetteer::Gazetteer;
use crate::model::{DateSource, Document, DocumentInput, Span};

/// Runs every stage over a document. Cheap to clone and `Send + Sync`: one pipeline serves
/// all worker threads.
#[derive(Clone, Debug)]
pub struct Pipeline {
    gazetteer: Arc<Gazetteer>,
}

impl Pipeline {
    /// A pipeline over a loaded gazetteer.
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Self { gazetteer }
    }

    /// The gazetteer this pipeline resolves against.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Processes one document. Never fails: what cannot be resolved is kept with a reason.
    pub fn process(&self, input: DocumentInput) -> Document {
        self.run(input, None)
    }

    /// Processes one document whose place mentions are already known (`spans`), resolving
    /// only those. Used to measure resolution apart from recognition ("gold toponyms").
    pub fn process_with_spans(&self, input: DocumentInput, spans: &[Span]) -> Document {
        self.run(input, Some(spans))
    }

    fn run(&self, input: DocumentInput, _given_spans: Option<&[Span]>) -> Document {
        Document {
            name: input.name,
            text: input.text,
            date: input.date,
            date_source: if input.date.is_some() { DateSource::Given } else { DateSource::Unknown },
            sentences: Vec::new(),
            mentions: Vec::new(),
            timexes: Vec::new(),
            actors: Vec::new(),
            relative_locations: Vec::new(),
            events: Vec::new(),
        }
    }
}
