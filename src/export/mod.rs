//! Exporters: GeoJSON, JSONL and CSV (formats in `docs/formats.md`), written atomically.
//!
//! All three stream: an [`Exporter`] takes one [`Document`] at a time, so a batch never has
//! to be held in memory (GeoJSON keeps only the merged places until [`Exporter::finish`]).
//! Offsets are exported as character (Unicode scalar value) offsets, converted from the
//! model's byte spans with [`crate::text::CharOffsets`].

mod atomic;
mod csv;
pub mod geojson;
pub mod jsonl;
mod records;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use atomic::write_atomic;
pub use records::{PlaceRecord, event_id};

use crate::model::Document;

/// Errors from writing or reading an export.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Creating, syncing or renaming the output file failed (disk full, no permission).
    #[error("could not write {path}")]
    File {
        /// The output file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: io::Error,
    },
    /// Writing to the output stream failed (a closed pipe, a full disk).
    #[error("could not write the output")]
    Write(#[source] io::Error),
    /// A value could not be encoded as JSON.
    #[error("could not encode JSON")]
    Json(#[source] serde_json::Error),
    /// The CSV writer failed.
    #[error("could not write CSV")]
    Csv(#[source] ::csv::Error),
    /// The GeoJSON writer failed.
    #[error("could not write GeoJSON")]
    GeoJson(#[source] ::geojson::Error),
}

impl Error {
    /// True when the output was a pipe whose reader went away (`newsmap extract | head`):
    /// the CLI then stops quietly, like other Unix tools.
    pub fn is_broken_pipe(&self) -> bool {
        let kind = match self {
            Self::File { source, .. } | Self::Write(source) => Some(source.kind()),
            Self::Json(err) => err.io_error_kind(),
            Self::Csv(err) => match err.kind() {
                ::csv::ErrorKind::Io(err) => Some(err.kind()),
                _ => None,
            },
            Self::GeoJson(::geojson::Error::Io(err)) => Some(err.kind()),
            Self::GeoJson(::geojson::Error::MalformedGeoJson(err)) => err.io_error_kind(),
            Self::GeoJson(_) => None,
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// One RFC 7946 FeatureCollection: a Point per place, a feature per event. The default:
    /// it opens in GIS tools and the app as it is.
    #[default]
    GeoJson,
    /// One JSON object per document and line, with every mention, event and time expression.
    Jsonl,
    /// One row per place mention, for spreadsheets.
    Csv,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 3] = [Format::GeoJson, Format::Jsonl, Format::Csv];

    /// The format's name on the command line ("geojson", "jsonl", "csv").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GeoJson => "geojson",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
        }
    }

    /// The format an output file name implies: `.geojson`/`.json`, `.jsonl`/`.ndjson`, `.csv`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "geojson" | "json" => Self::GeoJson,
            "jsonl" | "ndjson" => Self::Jsonl,
            "csv" => Self::Csv,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a string is not a [`Format`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?} (expected geojson, jsonl or csv)")]
pub struct FormatParseError(pub String);

impl FromStr for Format {
    type Err = FormatParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| FormatParseError(s.to_owned()))
    }
}

/// Writes documents one at a time in any [`Format`]. Call [`Exporter::finish`] at the end:
/// GeoJSON writes its place features there and every format flushes.
pub struct Exporter<W: Write> {
    inner: Inner<W>,
}

enum Inner<W: Write> {
    GeoJson(geojson::GeoJsonWriter<W>),
    Jsonl(jsonl::JsonlWriter<W>),
    // Boxed: the CSV writer carries its own buffer state inline.
    Csv(Box<csv::CsvWriter<W>>),
}

impl<W: Write> Exporter<W> {
    /// An exporter writing `format` to `writer` (buffer it: exporters write small pieces).
    pub fn new(format: Format, writer: W) -> Self {
        let inner = match format {
            Format::GeoJson => Inner::GeoJson(geojson::GeoJsonWriter::new(writer)),
            Format::Jsonl => Inner::Jsonl(jsonl::JsonlWriter::new(writer)),
            Format::Csv => Inner::Csv(Box::new(csv::CsvWriter::new(writer))),
        };
        Self { inner }
    }

    /// Adds one document.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_document(&mut self, document: &Document) -> Result<(), Error> {
        match &mut self.inner {
            Inner::GeoJson(w) => w.write_document(document),
            Inner::Jsonl(w) => w.write_document(document),
            Inner::Csv(w) => w.write_document(document),
        }
    }

    /// Adds one document rendered by [`render`] in this exporter's format, so that the
    /// rendering can run on the thread that processed the document.
    ///
    /// # Errors
    /// When writing fails, or `rendered` is of another format.
    pub fn write_rendered(&mut self, rendered: &Rendered) -> Result<(), Error> {
        match (&mut self.inner, rendered) {
            (Inner::Jsonl(w), Rendered { format: Format::Jsonl, bytes }) => w.write_rendered(bytes),
            (Inner::Csv(w), Rendered { format: Format::Csv, bytes }) => w.write_rendered(bytes),
            (_, Rendered { format, .. }) => Err(Error::Write(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("a document rendered as {format} was given to another format's exporter"),
            ))),
        }
    }

    /// Completes the output and flushes it.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self) -> Result<(), Error> {
        match self.inner {
            Inner::GeoJson(w) => w.finish(),
            Inner::Jsonl(w) => w.finish(),
            Inner::Csv(w) => w.finish(),
        }
    }
}

/// One document's output in a streaming format, made by [`render`] for
/// [`Exporter::write_rendered`].
#[derive(Clone, Debug)]
pub struct Rendered {
    format: Format,
    bytes: Vec<u8>,
}

impl Rendered {
    /// The bytes that will be written.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Renders one document as `format`'s bytes, or `None` for GeoJSON: its place features
/// gather the mentions of every document, so only the exporter can write them.
///
/// Serialising is a good part of a batch's work; rendering on the worker that processed the
/// document lets the writer thread only copy bytes, so batches scale with cores.
///
/// # Errors
/// When a value cannot be encoded.
pub fn render(format: Format, document: &Document) -> Result<Option<Rendered>, Error> {
    let bytes = match format {
        Format::GeoJson => return Ok(None),
        Format::Jsonl => jsonl::render(document)?,
        Format::Csv => csv::render(document)?,
    };
    Ok(Some(Rendered { format, bytes }))
}

/// Writes a whole batch in one call.
///
/// # Errors
/// When writing fails.
pub fn write_documents<'a, W: Write>(
    format: Format,
    documents: impl IntoIterator<Item = &'a Document>,
    writer: W,
) -> Result<(), Error> {
    let mut exporter = Exporter::new(format, writer);
    for document in documents {
        exporter.write_document(document)?;
    }
    exporter.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_names_and_file_extensions() {
        assert_eq!("GeoJSON".parse(), Ok(Format::GeoJson));
        assert_eq!("csv".parse(), Ok(Format::Csv));
        assert_eq!(
            "xml".parse::<Format>().unwrap_err().to_string(),
            "unknown format \"xml\" (expected geojson, jsonl or csv)"
        );
        assert_eq!(Format::from_path(Path::new("out.NDJSON")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("out.txt")), None);
    }

    #[test]
    fn a_closed_pipe_is_recognised_through_every_writer() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(Error::Write(pipe()).is_broken_pipe());
        assert!(Error::Json(serde_json::Error::io(pipe())).is_broken_pipe());
        assert!(Error::GeoJson(::geojson::Error::Io(pipe())).is_broken_pipe());
        assert!(!Error::Write(io::Error::from(io::ErrorKind::StorageFull)).is_broken_pipe());
    }

    #[test]
    fn documents_rendered_on_workers_write_the_same_bytes_as_the_exporter() {
        let gazetteer = crate::gazetteer::Gazetteer::embedded().unwrap();
        let input = crate::model::DocumentInput {
            name: "kim.txt".into(),
            text: crate::SAMPLE_ARTICLE.into(),
            date: None,
        };
        let doc = crate::pipeline::Pipeline::new(gazetteer).process(input);
        assert!(!doc.mentions.is_empty());
        for format in [Format::Jsonl, Format::Csv] {
            let mut direct = Vec::new();
            write_documents(format, [&doc, &doc], &mut direct).unwrap();
            let mut rendered = Vec::new();
            let mut exporter = Exporter::new(format, &mut rendered);
            for _ in 0..2 {
                exporter.write_rendered(&render(format, &doc).unwrap().unwrap()).unwrap();
            }
            exporter.finish().unwrap();
            assert_eq!(String::from_utf8(rendered), String::from_utf8(direct), "{format}");
        }
        // GeoJSON gathers places across documents: only its exporter writes them.
        assert!(render(Format::GeoJson, &doc).unwrap().is_none());
        let csv = render(Format::Csv, &doc).unwrap().unwrap();
        assert!(Exporter::new(Format::Jsonl, Vec::new()).write_rendered(&csv).is_err());
    }
}
