//! Scores newsmap's time expressions against TimeML gold corpora, TempEval-3 task A style.
//!
//! ```text
//! cargo run --release --no-default-features --bin eval-time -- --corpora DIR
//! ```
//!
//! `DIR` holds one JSONL file per corpus (`TimeBank.jsonl`, `AQUAINT.jsonl`,
//! `MEANTIME.jsonl`), one document per line:
//! `{"id", "dct": "YYYY-MM-DD", "text", "timexes": [{"start", "end", "text", "type",
//! "value"}], "meta"?: {"dct_span": [start, end]}}` with offsets in characters.
//!
//! Reported per corpus and overall: strict and relaxed (overlap) extent precision, recall
//! and F1; type and value accuracy over relaxed matches, and type and value F1 (TempEval-3's
//! attribute F1 = relaxed F1 × attribute accuracy). The gold document creation time anchors
//! relative expressions, as in TempEval-3. Predictions overlapping a document's `dct_span`
//! (MEANTIME's dateline, which is the DCT and not annotated) are ignored. With `--dct
//! inferred` the date `infer_document_date` reads from the text anchors them instead, which
//! is what `newsmap extract` does when no date is given. Documents listed
//! with `--skip-values` (default: `APW20000115.0209`, whose values follow another document's
//! DCT) are left out of the type and value scores. The tool also reports how often
//! `infer_document_date` finds the gold DCT from the text alone.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::Parser;
use newsmap::model::{Span, Timex, TimexType};
use newsmap::timex::{TimexRecognizer, infer_document_date};
use serde::Deserialize;

/// Command-line arguments.
#[derive(Parser, Debug)]
#[command(about = "Score time expressions against TimeML gold corpora (TempEval-3 task A style)")]
struct Args {
    /// Directory with the corpora as JSONL files.
    #[arg(long)]
    corpora: PathBuf,
    /// Corpus files to read (without ".jsonl").
    #[arg(long, value_delimiter = ',', default_value = "TimeBank,AQUAINT,MEANTIME")]
    names: Vec<String>,
    /// Documents left out of the type and value scores.
    #[arg(long, value_delimiter = ',', default_value = "APW20000115.0209")]
    skip_values: Vec<String>,
    /// Corpora annotated only at their top, as `NAME=LINES`: predictions below the first
    /// `LINES` lines are not scored. MEANTIME annotates the title, the dateline and the first
    /// four sentences of each article (every gold timex lies in its first six lines).
    #[arg(long, value_delimiter = ',', default_value = "MEANTIME=6")]
    annotated_lines: Vec<String>,
    /// Which document date anchors relative expressions: the gold one (TempEval-3 setting)
    /// or the one `infer_document_date` finds in the text (none when it finds none).
    #[arg(long, value_enum, default_value_t = DctSource::Gold)]
    dct: DctSource,
    /// Print each miss, spurious expression and wrong value (for error analysis; prints
    /// corpus text, so never paste it anywhere public).
    #[arg(long)]
    errors: bool,
}

/// Where the document creation time comes from.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DctSource {
    /// The corpus's DCT.
    Gold,
    /// Inferred from the text by `infer_document_date`.
    Inferred,
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    dct: String,
    text: String,
    timexes: Vec<GoldTimex>,
    #[serde(default)]
    meta: Option<Meta>,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    dct_span: Option<(usize, usize)>,
}

#[derive(Deserialize)]
struct GoldTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    timex_type: String,
    value: String,
}

/// Counts for one corpus.
#[derive(Default, Clone, Copy)]
struct Counts {
    docs: usize,
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed: usize,
    /// Over documents whose values are scored.
    value_gold: usize,
    value_predicted: usize,
    value_relaxed: usize,
    type_correct: usize,
    value_correct: usize,
    dct_found: usize,
    dct_correct: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value_gold += o.value_gold;
        self.value_predicted += o.value_predicted;
        self.value_relaxed += o.value_relaxed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
        self.dct_found += o.dct_found;
        self.dct_correct += o.dct_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval-time: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let args = Args::parse();
    let recognizer = TimexRecognizer::new();
    let mut per_corpus: BTreeMap<String, Counts> = BTreeMap::new();
    for name in &args.names {
        let path = args.corpora.join(format!("{name}.jsonl"));
        let counts = score_file(&path, &recognizer, &args)?;
        per_corpus.insert(name.clone(), counts);
    }
    let mut total = Counts::default();
    for c in per_corpus.values() {
        total.add(c);
    }
    println!(
        "| corpus | docs | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc | type F1 | value acc | value F1 | DCT inferred |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let ordered = args.names.iter().filter_map(|n| per_corpus.get(n).map(|c| (n.as_str(), *c)));
    for (name, c) in ordered.chain(std::iter::once(("all", total))) {
        print_row(name, &c);
    }
    Ok(())
}

fn print_row(name: &str, c: &Counts) {
    let sp = ratio(c.strict, c.predicted);
    let sr = ratio(c.strict, c.gold);
    let rp = ratio(c.relaxed, c.predicted);
    let rr = ratio(c.relaxed, c.gold);
    let rf = f1(rp, rr);
    let vf = f1(ratio(c.value_relaxed, c.value_predicted), ratio(c.value_relaxed, c.value_gold));
    let type_acc = ratio(c.type_correct, c.value_relaxed);
    let value_acc = ratio(c.value_correct, c.value_relaxed);
    println!(
        "| {name} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {}/{} ({} exact) |",
        c.docs,
        c.gold,
        100.0 * sp,
        100.0 * sr,
        100.0 * f1(sp, sr),
        100.0 * rp,
        100.0 * rr,
        100.0 * rf,
        100.0 * type_acc,
        100.0 * type_acc * vf,
        100.0 * value_acc,
        100.0 * value_acc * vf,
        c.dct_found,
        c.docs,
        c.dct_correct,
    );
}

/// Byte offset of every char index (plus the end), so gold char offsets map to bytes.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

fn score_file(path: &Path, recognizer: &TimexRecognizer, args: &Args) -> Result<Counts> {
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut line_limit = None;
    for spec in &args.annotated_lines {
        let Some((corpus, lines)) = spec.split_once('=') else {
            bail!("--annotated-lines expects NAME=LINES, got {spec:?}");
        };
        if corpus == name {
            line_limit = Some(
                lines.parse::<usize>().with_context(|| format!("bad line count in {spec:?}"))?,
            );
        }
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut counts = Counts::default();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(&line).with_context(|| {
            format!("line {} is not a gold document: {}", n + 1, path.display())
        })?;
        score_doc(&doc, recognizer, args, line_limit, &mut counts).with_context(|| {
            format!("document {} (line {}) in {}", doc.id, n + 1, path.display())
        })?;
    }
    Ok(counts)
}

fn score_doc(
    doc: &GoldDoc,
    recognizer: &TimexRecognizer,
    args: &Args,
    line_limit: Option<usize>,
    counts: &mut Counts,
) -> Result<()> {
    let dct = NaiveDate::parse_from_str(&doc.dct, "%Y-%m-%d")
        .with_context(|| format!("bad dct {:?}", doc.dct))?;
    let map = char_to_byte(&doc.text);
    let byte_span = |start: usize, end: usize| -> Result<Span> {
        match (map.get(start), map.get(end)) {
            (Some(&s), Some(&e)) if s <= e => Ok(Span::new(s, e)),
            _ => bail!("offsets {start}..{end} outside the text"),
        }
    };
    let gold: Vec<(Span, &GoldTimex)> =
        doc.timexes.iter().map(|t| Ok((byte_span(t.start, t.end)?, t))).collect::<Result<_>>()?;
    // The dateline that is the DCT is not annotated; when a gold timex covers it anyway (a
    // document whose DCT came from elsewhere), it is scored like any other.
    let ignore = match doc.meta.as_ref().and_then(|m| m.dct_span) {
        Some((s, e)) => {
            Some(byte_span(s, e)?).filter(|ig| !gold.iter().any(|(g, _)| g.overlaps(ig)))
        }
        None => None,
    };
    // End of the annotated region: the start of line `line_limit`.
    let annotated_end = line_limit.map_or(doc.text.len(), |n| {
        doc.text.match_indices('\n').nth(n.saturating_sub(1)).map_or(doc.text.len(), |(i, _)| i)
    });
    let inferred = infer_document_date(&doc.text);
    let anchor = match args.dct {
        DctSource::Gold => Some(dct),
        DctSource::Inferred => inferred.map(|(date, _)| date),
    };
    let predicted: Vec<Timex> = recognizer
        .find(&doc.text, anchor)
        .into_iter()
        .filter(|t| ignore.is_none_or(|ig| !t.span.overlaps(&ig)))
        .filter(|t| t.span.start_byte < annotated_end)
        .collect();

    let scores_values = !args.skip_values.iter().any(|s| s == &doc.id);
    counts.docs += 1;
    counts.gold += gold.len();
    counts.predicted += predicted.len();
    if scores_values {
        counts.value_gold += gold.len();
        counts.value_predicted += predicted.len();
    }
    // One-to-one matching in text order: both lists are sorted and non-overlapping.
    let mut used = vec![false; predicted.len()];
    for (gspan, g) in &gold {
        let hit = predicted.iter().enumerate().find(|(i, p)| !used[*i] && p.span.overlaps(gspan));
        let Some((i, p)) = hit else {
            if args.errors {
                println!(
                    "MISS\t{}\t{:?}\t{}\t{}",
                    doc.id,
                    &doc.text[gspan.start_byte..gspan.end_byte],
                    g.timex_type,
                    g.value
                );
            }
            continue;
        };
        used[i] = true;
        counts.relaxed += 1;
        if p.span == *gspan {
            counts.strict += 1;
        } else if args.errors {
            println!(
                "EXTENT\t{}\tgold {:?}\tours {:?}",
                doc.id,
                &doc.text[gspan.start_byte..gspan.end_byte],
                p.text
            );
        }
        if scores_values {
            counts.value_relaxed += 1;
            let type_name = type_name(p.timex_type);
            if type_name == g.timex_type {
                counts.type_correct += 1;
            }
            if p.value == g.value {
                counts.value_correct += 1;
            } else if args.errors {
                println!(
                    "VALUE\t{}\t{}\t{:?}\tgold {} {}\tours {} {}",
                    doc.id, doc.dct, p.text, g.timex_type, g.value, type_name, p.value
                );
            }
        }
    }
    if args.errors {
        for (i, p) in predicted.iter().enumerate() {
            if !used[i] {
                let ctx_start = doc.text.floor_char_boundary(p.span.start_byte.saturating_sub(40));
                let ctx_end =
                    doc.text.ceil_char_boundary((p.span.end_byte + 40).min(doc.text.len()));
                let context = doc.text[ctx_start..ctx_end].replace('\n', " ");
                println!("SPURIOUS\t{}\t{:?}\t{}\t{:?}", doc.id, p.text, p.value, context);
            }
        }
    }
    if let Some((date, _)) = inferred {
        counts.dct_found += 1;
        if date == dct {
            counts.dct_correct += 1;
        }
    }
    Ok(())
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}
