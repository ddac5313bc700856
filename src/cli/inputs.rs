//! Turning command-line inputs into documents to process: directory walks, files, standard
//! input, and JSON lines.

use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use newsmap::model::DocumentInput;
use newsmap::text::{self, DEFAULT_SIZE_LIMIT_BYTES, SourceFormat};
use walkdir::WalkDir;

use super::args::Input;

/// The name standard input goes by in messages and output.
pub const STDIN_NAME: &str = "<stdin>";

/// Something that yields documents: a file or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file (given, or found in a directory).
    File(PathBuf),
}

impl Source {
    /// How the source is named in messages.
    pub fn display_name(&self) -> String {
        match self {
            Self::Stdin => STDIN_NAME.to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }
}

/// Expands inputs into sources, in order: a directory becomes its files (recursively,
/// sorted by name, hidden entries skipped, only extensions the mode reads); files given
/// explicitly are always kept, whatever their extension, so a missing one is reported when
/// it is read. Walk errors go to `report`.
pub fn expand(
    inputs: &[Input],
    jsonl_input: bool,
    mut report: impl FnMut(anyhow::Error),
) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                sources.push(Source::Stdin);
                continue;
            }
            Input::Path(path) => path,
        };
        if !path.is_dir() {
            sources.push(Source::File(path.clone()));
            continue;
        }
        let walk = WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if is_wanted(entry.path(), jsonl_input) {
                        sources.push(Source::File(entry.into_path()));
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err.path().unwrap_or(path).display().to_string();
                    report(anyhow::Error::new(err).context(format!("could not walk {at}")));
                }
            }
        }
    }
    sources
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Files a directory walk picks up: articles, or JSON lines with `--jsonl-input`.
fn is_wanted(path: &Path, jsonl_input: bool) -> bool {
    if jsonl_input {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        matches!(extension.as_deref(), Some("jsonl" | "ndjson"))
    } else {
        SourceFormat::from_path(path).is_some()
    }
}

/// Loads a whole source as one document.
pub fn load(source: &Source) -> anyhow::Result<DocumentInput> {
    Ok(match source {
        Source::Stdin => {
            text::load_reader(io::stdin().lock(), Path::new(STDIN_NAME), DEFAULT_SIZE_LIMIT_BYTES)?
        }
        Source::File(path) => text::load_path(path)?,
    })
}

/// Opens a source for reading JSON lines.
pub fn open_lines(source: &Source) -> anyhow::Result<Box<dyn BufRead>> {
    Ok(match source {
        Source::Stdin => Box::new(io::BufReader::new(io::stdin())),
        Source::File(path) => {
            if path.is_dir() {
                anyhow::bail!("is a directory, not a file: {}", path.display());
            }
            let file = std::fs::File::open(path)
                .with_context(|| format!("could not read {}", path.display()))?;
            Box::new(io::BufReader::new(file))
        }
    })
}

/// One line of a JSON lines input.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A complete line, without its line ending.
    Text(String),
    /// A line that is not UTF-8.
    NotUtf8,
    /// A line over the size limit (skipped up to its end).
    TooLong,
}

/// Reads the next line of at most `limit_bytes`; `None` at the end of the input.
///
/// # Errors
/// When reading fails.
pub fn next_line(reader: &mut dyn BufRead, limit_bytes: u64) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let read = io::Read::take(&mut *reader, limit_bytes + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() as u64 > limit_bytes {
        // Skip the rest of the overlong line.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = io::Read::take(&mut *reader, 1 << 20).read_until(b'\n', &mut rest)?;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
        return Ok(Some(Line::TooLong));
    }
    Ok(Some(String::from_utf8(bytes).map_or(Line::NotUtf8, Line::Text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_without_endings_and_overlong_ones_skipped() {
        let data = b"{\"a\":1}\r\nxxxxxxxxxxxxxxxx\n\xff\nlast";
        let mut reader = io::BufReader::new(&data[..]);
        let mut lines = Vec::new();
        while let Some(line) = next_line(&mut reader, 10).unwrap() {
            lines.push(line);
        }
        assert_eq!(
            lines,
            [
                Line::Text("{\"a\":1}".into()),
                Line::TooLong,
                Line::NotUtf8,
                Line::Text("last".into())
            ]
        );
    }

    #[test]
    fn directories_expand_to_sorted_visible_article_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.hidden")).unwrap();
        for name in ["b/z.md", "b/a.html", "a.txt", "notes.pdf", ".secret.txt", "b/.hidden/x.txt"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let sources = expand(&[Input::Path(root.to_owned())], false, |e| panic!("{e}"));
        let names: Vec<_> = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Source::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/a.html", "b/z.md"]);
    }
}
