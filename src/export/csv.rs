//! CSV: one row per place mention, for spreadsheets.

use std::io::Write;

use serde::Serialize;

use super::Error;
use crate::model::{Document, MentionKind, PlaceId, PlaceKind};
use crate::text::CharOffsets;

/// The header row: [`Row`]'s fields, in order.
const HEADER: [&str; 17] = [
    "document",
    "start",
    "end",
    "text",
    "mention_kind",
    "place_id",
    "name",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "score",
    "reason",
    "sentence_start",
    "sentence_end",
    "sentence",
];

/// One CSV row (columns as in [`HEADER`]; see `docs/formats.md`).
#[derive(Serialize)]
struct Row<'a> {
    document: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    mention_kind: MentionKind,
    place_id: Option<PlaceId>,
    name: Option<&'a str>,
    kind: Option<PlaceKind>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    score: f32,
    reason: Option<&'a str>,
    sentence_start: Option<usize>,
    sentence_end: Option<usize>,
    sentence: Option<&'a str>,
}

/// Writes one row per mention, with a header row.
///
/// Rows are rendered per document ([`render`]), so that a worker thread can do it and the
/// writer only copies bytes.
pub(crate) struct CsvWriter<W: Write> {
    writer: W,
    header_written: bool,
}

impl<W: Write> CsvWriter<W> {
    pub(crate) fn new(writer: W) -> Self {
        Self { writer, header_written: false }
    }

    fn write_header(&mut self) -> Result<(), Error> {
        if !self.header_written {
            let mut header = csv::Writer::from_writer(Vec::new());
            header.write_record(HEADER).map_err(Error::Csv)?;
            let bytes = header.into_inner().map_err(|e| Error::Write(e.into_error()))?;
            self.writer.write_all(&bytes).map_err(Error::Write)?;
            self.header_written = true;
        }
        Ok(())
    }

    pub(crate) fn write_document(&mut self, document: &Document) -> Result<(), Error> {
        self.write_rendered(&render(document)?)
    }

    /// Writes rows made by [`render`].
    pub(crate) fn write_rendered(&mut self, rows: &[u8]) -> Result<(), Error> {
        self.write_header()?;
        self.writer.write_all(rows).map_err(Error::Write)
    }

    /// Writes the header even for an empty batch, so the file is always a valid table.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.write_header()?;
        self.writer.flush().map_err(Error::Write)
    }
}

/// A document's rows, without the header.
pub(crate) fn render(document: &Document) -> Result<Vec<u8>, Error> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    let offsets = CharOffsets::new(&document.text);
    for mention in &document.mentions {
        let (start, end) = offsets.span(mention.span);
        let place = mention.place.as_ref();
        let sentence = document.sentence_of(mention.span);
        let sentence_chars = sentence.map(|s| offsets.span(s));
        let row = Row {
            document: &document.name,
            start,
            end,
            text: &mention.text,
            mention_kind: mention.kind,
            place_id: place.map(|p| p.id),
            name: place.map(|p| &*p.name),
            kind: place.map(|p| p.kind),
            country: place.and_then(|p| p.country.as_deref()),
            admin1: place.and_then(|p| p.admin1.as_deref()),
            lat: place.map(|p| p.lat()),
            lon: place.map(|p| p.lon()),
            score: mention.score,
            reason: mention.reason.as_deref(),
            sentence_start: sentence_chars.map(|(s, _)| s),
            sentence_end: sentence_chars.map(|(_, e)| e),
            sentence: sentence.and_then(|s| s.text(&document.text)),
        };
        writer.serialize(row).map_err(Error::Csv)?;
    }
    writer.into_inner().map_err(|e| Error::Write(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_names_every_column_of_a_row_in_order() {
        let mut out = csv::Writer::from_writer(Vec::new());
        let row = Row {
            document: "d",
            start: 0,
            end: 1,
            text: "x",
            mention_kind: MentionKind::Toponym,
            place_id: None,
            name: None,
            kind: None,
            country: None,
            admin1: None,
            lat: None,
            lon: None,
            score: 0.0,
            reason: None,
            sentence_start: None,
            sentence_end: None,
            sentence: None,
        };
        out.serialize(row).unwrap();
        let written = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(written.lines().next().unwrap(), HEADER.join(","));
    }

    #[test]
    fn an_empty_batch_still_has_a_header() {
        let mut out = Vec::new();
        CsvWriter::new(&mut out).finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("{}\n", HEADER.join(",")));
    }
}
