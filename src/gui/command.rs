//! What the user can point at ([`Item`]) and everything the UI can ask for ([`Command`]).
//!
//! Panels never change state: they push commands, and [`crate::gui::state::AppState::apply`]
//! applies them in order after the frame is drawn. Anything that must happen outside the state
//! (parsing, dialogs, file writes) comes back from `apply` as an [`Effect`] for the app to run.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{Document, EventId, MentionId, PlaceId};

/// An open document, numbered in the order it was opened (never reused in a session).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u32);

/// One thing the user can hover or select, in any panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// A resolved place (shared by every document that mentions it).
    Place(PlaceId),
    /// An event of one document.
    Event(DocId, EventId),
    /// One mention in one document's text.
    Mention(DocId, MentionId),
}

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The article built into the binary.
    Sample,
    /// A file on disk (text, Markdown or HTML).
    File(PathBuf),
}

/// Which basemap is drawn under the markers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BasemapChoice {
    /// The built-in Natural Earth map; no network.
    #[default]
    Offline,
    /// OpenStreetMap tiles over the offline map (needs the network).
    OpenStreetMap,
}

/// How the event list is ordered; undated events always come last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventOrder {
    /// Earliest first.
    #[default]
    OldestFirst,
    /// Latest first.
    NewestFirst,
}

/// An inclusive window of days the timeline filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateWindow {
    /// First day shown.
    pub from: NaiveDate,
    /// Last day shown.
    pub to: NaiveDate,
}

impl DateWindow {
    /// A window from the earlier to the later of two days.
    pub fn between(a: NaiveDate, b: NaiveDate) -> Self {
        Self { from: a.min(b), to: a.max(b) }
    }

    /// True when `[start, end]` shares at least one day with the window.
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.to && self.from <= end
    }
}

/// What the background jobs report back (applied like any other command).
#[derive(Debug)]
pub enum JobResult {
    /// A document finished parsing.
    Parsed {
        /// Which open document.
        doc: DocId,
        /// The processed document, or why it could not be loaded.
        result: Result<Arc<Document>, String>,
    },
    /// The native open dialog closed (empty when cancelled).
    FilesPicked(Vec<PathBuf>),
    /// The native save dialog closed.
    SavePathPicked {
        /// What was being saved.
        kind: ExportKind,
        /// The chosen path, `None` when cancelled.
        path: Option<PathBuf>,
    },
    /// An export finished.
    Exported {
        /// What was written.
        kind: ExportKind,
        /// Where.
        path: PathBuf,
        /// The number of features written, or why nothing was.
        result: Result<usize, String>,
    },
}

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The shown documents as a GeoJSON FeatureCollection.
    GeoJson,
    /// The map view as a PNG image.
    MapPng,
}

/// Everything the UI can ask for; applied in order by `AppState::apply` after the panels draw.
#[derive(Debug)]
pub enum Command {
    /// Parse these files in the background and add them to the documents.
    Open(Vec<PathBuf>),
    /// Open the built-in sample article.
    OpenSample,
    /// Show the native "open files" dialog.
    ShowOpenDialog,
    /// Remove a document.
    Close(DocId),
    /// Show or hide a document's places and events.
    SetVisible(DocId, bool),
    /// Show this document in the text viewer.
    ShowText(DocId),
    /// Select an item; selecting a mention selects its place.
    Select(Item),
    /// Clear the selection (Esc).
    ClearSelection,
    /// The item under the pointer, if any.
    Hover(Option<Item>),
    /// Move the map to an item (centre on a place, fit an event's places).
    FlyTo(Item),
    /// Select the next (+1) or previous (-1) event in list order.
    StepEvent(i32),
    /// Filter map and lists to a window of days (`None` clears it).
    SetTimeWindow(Option<DateWindow>),
    /// Type-to-filter text of the places list.
    SetPlaceFilter(String),
    /// Order of the event list.
    SetEventOrder(EventOrder),
    /// Fit the map to every shown place.
    FitAll,
    /// Fit the map to the selection.
    ZoomToSelection,
    /// Fit the map to these places (a clicked cluster).
    ZoomToPlaces(Vec<crate::model::PlaceId>),
    /// Switch the basemap.
    SetBasemap(BasemapChoice),
    /// Ask where to save an export (native dialog), then export.
    ShowSaveDialog(ExportKind),
    /// Export to this path.
    Export(ExportKind, PathBuf),
    /// Open or close the About box.
    ShowAbout(bool),
    /// Forget the recent files list.
    ClearRecent,
    /// Tell the user something quietly in the status bar.
    Notify(Notice),
    /// A background job finished.
    Job(JobResult),
}

/// How serious a status-bar message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something done ("Saved map.png").
    Info,
    /// Something degraded but working ("OpenStreetMap tiles unavailable").
    Warning,
    /// Something failed ("could not read x.pdf").
    Error,
}

/// A status-bar message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How serious.
    pub severity: Severity,
    /// What to say.
    pub text: String,
}

impl Notice {
    /// An informational message.
    pub fn info(text: impl Into<String>) -> Self {
        Self { severity: Severity::Info, text: text.into() }
    }

    /// A warning.
    pub fn warning(text: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, text: text.into() }
    }

    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self { severity: Severity::Error, text: text.into() }
    }
}

/// Work `apply` asks the app to do outside the state.
#[derive(Debug, PartialEq)]
pub enum Effect {
    /// Load and parse a document in the background.
    Parse(DocId, Source),
    /// Show the native open dialog on a background thread.
    PickFiles,
    /// Show the native save dialog on a background thread.
    PickSavePath(ExportKind),
    /// Write the shown documents as GeoJSON in the background.
    WriteGeoJson(PathBuf, Vec<Arc<Document>>),
    /// Capture the map view on the next frame and save it as PNG.
    CaptureMap(PathBuf),
}
