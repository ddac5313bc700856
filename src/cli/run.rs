//! The `newsmap extract` run: inputs in, documents processed in parallel, output written in
//! input order.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context as _, anyhow};
use newsmap::export::{self, Exporter, Format, Rendered};
use newsmap::gazetteer::Gazetteer;
use newsmap::model::Document;
use newsmap::pipeline::Pipeline;
use newsmap::text::{self, DEFAULT_SIZE_LIMIT_BYTES};
use tracing::info;

use super::args::{ExtractArgs, ExtractConfig, Output};
use super::inputs::{self, Line, Source};
use super::messages::Messages;

/// Documents queued per worker thread: enough to keep every core busy while the output is
/// written in order, few enough to bound memory on huge batches.
const QUEUED_PER_THREAD: usize = 4;

/// Runs `newsmap extract`. Returns exit code 2 when an argument or an input was bad (the
/// other inputs are still processed), and `Err` for fatal errors (exit code 1).
///
/// # Errors
/// When the gazetteer cannot be loaded, the thread pool cannot start or the output cannot
/// be written.
pub fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let config = match args.validate() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("newsmap: {err:#}");
            return Ok(ExitCode::from(2));
        }
    };
    let started = Instant::now();
    let gazetteer = Gazetteer::embedded().context("could not load the gazetteer")?;
    info!("gazetteer loaded in {} ms", started.elapsed().as_millis());
    let pipeline = Pipeline::new(gazetteer);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .thread_name(|i| format!("newsmap-worker-{i}"))
        .build()
        .context("could not start worker threads")?;

    let mut walk_errors = Vec::new();
    let sources = inputs::expand(&config.inputs, config.jsonl_input, |e| walk_errors.push(e));
    let total = (!config.jsonl_input).then_some(sources.len() as u64);
    let mut messages = Messages::new(total);
    for err in &walk_errors {
        messages.input_error(err);
    }

    let batch = Batch { config: &config, sources: &sources, pipeline: &pipeline, pool: &pool };
    let result = match &config.output {
        Output::Stdout => batch.run(&mut messages, BufWriter::new(io::stdout().lock())),
        Output::File(path) => export::write_atomic(path, |w| batch.run(&mut messages, w)),
    };
    messages.finish();
    let stats = result?;
    let secs = started.elapsed().as_secs_f64();
    let destination = match &config.output {
        Output::Stdout => "standard output".to_owned(),
        Output::File(path) => path.display().to_string(),
    };
    info!(
        "{} document{} ({:.1} MB) written as {} to {destination} in {secs:.2} s",
        stats.documents,
        if stats.documents == 1 { "" } else { "s" },
        stats.text_bytes as f64 / 1e6,
        config.format,
    );
    Ok(if messages.errored() { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// What a run wrote.
#[derive(Debug, Default)]
struct Stats {
    documents: usize,
    text_bytes: usize,
}

/// A document as a worker hands it to the writer.
struct Processed {
    output: ProcessedOutput,
    /// Size of the document's text.
    text_bytes: usize,
}

/// What the writer writes for a document.
enum ProcessedOutput {
    /// Streaming formats: the worker rendered the document, the writer copies the bytes.
    Rendered(Rendered),
    /// GeoJSON: the exporter gathers places across documents.
    Document(Box<Document>),
}

/// One unit of work for a worker thread.
enum Job {
    /// A whole file or standard input is one document.
    Load(Source),
    /// One JSON line is one document.
    Record {
        /// The file's name.
        source: String,
        /// Line number, from 1.
        line: usize,
        text: String,
    },
    /// Reading the input failed already; reported in order with the rest.
    Failed(anyhow::Error),
}

/// Everything a run reads.
struct Batch<'a> {
    config: &'a ExtractConfig,
    sources: &'a [Source],
    pipeline: &'a Pipeline,
    pool: &'a rayon::ThreadPool,
}

impl Batch<'_> {
    /// Processes every input on the pool and writes the documents in input order.
    fn run(&self, messages: &mut Messages, writer: impl Write) -> anyhow::Result<Stats> {
        let mut exporter = Exporter::new(self.config.format, writer);
        let mut jobs = Jobs::new(self.sources, self.config.jsonl_input).enumerate();
        let max_queued = self.pool.current_num_threads().max(1) * QUEUED_PER_THREAD;
        let pipeline = self.pipeline;
        let format = self.config.format;
        let (sender, receiver) = mpsc::channel::<(usize, anyhow::Result<Processed>)>();
        let stats = self.pool.in_place_scope(|scope| -> anyhow::Result<Stats> {
            let mut stats = Stats::default();
            let mut queued = 0;
            let mut next_to_write = 0;
            let mut done: BTreeMap<usize, anyhow::Result<Processed>> = BTreeMap::new();
            loop {
                while queued < max_queued {
                    let Some((index, job)) = jobs.next() else { break };
                    let sender = sender.clone();
                    scope.spawn(move |_| {
                        // The receiver outlives the scope; a send cannot fail.
                        let processed = run_job(pipeline, job).and_then(|d| prepare(format, d));
                        sender.send((index, processed)).ok();
                    });
                    queued += 1;
                }
                if queued == 0 {
                    break;
                }
                let (index, result) = receiver.recv().context("a worker thread died")?;
                queued -= 1;
                done.insert(index, result);
                while let Some(result) = done.remove(&next_to_write) {
                    next_to_write += 1;
                    messages.tick();
                    match result {
                        Ok(processed) => {
                            match &processed.output {
                                ProcessedOutput::Rendered(r) => exporter.write_rendered(r)?,
                                ProcessedOutput::Document(d) => exporter.write_document(d)?,
                            }
                            stats.documents += 1;
                            stats.text_bytes += processed.text_bytes;
                        }
                        Err(err) => messages.input_error(&err),
                    }
                }
            }
            Ok(stats)
        })?;
        exporter.finish()?;
        Ok(stats)
    }
}

/// Loads or parses a job's document and runs the pipeline on it. A panic in the pipeline
/// (a bug) fails this document only.
fn run_job(pipeline: &Pipeline, job: Job) -> anyhow::Result<Document> {
    let (input, name) = match job {
        Job::Failed(err) => return Err(err),
        Job::Load(source) => (inputs::load(&source)?, source.display_name()),
        Job::Record { source, line, text } => {
            let input = text::parse_record(&text, &format!("{source}:{line}"))
                .map_err(|err| anyhow!("line {line}: {err}: {source}"))?;
            (input, format!("{source}:{line}"))
        }
    };
    catch_unwind(AssertUnwindSafe(|| pipeline.process(input)))
        .map_err(|_| anyhow!("internal error while processing {name} (please report it)"))
}

/// Renders a document for the writer on the worker that processed it (see
/// [`export::render`]); GeoJSON documents go to the writer whole.
fn prepare(format: Format, document: Document) -> anyhow::Result<Processed> {
    let text_bytes = document.text.len();
    let output = match export::render(format, &document)
        .with_context(|| format!("could not write {}", document.name))?
    {
        Some(rendered) => ProcessedOutput::Rendered(rendered),
        None => ProcessedOutput::Document(Box::new(document)),
    };
    Ok(Processed { output, text_bytes })
}

/// The jobs of a run, produced lazily so that JSON lines stream.
struct Jobs<'a> {
    sources: std::slice::Iter<'a, Source>,
    jsonl_input: bool,
    /// The JSON lines source being read: name, reader, last line number.
    current: Option<(String, Box<dyn BufRead>, usize)>,
}

impl<'a> Jobs<'a> {
    fn new(sources: &'a [Source], jsonl_input: bool) -> Self {
        Self { sources: sources.iter(), jsonl_input, current: None }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if !self.jsonl_input {
            return self.sources.next().cloned().map(Job::Load);
        }
        loop {
            if let Some((name, reader, line)) = &mut self.current {
                *line += 1;
                let line = *line;
                let failed = |what: &str| Some(Job::Failed(anyhow!("line {line}: {what}: {name}")));
                match inputs::next_line(reader.as_mut(), DEFAULT_SIZE_LIMIT_BYTES) {
                    Ok(Some(Line::Text(text))) if text.trim().is_empty() => continue,
                    Ok(Some(Line::Text(text))) => {
                        return Some(Job::Record { source: name.clone(), line, text });
                    }
                    Ok(Some(Line::NotUtf8)) => return failed("not UTF-8 text"),
                    Ok(Some(Line::TooLong)) => {
                        return failed(&format!(
                            "over the {DEFAULT_SIZE_LIMIT_BYTES}-byte limit for one document"
                        ));
                    }
                    Ok(None) => self.current = None,
                    Err(err) => {
                        let err = anyhow::Error::new(err).context(format!("could not read {name}"));
                        self.current = None;
                        return Some(Job::Failed(err));
                    }
                }
                continue;
            }
            let source = self.sources.next()?;
            match inputs::open_lines(source) {
                Ok(reader) => self.current = Some((source.display_name(), reader, 0)),
                Err(err) => return Some(Job::Failed(err)),
            }
        }
    }
}
