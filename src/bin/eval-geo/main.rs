//! Measures recognition and resolution on public gold geoparsing corpora.
//!
//! ```text
//! cargo run --release --no-default-features --bin eval-geo -- --corpora DIR [--corpus LGL]
//! ```
//! `DIR` holds `LGL.jsonl`, `GeoWebNews.jsonl`, `GeoVirus.jsonl` and `WikToR.jsonl`, one
//! document per line: `{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon"}]}`
//! with character offsets. The corpora are other publishers' text: they are read at run time
//! and never stored in this repository.
//!
//! Reported per corpus:
//! - recognition precision, recall and F1, with exact spans and with the EUPEG rule (same
//!   text, midpoints within 10 characters);
//! - end-to-end resolution (accuracy within 161 km, AUC, mean and median error) over the gold
//!   toponyms that were recognised;
//! - resolution of the gold toponyms themselves (recognition given), comparable with papers
//!   that evaluate geocoding alone;
//! - with `--baseline DIR`, the same for another recogniser's spans (`<corpus>.spans.jsonl`,
//!   e.g. spaCy's entities), each resolved to its most populous gazetteer candidate.

mod corpus;
mod report;
mod score;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::Parser;
use rayon::prelude::*;

use newsmap::gazetteer::Gazetteer;
use newsmap::model::{Document, DocumentInput, MentionKind, Span};
use newsmap::pipeline::Pipeline;

use crate::report::CorpusReport;
use crate::score::{Counts, Errors, Gold, MatchRule, Predicted, match_spans};

/// Command-line options.
#[derive(Parser, Debug)]
#[command(about = "Measure newsmap on gold geoparsing corpora")]
struct Args {
    /// Directory holding the corpora as JSONL.
    #[arg(long)]
    corpora: PathBuf,
    /// Corpora to run (file stems), comma-separated.
    #[arg(long, default_value = "LGL,GeoWebNews,GeoVirus,WikToR", value_delimiter = ',')]
    corpus: Vec<String>,
    /// Only the first N documents of each corpus.
    #[arg(long)]
    limit: Option<usize>,
    /// Directory with `<corpus>.spans.jsonl` files of a baseline recogniser.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write each corpus's misses and false alarms to `<DIR>/<corpus>.errors.txt`.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Which documents: `dev` (every 5th, index 0, 5, 10, ...: the only ones looked at while
    /// tuning), `test` (the other four fifths) or `all`.
    #[arg(long, value_enum, default_value_t = Split::All)]
    split: Split,
}

/// A fixed split of each corpus into development and test documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Split {
    /// Every 5th document (index divisible by 5).
    Dev,
    /// The other documents.
    Test,
    /// Every document.
    All,
}

impl Split {
    fn keeps(self, index: usize) -> bool {
        match self {
            Split::Dev => index.is_multiple_of(5),
            Split::Test => !index.is_multiple_of(5),
            Split::All => true,
        }
    }
}

/// Whether a corpus annotates adjectival demonyms ("Russian officials") as toponyms: LGL and
/// GeoWebNews do (GeoWebNews as Non_Literal_Modifier), GeoVirus and WikToR do not. newsmap
/// outputs demonyms as their own mention kind; they are scored only where the gold has them.
/// Descriptive mentions ("the only border crossing ...") are never in the gold and never
/// scored.
fn counts_demonyms(corpus: &str) -> bool {
    matches!(corpus, "LGL" | "GeoWebNews")
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("eval-geo: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    let gazetteer = Gazetteer::embedded().context("loading the gazetteer")?;
    let pipeline = Pipeline::new(Arc::clone(&gazetteer));
    let mut reports = Vec::new();
    for name in &args.corpus {
        let path = args.corpora.join(format!("{name}.jsonl"));
        let mut docs = corpus::read(&path)?;
        let mut index = 0;
        docs.retain(|_| {
            index += 1;
            args.split.keeps(index - 1)
        });
        if let Some(limit) = args.limit {
            docs.truncate(limit);
        }
        let started = std::time::Instant::now();
        let report = evaluate(name, &docs, &pipeline, args.dump.as_deref())?;
        eprintln!("{name}: {} documents in {:.1} s", docs.len(), started.elapsed().as_secs_f64());
        let baseline = match &args.baseline {
            Some(dir) => Some(evaluate_baseline(
                name,
                &docs,
                &dir.join(format!("{name}.spans.jsonl")),
                &gazetteer,
            )?),
            None => None,
        };
        reports.push((report, baseline));
    }
    report::print(&reports);
    Ok(())
}

fn gold_of(doc: &corpus::GoldDocument) -> Vec<Gold> {
    doc.toponyms
        .iter()
        .map(|t| Gold {
            start: t.start,
            end: t.end,
            text: t.name.clone(),
            lat: t.lat,
            lon: t.lon,
            toponym_type: t.toponym_type.clone(),
        })
        .collect()
}

/// Converts character offsets to byte offsets (gold spans are in characters).
fn char_to_byte(text: &str) -> impl Fn(usize) -> usize + '_ {
    let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    move |c| offsets.get(c).copied().unwrap_or(text.len())
}

fn predictions(doc: &Document, demonyms: bool) -> Vec<Predicted> {
    // Character index of every byte offset that starts a character (and of the end).
    let mut char_of = vec![0usize; doc.text.len() + 1];
    for (index, (byte, _)) in doc.text.char_indices().enumerate() {
        char_of[byte] = index;
    }
    char_of[doc.text.len()] = doc.text.chars().count();
    doc.mentions
        .iter()
        .filter(|m| match m.kind {
            MentionKind::Toponym => true,
            MentionKind::Demonym => demonyms,
            MentionKind::Descriptive => false,
        })
        .map(|m| Predicted {
            start: char_of[m.span.start_byte],
            end: char_of[m.span.end_byte],
            text: m.text.clone(),
            position: m.place.as_ref().map(|p| (p.lon(), p.lat())),
        })
        .collect()
}

fn evaluate(
    name: &str,
    docs: &[corpus::GoldDocument],
    pipeline: &Pipeline,
    dump: Option<&std::path::Path>,
) -> anyhow::Result<CorpusReport> {
    let per_doc: Vec<CorpusReport> = docs
        .par_iter()
        .map(|doc| {
            let gold = gold_of(doc);
            let input = DocumentInput { name: doc.id.clone(), text: doc.text.clone(), date: None };
            let end_to_end = predictions(&pipeline.process(input.clone()), counts_demonyms(name));
            let to_byte = char_to_byte(&doc.text);
            let spans: Vec<Span> =
                gold.iter().map(|g| Span::new(to_byte(g.start), to_byte(g.end))).collect();
            let given = predictions(&pipeline.process_with_spans(input, &spans), true);
            score_document(name, doc, &gold, &end_to_end, Some(&given))
        })
        .collect();
    let mut total = CorpusReport::new(name, docs.len());
    for r in &per_doc {
        total.add(r);
    }
    if let Some(dir) = dump {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join(format!("{name}.errors.txt"));
        let text: String = per_doc.iter().map(|r| r.dump.as_str()).collect();
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(total)
}

fn score_document(
    name: &str,
    doc: &corpus::GoldDocument,
    gold: &[Gold],
    end_to_end: &[Predicted],
    given: Option<&[Predicted]>,
) -> CorpusReport {
    let mut report = CorpusReport::new(name, 1);
    for (rule, counts, errors) in [
        (MatchRule::Exact, &mut report.exact, &mut report.exact_errors),
        (MatchRule::Inexact, &mut report.inexact, &mut report.inexact_errors),
    ] {
        let pairs = match_spans(gold, end_to_end, rule);
        counts.add(Counts {
            true_positives: pairs.len(),
            predicted: end_to_end.len(),
            gold: gold.len(),
        });
        for &(gi, pi) in &pairs {
            errors.push(&gold[gi], end_to_end[pi].position);
        }
        if rule == MatchRule::Inexact {
            for g in gold {
                let kind = g.toponym_type.clone().unwrap_or_else(|| "all".into());
                let entry = report.recall_by_type.entry(kind).or_default();
                entry.1 += 1;
            }
            for &(gi, _) in &pairs {
                let kind = gold[gi].toponym_type.clone().unwrap_or_else(|| "all".into());
                report.recall_by_type.entry(kind).or_default().0 += 1;
            }
            report.dump = dump_errors(doc, gold, end_to_end, &pairs);
        }
    }
    if let Some(given) = given {
        for g in gold {
            let p = given.iter().find(|p| p.start == g.start && p.end == g.end);
            report.given_errors.push(g, p.and_then(|p| p.position));
        }
    }
    report
}

fn dump_errors(
    doc: &corpus::GoldDocument,
    gold: &[Gold],
    predicted: &[Predicted],
    pairs: &[(usize, usize)],
) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let matched_gold: std::collections::BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_pred: std::collections::BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
    for (gi, g) in gold.iter().enumerate() {
        if !matched_gold.contains(&gi) {
            writeln!(out, "{}\tMISS\t{}\t{}\t{:.3},{:.3}", doc.id, g.start, g.text, g.lat, g.lon)
                .ok();
        }
    }
    for (pi, p) in predicted.iter().enumerate() {
        if !matched_pred.contains(&pi) {
            writeln!(out, "{}\tFALSE\t{}\t{}", doc.id, p.start, p.text).ok();
        }
    }
    for &(gi, pi) in pairs {
        let mut e = Errors::default();
        e.push(&gold[gi], predicted[pi].position);
        if e.km[0] > 161.0 {
            writeln!(
                out,
                "{}\tFAR\t{}\t{}\tgold {:.3},{:.3}\tgot {:?}\t{:.0} km",
                doc.id,
                gold[gi].start,
                gold[gi].text,
                gold[gi].lat,
                gold[gi].lon,
                predicted[pi].position,
                e.km[0]
            )
            .ok();
        }
    }
    out
}

fn evaluate_baseline(
    name: &str,
    docs: &[corpus::GoldDocument],
    path: &std::path::Path,
    gazetteer: &Gazetteer,
) -> anyhow::Result<CorpusReport> {
    let spans = corpus::read_baseline(path)?;
    let by_id: std::collections::HashMap<&str, &corpus::BaselineDocument> =
        spans.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut total = CorpusReport::new(name, docs.len());
    for doc in docs {
        let gold = gold_of(doc);
        let chars: Vec<char> = doc.text.chars().collect();
        let predicted: Vec<Predicted> = by_id
            .get(doc.id.as_str())
            .map(|d| d.spans.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|s| s.start < s.end && s.end <= chars.len())
            .map(|s| {
                let text: String = chars[s.start..s.end].iter().collect();
                let position = most_populous(gazetteer, &text).map(|p| (p.x(), p.y()));
                Predicted { start: s.start, end: s.end, text, position }
            })
            .collect();
        total.add(&score_document(name, doc, &gold, &predicted, None));
    }
    Ok(total)
}

/// The baseline resolver: the most populous GeoNames entry with exactly this name (any
/// spelling the gazetteer knows, but no demonyms or codes).
fn most_populous(gazetteer: &Gazetteer, text: &str) -> Option<newsmap::model::Position> {
    use newsmap::gazetteer::{MatchKind, NameKind};
    use newsmap::model::PlaceNamespace;
    gazetteer
        .lookup(text)
        .into_iter()
        .filter(|m| m.match_kind == MatchKind::Exact)
        .filter(|m| !matches!(m.name_kind, NameKind::Demonym | NameKind::Code))
        .filter_map(|m| gazetteer.entry(m.entry))
        .filter(|e| e.place_id.namespace == PlaceNamespace::GeoNames)
        .max_by_key(|e| e.population)
        .map(|e| e.position)
}
