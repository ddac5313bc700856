//! Accumulating and printing per-corpus results.

use std::collections::BTreeMap;

use crate::score::{Counts, Errors};

/// Everything measured on one corpus (or one document, before summing).
#[derive(Debug, Default)]
pub struct CorpusReport {
    pub name: String,
    pub documents: usize,
    pub exact: Counts,
    pub inexact: Counts,
    pub exact_errors: Errors,
    pub inexact_errors: Errors,
    pub given_errors: Errors,
    /// Toponym type (GeoWebNews) -> (recognised, total), under the inexact rule.
    pub recall_by_type: BTreeMap<String, (usize, usize)>,
    pub dump: String,
}

impl CorpusReport {
    pub fn new(name: &str, documents: usize) -> Self {
        Self { name: name.to_owned(), documents, ..Self::default() }
    }

    pub fn add(&mut self, other: &CorpusReport) {
        self.exact.add(other.exact);
        self.inexact.add(other.inexact);
        self.exact_errors.extend(&other.exact_errors);
        self.inexact_errors.extend(&other.inexact_errors);
        self.given_errors.extend(&other.given_errors);
        for (k, (a, b)) in &other.recall_by_type {
            let e = self.recall_by_type.entry(k.clone()).or_default();
            e.0 += a;
            e.1 += b;
        }
    }
}

fn resolution_cells(e: &Errors) -> String {
    if e.len() == 0 {
        return "| – | – | – | – |".to_owned();
    }
    format!(
        "| {:.3} | {:.3} | {:.0} | {:.1} |",
        e.accuracy_161(),
        e.auc(),
        e.mean_km(),
        e.median_km()
    )
}

/// Prints the results as Markdown tables.
pub fn print(reports: &[(CorpusReport, Option<CorpusReport>)]) {
    println!("### Recognition\n");
    println!(
        "| corpus | documents | system | P exact | R exact | F1 exact | P (EUPEG) | R (EUPEG) | F1 (EUPEG) |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|---:|");
    for (ours, baseline) in reports {
        for (system, r) in [("newsmap", Some(ours)), ("baseline", baseline.as_ref())] {
            let Some(r) = r else { continue };
            println!(
                "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
                r.name,
                r.documents,
                system,
                r.exact.precision(),
                r.exact.recall(),
                r.exact.f1(),
                r.inexact.precision(),
                r.inexact.recall(),
                r.inexact.f1()
            );
        }
    }
    println!("\n### Resolution\n");
    println!("| corpus | system | setting | toponyms | acc@161 | AUC | mean km | median km |");
    println!("|---|---|---|---:|---:|---:|---:|---:|");
    for (ours, baseline) in reports {
        for (system, r) in [("newsmap", Some(ours)), ("baseline", baseline.as_ref())] {
            let Some(r) = r else { continue };
            println!(
                "| {} | {} | end to end (EUPEG match) | {} {}",
                r.name,
                system,
                r.inexact_errors.len(),
                resolution_cells(&r.inexact_errors)
            );
            if r.given_errors.len() > 0 {
                println!(
                    "| {} | {} | gold toponyms | {} {}",
                    r.name,
                    system,
                    r.given_errors.len(),
                    resolution_cells(&r.given_errors)
                );
            }
        }
    }
    let typed: Vec<_> = reports.iter().filter(|(r, _)| r.recall_by_type.len() > 1).collect();
    if !typed.is_empty() {
        println!("\n### Recall by toponym type (EUPEG match)\n");
        println!("| corpus | type | recognised | total | recall |");
        println!("|---|---|---:|---:|---:|");
        for (r, _) in typed {
            for (kind, (hit, total)) in &r.recall_by_type {
                let recall = if *total == 0 { 0.0 } else { *hit as f64 / *total as f64 };
                println!("| {} | {} | {} | {} | {:.3} |", r.name, kind, hit, total, recall);
            }
        }
    }
}
