//! Background work: loading and parsing documents, native file dialogs and exports.
//!
//! Nothing slow runs on the UI thread. Each job runs on a worker thread and reports a
//! [`JobResult`] over a channel, then wakes the UI with `request_repaint`; the app turns
//! results into [`crate::gui::command::Command::Job`]s.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use egui::Context;

use super::command::{DocId, ExportKind, JobResult, Source};
use crate::gazetteer::Gazetteer;
use crate::model::{Document, DocumentInput};
use crate::pipeline::Pipeline;

/// Turns loaded text into a processed document. The app uses the real pipeline; tests may
/// plug in another processor to drive the UI with documents they build.
pub type Processor = Arc<dyn Fn(DocumentInput) -> Result<Document, String> + Send + Sync>;

/// Parser threads: parsing is CPU-bound and the UI needs a core.
const WORKERS: usize = 2;

type Task = Box<dyn FnOnce() -> JobResult + Send>;

/// The background job runner (see the module docs).
pub struct Jobs {
    tasks: Sender<Task>,
    results: Receiver<JobResult>,
    /// Results sender, cloned for dialog threads.
    result_sender: Sender<JobResult>,
    processor: Processor,
    ctx: Context,
}

impl Jobs {
    /// Starts the workers with the real pipeline (its gazetteer loads on first use, on a worker).
    pub fn new(ctx: Context) -> Self {
        Self::with_processor(ctx, pipeline_processor())
    }

    /// Starts the workers with a given processor.
    pub fn with_processor(ctx: Context, processor: Processor) -> Self {
        let (tasks, task_receiver) = channel::<Task>();
        let (result_sender, results) = channel();
        let task_receiver = Arc::new(Mutex::new(task_receiver));
        for index in 0..WORKERS {
            let task_receiver = Arc::clone(&task_receiver);
            let sender = result_sender.clone();
            let ctx = ctx.clone();
            let spawned =
                std::thread::Builder::new().name(format!("jobs-{index}")).spawn(move || {
                    loop {
                        let task = {
                            let receiver =
                                task_receiver.lock().unwrap_or_else(PoisonError::into_inner);
                            receiver.recv()
                        };
                        let Ok(task) = task else { return };
                        if sender.send(task()).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                });
            if let Err(err) = spawned {
                tracing::error!("could not start a job thread: {err:#}");
            }
        }
        Self { tasks, results, result_sender, processor, ctx }
    }

    /// The context the workers wake.
    pub fn ctx(&self) -> &Context {
        &self.ctx
    }

    /// Results that arrived since the last call, in arrival order.
    pub fn poll(&self) -> Vec<JobResult> {
        self.results.try_iter().collect()
    }

    fn spawn(&self, task: Task) {
        if self.tasks.send(task).is_err() {
            tracing::error!("job threads are gone; the job was dropped");
        }
    }

    /// Loads and parses a document.
    pub fn parse(&self, doc: DocId, source: Source) {
        let processor = Arc::clone(&self.processor);
        self.spawn(Box::new(move || {
            let result = load(&source).and_then(|input| processor(input)).map(Arc::new);
            JobResult::Parsed { doc, result }
        }));
    }

    /// Writes documents as GeoJSON (atomically).
    pub fn write_geojson(&self, path: PathBuf, documents: Vec<Arc<Document>>) {
        self.spawn(Box::new(move || {
            let docs: Vec<Document> = documents.iter().map(|d| Document::clone(d)).collect();
            let result = super::export::write_geojson(&docs, &path).map_err(|e| format!("{e:#}"));
            JobResult::Exported { kind: ExportKind::GeoJson, path, result }
        }));
    }

    /// Writes a captured image as PNG (atomically).
    pub fn write_png(&self, path: PathBuf, image: Arc<egui::ColorImage>) {
        self.spawn(Box::new(move || {
            let result =
                super::export::write_png(&image, &path).map(|()| 1).map_err(|e| format!("{e:#}"));
            JobResult::Exported { kind: ExportKind::MapPng, path, result }
        }));
    }

    /// Shows the native open dialog on its own thread (it may block for minutes).
    pub fn pick_files(&self) {
        let sender = self.result_sender.clone();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new().name("open-dialog".into()).spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default();
            sender.send(JobResult::FilesPicked(picked)).ok();
            ctx.request_repaint();
        });
        if let Err(err) = spawned {
            tracing::error!("could not show the open dialog: {err:#}");
        }
    }

    /// Shows the native save dialog on its own thread.
    pub fn pick_save_path(&self, kind: ExportKind) {
        let sender = self.result_sender.clone();
        let ctx = self.ctx.clone();
        let (name, filter, ext) = match kind {
            ExportKind::GeoJson => ("newsmap.geojson", "GeoJSON", "geojson"),
            ExportKind::MapPng => ("newsmap-map.png", "PNG image", "png"),
        };
        let spawned = std::thread::Builder::new().name("save-dialog".into()).spawn(move || {
            let path = rfd::FileDialog::new()
                .set_title("Export")
                .set_file_name(name)
                .add_filter(filter, &[ext])
                .save_file();
            sender.send(JobResult::SavePathPicked { kind, path }).ok();
            ctx.request_repaint();
        });
        if let Err(err) = spawned {
            tracing::error!("could not show the save dialog: {err:#}");
        }
    }
}

/// The real pipeline, built on first use (the gazetteer load is the slow part).
fn pipeline_processor() -> Processor {
    let pipeline: Arc<OnceLock<Result<Pipeline, String>>> = Arc::new(OnceLock::new());
    Arc::new(move |input| {
        let pipeline = pipeline.get_or_init(|| {
            Gazetteer::embedded().map(Pipeline::new).map_err(|e| format!("gazetteer: {e:#}"))
        });
        match pipeline {
            Ok(pipeline) => Ok(pipeline.process(input)),
            Err(reason) => Err(reason.clone()),
        }
    })
}

/// Loads a document's text. The one place file loading happens in the app.
fn load(source: &Source) -> Result<DocumentInput, String> {
    match source {
        Source::Sample => Ok(DocumentInput {
            name: crate::SAMPLE_ARTICLE_NAME.to_owned(),
            text: crate::SAMPLE_ARTICLE.to_owned(),
            date: None,
        }),
        Source::File(path) => load_file(path),
    }
}

fn load_file(path: &Path) -> Result<DocumentInput, String> {
    crate::text::load_path(path).map_err(|e| format!("{e:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_file_is_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("photo.txt");
        std::fs::write(&path, [0x89, b'P', b'N', b'G', 0xff, 0xfe]).unwrap();
        let err = load(&Source::File(path)).unwrap_err();
        assert!(err.contains("photo.txt"), "{err}");
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_panic() {
        let err = load(&Source::File(PathBuf::from("/nonexistent/newsmap.txt"))).unwrap_err();
        assert!(!err.is_empty());
    }

    #[test]
    fn the_sample_loads_under_its_own_name() {
        let input = load(&Source::Sample).unwrap();
        assert_eq!(input.name, crate::SAMPLE_ARTICLE_NAME);
        assert!(input.text.contains("Vostochny"));
    }
}
