//! Pipeline throughput on one core with a loaded gazetteer: the sample article, about 100 KB
//! of news-like text in one call, and, when `NEWSMAP_BENCH_CORPUS` names JSONL files (or
//! directories of them) with a `"text"` on each line, every document of that corpus in turn.
//! Real news is the honest measure: its names are varied, so lookups miss the caches that a
//! repeated text keeps warm. The corpora are other publishers' news and are not in the
//! repository; the public gold corpora used for evaluation serve (see docs/evaluation.md).
//!
//! Each iteration starts from a fresh [`Pipeline`] (made outside the timing): recognition keeps
//! what it learns about words across the documents of a thread, and a bench that ran the same
//! text through one pipeline again and again would time a memory of its own answers, not a
//! new document. Each iteration asserts that places were found, so a bench that stops working
//! fails instead of getting faster. The binary's allocator is used here too, so the figures are the CLI's.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmap::gazetteer::Gazetteer;
use newsmap::model::DocumentInput;
use newsmap::pipeline::Pipeline;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Made-up news paragraphs (written for this bench) in the register of wire copy: datelines,
/// people with titles, lists of places, counties, relative locations and organisations.
const PARAGRAPHS: &[&str] = &[
    "NAIROBI, March 4 (Reuters) - Kenyan President William Ruto met Ethiopian Prime Minister \
     Abiy Ahmed in Addis Ababa on Monday to discuss the dam on the Blue Nile, officials said.",
    "Flooding closed roads in Laurel County and Knox County on Tuesday, the Kentucky \
     Transportation Cabinet said, as the Cumberland River rose near Williamsburg.",
    "The convoy left Kharkiv at dawn and reached Izium, some 120 km southeast of the city, \
     by noon, according to Ukraine's defence ministry.",
    "Officials in Springfield, Illinois, and Springfield, Missouri, said the storm had passed \
     by Wednesday evening, but power was still out in parts of Peoria.",
    "Chancellor Olaf Scholz flew from Berlin to Warsaw, where he met Polish President Andrzej \
     Duda before talks in Vilnius with leaders from Lithuania, Latvia and Estonia.",
    "Most residents of the town of Deal said they had seen nothing unusual. Aid groups in \
     Nice and Marseille reported a quiet week, the French news agency AFP said.",
    "Shipping through the Strait of Hormuz slowed after Iran seized a tanker in the Gulf of \
     Oman, while Saudi Arabia and the United Arab Emirates called for calm.",
    "Wildfires burned near Los Angeles and in Ventura County, California, forcing thousands \
     from their homes, Gov. Gavin Newsom said at a briefing in Sacramento.",
    "The World Health Organization said cases of cholera had risen in Haiti, Malawi and \
     Mozambique, with new clusters reported about 30 miles north of Lilongwe.",
    "Prime Minister Narendra Modi opened a bridge in Assam near Guwahati, linking it to the \
     northeastern states of Arunachal Pradesh and Nagaland, the Press Trust of India said.",
];

/// About `target_bytes` of text: the sample article and the paragraphs above, repeated.
fn news_text(target_bytes: usize) -> String {
    let mut text = String::with_capacity(target_bytes + 4096);
    let mut round = 0;
    while text.len() < target_bytes {
        text.push_str(newsmap::SAMPLE_ARTICLE);
        text.push_str("\n\n");
        for i in 0..PARAGRAPHS.len() {
            // Rotate the order so that consecutive copies differ; join some into one paragraph.
            text.push_str(PARAGRAPHS[(i + round) % PARAGRAPHS.len()]);
            text.push_str(if i % 2 == 0 { " " } else { "\n\n" });
        }
        round += 1;
    }
    text
}

fn pipeline(c: &mut Criterion) {
    let gazetteer: Arc<Gazetteer> = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(err) => panic!("the built-in gazetteer does not load: {err}"),
    };
    let fresh = || Pipeline::new(Arc::clone(&gazetteer));
    let input = |text: &str| DocumentInput { name: "bench".into(), text: text.into(), date: None };

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(newsmap::SAMPLE_ARTICLE.len() as u64));
    group.bench_function("sample article", |b| {
        b.iter_batched_ref(
            fresh,
            |pipeline| {
                let doc = pipeline.process(black_box(input(newsmap::SAMPLE_ARTICLE)));
                assert!(doc.mentions.len() >= 25, "places were lost: {}", doc.mentions.len());
            },
            BatchSize::PerIteration,
        )
    });
    let text = news_text(100_000);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("100 KB of news", |b| {
        b.iter_batched_ref(
            fresh,
            |pipeline| {
                let doc = pipeline.process(black_box(input(&text)));
                assert!(doc.mentions.len() >= 1000, "places were lost: {}", doc.mentions.len());
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let Some(corpus) = std::env::var_os("NEWSMAP_BENCH_CORPUS") else { return };
    let documents = match read_corpus(Path::new(&corpus)) {
        Ok(d) if !d.is_empty() => d,
        Ok(_) => panic!("NEWSMAP_BENCH_CORPUS has no documents: {}", corpus.display()),
        Err(err) => panic!("NEWSMAP_BENCH_CORPUS does not read: {err}"),
    };
    let bytes: usize = documents.iter().map(String::len).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("corpus ({} documents)", documents.len()), |b| {
        b.iter_batched_ref(
            fresh,
            |pipeline| {
                let mut mentions = 0;
                for text in &documents {
                    mentions += pipeline.process(black_box(input(text))).mentions.len();
                }
                assert!(mentions >= documents.len(), "places were lost: {mentions}");
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The `"text"` of every line of the JSONL files at `path` (a file, or a directory whose
/// `*.jsonl` files are read in name order).
fn read_corpus(path: &Path) -> Result<Vec<String>, String> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{e}: {}", path.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_owned()]
    };
    let mut texts = Vec::new();
    for file in files {
        let content =
            std::fs::read_to_string(&file).map_err(|e| format!("{e}: {}", file.display()))?;
        for (n, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{e}: {} line {}", file.display(), n + 1))?;
            match value.get("text").and_then(|t| t.as_str()) {
                Some(text) => texts.push(text.to_owned()),
                None => return Err(format!("no \"text\": {} line {}", file.display(), n + 1)),
            }
        }
    }
    Ok(texts)
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
