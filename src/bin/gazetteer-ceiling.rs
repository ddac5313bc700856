//! The gazetteer's ceiling on gold geoparsing corpora: for each gold toponym, is any
//! candidate that a lookup of its surface text returns within 161 km (100 miles) of the gold
//! point? No resolver can score above this share.
//!
//! ```text
//! cargo run --release --features build-tools --bin gazetteer-ceiling -- --corpora DIR [--gazetteer FILE]
//! ```
//!
//! Reads `DIR/{LGL,GeoWebNews,GeoVirus,WikToR}.jsonl` (those present): one document per line,
//! `{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon", ...}]}`. Prints one row
//! per corpus: toponyms, share with any candidate, share with a candidate within 161 km, and the
//! same through exact-key matches only.

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use newsmap::gazetteer::{Gazetteer, MatchKind, distance_km};
use newsmap::model::Position;
use serde::Deserialize;

/// The accuracy threshold of the geoparsing literature (100 miles).
const THRESHOLD_KM: f64 = 161.0;
const CORPORA: [&str; 4] = ["LGL", "GeoWebNews", "GeoVirus", "WikToR"];

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    toponyms: Vec<Toponym>,
}

#[derive(Deserialize)]
struct Toponym {
    name: String,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Default)]
struct Tally {
    toponyms: u64,
    any: u64,
    within: u64,
    exact_within: u64,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gazetteer-ceiling: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let mut corpora: Option<PathBuf> = None;
    let mut gazetteer_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpora" => corpora = args.next().map(PathBuf::from),
            "--gazetteer" => gazetteer_path = args.next().map(PathBuf::from),
            _ => bail!("usage: gazetteer-ceiling --corpora DIR [--gazetteer FILE]"),
        }
    }
    let Some(corpora) = corpora else {
        bail!("usage: gazetteer-ceiling --corpora DIR [--gazetteer FILE]")
    };
    let gazetteer = match gazetteer_path {
        Some(path) => std::sync::Arc::new(Gazetteer::open(&path)?),
        None => Gazetteer::embedded()?,
    };
    println!(
        "| corpus | toponyms | any candidate | candidate within 161 km | exact key within 161 km |"
    );
    println!("|---|---:|---:|---:|---:|");
    let mut found_any = false;
    for name in CORPORA {
        let path = corpora.join(format!("{name}.jsonl"));
        if !path.exists() {
            continue;
        }
        found_any = true;
        let t = tally(&gazetteer, &path)?;
        let share = |n: u64| n as f64 / t.toponyms.max(1) as f64;
        println!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} |",
            t.toponyms,
            share(t.any),
            share(t.within),
            share(t.exact_within)
        );
    }
    if !found_any {
        bail!("no corpus file ({}) in {}", CORPORA.join(", "), corpora.display());
    }
    Ok(())
}

fn tally(gazetteer: &Gazetteer, path: &Path) -> anyhow::Result<Tally> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut t = Tally::default();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a corpus document", path.display(), i + 1))?;
        for toponym in &doc.toponyms {
            let (Some(lat), Some(lon)) = (toponym.lat, toponym.lon) else { continue };
            let gold = Position::new(lon, lat);
            t.toponyms += 1;
            let matches = gazetteer.lookup(&toponym.name);
            if !matches.is_empty() {
                t.any += 1;
            }
            let near = |exact_only: bool| {
                matches.iter().filter(|m| !exact_only || m.match_kind == MatchKind::Exact).any(
                    |m| {
                        gazetteer
                            .entry(m.entry)
                            .is_some_and(|e| distance_km(e.position, gold) <= THRESHOLD_KM)
                    },
                )
            };
            t.within += u64::from(near(false));
            t.exact_within += u64::from(near(true));
        }
    }
    Ok(t)
}
