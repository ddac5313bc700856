//! Reading the gold geoparsing corpora (one JSON document per line).

use std::io::BufRead as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

/// One gold document: `{"id", "text", "toponyms": [...], "meta": {...}}`.
#[derive(Debug, Deserialize)]
pub struct GoldDocument {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// One annotated toponym, with character (Unicode scalar) offsets.
#[derive(Debug, Deserialize)]
pub struct GoldToponym {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// GeoWebNews only: Literal, Metonymic, Non_Literal_Modifier, ...
    #[serde(rename = "type")]
    pub toponym_type: Option<String>,
}

/// Reads a corpus file, failing with the line number on a malformed line.
pub fn read(path: &Path) -> anyhow::Result<Vec<GoldDocument>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDocument = serde_json::from_str(&line)
            .with_context(|| format!("line {} of {}", i + 1, path.display()))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// A baseline system's recognised spans for one document (character offsets).
#[derive(Debug, Deserialize)]
pub struct BaselineDocument {
    pub id: String,
    pub spans: Vec<BaselineSpan>,
}

/// One recognised span of a baseline system.
#[derive(Debug, Deserialize)]
pub struct BaselineSpan {
    pub start: usize,
    pub end: usize,
}

/// Reads a baseline's spans (`{"id", "spans": [{"start", "end", ...}]}` per line).
pub fn read_baseline(path: &Path) -> anyhow::Result<Vec<BaselineDocument>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("line {} of {}", i + 1, path.display()))
        })
        .collect()
}
