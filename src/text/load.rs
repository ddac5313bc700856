//! Loading documents from files and streams: size limit, decoding, HTML and Markdown.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::decode::{DecodeError, decode, decode_declared_html};
use super::{html, markdown};
use crate::model::DocumentInput;

/// Largest input accepted by default, in bytes (50 MiB).
///
/// A news article is a few kilobytes; anything this large is a mistake (a dump, a video) and
/// would only exhaust memory. Checked before reading, so a huge file costs nothing.
pub const DEFAULT_SIZE_LIMIT_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be loaded as a document.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Not UTF-8 text, e.g. a Latin-1 file: convert it (`iconv -f latin1 -t utf-8`).
    #[error("not UTF-8 text (invalid byte at offset {offset}): {path}")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// The file.
        path: PathBuf,
    },
    /// Starts with a UTF-16 byte-order mark but is not valid UTF-16 (often truncated).
    #[error("invalid UTF-16 text (at byte offset {offset}): {path}")]
    BadUtf16 {
        /// Byte offset of the first invalid code unit.
        offset: usize,
        /// The file.
        path: PathBuf,
    },
    /// Binary data (NUL bytes or mostly control characters): an image, PDF or archive.
    #[error("binary file, not text: {path}")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// Larger than the size limit; news articles are kilobytes.
    #[error("file is {size_bytes} bytes, over the {limit_bytes}-byte limit: {path}")]
    TooLarge {
        /// Size of the file (or of what was read before giving up, for a stream).
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
        /// The file.
        path: PathBuf,
    },
    /// A directory was given where a file was expected.
    #[error("is a directory, not a file: {path}")]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The operating system refused: missing file, no permission, I/O error.
    #[error("could not read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

/// How a document's bytes are marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Plain text, used as is.
    Text,
    /// Markdown: rendered to its words (see [`markdown_to_text`](super::markdown_to_text)).
    Markdown,
    /// HTML: rendered to its words (see [`html_to_text`](super::html_to_text)).
    Html,
}

impl SourceFormat {
    /// The format a file extension implies, or `None` for an unknown extension.
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            _ => return None,
        })
    }

    /// The format of `path` by its extension, `None` when unknown.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension().and_then(|e| e.to_str()).and_then(Self::from_extension)
    }

    /// Guesses HTML or plain text from the content, for streams and unknown extensions.
    ///
    /// Markdown is not guessed: read as plain text it keeps its words, which is what counts.
    pub fn sniff(text: &str) -> Self {
        let head: String =
            text.trim_start().chars().take(64).collect::<String>().to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || (head.starts_with("<?xml") && text.contains("<html"))
        {
            Self::Html
        } else {
            Self::Text
        }
    }
}

/// Loads a file as a document: `.txt`, `.md`/`.markdown`, `.html`/`.htm`; any other file is
/// read as text when it decodes (HTML recognised by its content).
///
/// Text must be UTF-8 or UTF-16 with a byte-order mark; HTML may also use the legacy
/// charset its head declares. The document's name is the path as given. HTML pages also give the document date from
/// their publication metadata when present.
///
/// # Errors
/// [`LoadError`] for a missing or unreadable file, a directory, a file over
/// [`DEFAULT_SIZE_LIMIT_BYTES`], binary data or text that is not UTF-8 (or UTF-16 with a
/// byte-order mark).
pub fn load_path(path: &Path) -> Result<DocumentInput, LoadError> {
    load_path_with_limit(path, DEFAULT_SIZE_LIMIT_BYTES)
}

/// [`load_path`] with a size limit in bytes.
///
/// # Errors
/// As [`load_path`].
pub fn load_path_with_limit(path: &Path, limit_bytes: u64) -> Result<DocumentInput, LoadError> {
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    let metadata = fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory { path: path.to_owned() });
    }
    if metadata.len() > limit_bytes {
        return Err(LoadError::TooLarge {
            size_bytes: metadata.len(),
            limit_bytes,
            path: path.to_owned(),
        });
    }
    let file = fs::File::open(path).map_err(io)?;
    let bytes = read_limited(file, limit_bytes, path)?;
    load_bytes(&path.display().to_string(), &bytes, SourceFormat::from_path(path), path)
}

/// Loads a document from a stream (standard input), reading at most `limit_bytes`.
///
/// The format is sniffed from the content (HTML or plain text). `path` names the stream in
/// errors (e.g. `<stdin>`) and becomes the document's name.
///
/// # Errors
/// As [`load_path`].
pub fn load_reader(
    reader: impl Read,
    path: &Path,
    limit_bytes: u64,
) -> Result<DocumentInput, LoadError> {
    let bytes = read_limited(reader, limit_bytes, path)?;
    load_bytes(&path.display().to_string(), &bytes, None, path)
}

/// True when `bytes` are HTML by their format, or by their start when the format is unknown.
fn may_be_html(bytes: &[u8], format: Option<SourceFormat>) -> bool {
    match format {
        Some(format) => format == SourceFormat::Html,
        None => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
            SourceFormat::sniff(&head) == SourceFormat::Html
        }
    }
}

/// Reads at most `limit_bytes` (one more to tell that there was more).
fn read_limited(reader: impl Read, limit_bytes: u64, path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
    if bytes.len() as u64 > limit_bytes {
        return Err(LoadError::TooLarge {
            size_bytes: bytes.len() as u64,
            limit_bytes,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Decodes and renders bytes already in memory. `format` `None` means sniff the content.
///
/// # Errors
/// [`LoadError::NotUtf8`], [`LoadError::BadUtf16`] or [`LoadError::Binary`], naming `path`.
pub fn load_bytes(
    name: &str,
    bytes: &[u8],
    format: Option<SourceFormat>,
    path: &Path,
) -> Result<DocumentInput, LoadError> {
    let decoded = match decode(bytes) {
        // Legacy-charset HTML declares its charset; plain text has no such declaration.
        Err(DecodeError::NotUtf8 { offset }) if may_be_html(bytes, format) => {
            decode_declared_html(bytes)
                .map(|text| (text, Some(SourceFormat::Html)))
                .ok_or(DecodeError::NotUtf8 { offset })
        }
        other => other.map(|text| (text, format)),
    };
    let (text, format) = decoded.map_err(|err| match err {
        DecodeError::NotUtf8 { offset } => LoadError::NotUtf8 { offset, path: path.to_owned() },
        DecodeError::BadUtf16 { offset } => LoadError::BadUtf16 { offset, path: path.to_owned() },
        DecodeError::Binary => LoadError::Binary { path: path.to_owned() },
    })?;
    let format = format.unwrap_or_else(|| SourceFormat::sniff(&text));
    let (text, date) = match format {
        SourceFormat::Text => (text, None),
        SourceFormat::Markdown => (markdown::markdown_to_text(&text), None),
        SourceFormat::Html => {
            let page = html::render_html(&text);
            (page.text, page.published)
        }
    };
    Ok(DocumentInput { name: name.to_owned(), text, date })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    #[test]
    fn a_text_file_loads_as_is_under_its_path() {
        let (_dir, path) = temp_file("a.txt", "Seoul, Oct 12 (EFE).- Text.".as_bytes());
        let doc = load_path(&path).unwrap();
        assert_eq!(doc.text, "Seoul, Oct 12 (EFE).- Text.");
        assert_eq!(doc.name, path.display().to_string());
        assert_eq!(doc.date, None);
    }

    #[test]
    fn html_and_markdown_files_are_rendered_to_their_words() {
        let (_d1, html) = temp_file("a.htm", b"<p>North &amp; South</p><script>x()</script>");
        assert_eq!(load_path(&html).unwrap().text, "North & South");
        let (_d2, md) = temp_file("a.md", b"# Seoul\n\nA [link](http://x) here.");
        assert_eq!(load_path(&md).unwrap().text, "Seoul\n\nA link here.");
    }

    #[test]
    fn an_unknown_extension_is_read_as_text_or_sniffed_html() {
        let (_d1, plain) = temp_file("a.story", b"Plain words.");
        assert_eq!(load_path(&plain).unwrap().text, "Plain words.");
        let (_d2, page) = temp_file("a.story", b"<!DOCTYPE html><title>T</title><p>Body</p>");
        assert_eq!(load_path(&page).unwrap().text, "T\n\nBody");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let (_dir, path) = temp_file("big.txt", &[b'a'; 100]);
        let err = load_path_with_limit(&path, 10).unwrap_err();
        assert!(matches!(err, LoadError::TooLarge { size_bytes: 100, limit_bytes: 10, .. }));
        assert!(err.to_string().ends_with("big.txt"), "{err}");
    }

    #[test]
    fn a_stream_over_the_limit_is_refused() {
        let err = load_reader(&[b'a'; 100][..], Path::new("<stdin>"), 10).unwrap_err();
        assert_eq!(err.to_string(), "file is 11 bytes, over the 10-byte limit: <stdin>");
    }

    #[test]
    fn errors_name_the_problem_then_the_path() {
        let (_d1, latin1) = temp_file("latin1.txt", b"Z\xFCrich");
        assert_eq!(
            load_path(&latin1).unwrap_err().to_string(),
            format!("not UTF-8 text (invalid byte at offset 1): {}", latin1.display())
        );
        let (_d2, png) = temp_file("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        assert!(matches!(load_path(&png), Err(LoadError::Binary { .. })));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(load_path(dir.path()), Err(LoadError::IsDirectory { .. })));
        let missing = dir.path().join("missing.txt");
        let err = load_path(&missing).unwrap_err();
        assert!(matches!(err, LoadError::Io { .. }));
        assert!(err.to_string().ends_with("missing.txt"));
    }

    #[test]
    fn legacy_charset_html_is_decoded_but_legacy_text_is_refused() {
        let page = b"<html><head><meta charset=iso-8859-1><title>Z\xFCrich</title></head></html>";
        let doc = load_bytes("p", page, Some(SourceFormat::Html), Path::new("p.html")).unwrap();
        assert_eq!(doc.text, "Zürich");
        let sniffed = load_bytes("p", page, None, Path::new("p")).unwrap();
        assert_eq!(sniffed.text, "Zürich");
        let text = load_bytes("t", page, Some(SourceFormat::Text), Path::new("t.txt"));
        assert!(matches!(text, Err(LoadError::NotUtf8 { .. })));
    }

    #[test]
    fn html_publication_dates_become_the_document_date() {
        let page = br#"<html><head><meta property="article:published_time"
            content="2023-10-12T09:30:00+09:00"></head><body><p>Text</p></body></html>"#;
        let doc = load_bytes("p", page, Some(SourceFormat::Html), Path::new("p")).unwrap();
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2023, 10, 12));
    }
}
