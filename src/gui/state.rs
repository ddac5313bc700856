//! The app's state and its only writer, [`AppState::apply`].
//!
//! Everything a panel shows is read from here; everything a panel does is a
//! [`Command`]. Side effects (jobs, dialogs, files) come back from `apply` as [`Effect`]s, so
//! every user action can be tested without a window.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::catalog::Catalog;
use super::command::{
    BasemapChoice, Command, DateWindow, DocId, Effect, EventOrder, ExportKind, Item, JobResult,
    Notice, Source,
};
use crate::model::{Document, PlaceId, PlaceKind, Position, Span};

/// How many recent files the File menu remembers.
pub const RECENT_FILES: usize = 10;

/// Preferences kept across restarts (window size and panel widths are kept by eframe).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The basemap last chosen.
    pub basemap: BasemapChoice,
    /// Files opened recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Whether the timeline strip is shown.
    pub show_timeline: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { basemap: BasemapChoice::Offline, recent_files: Vec::new(), show_timeline: true }
    }
}

/// Where an open document is in its life.
#[derive(Clone, Debug)]
pub enum DocStatus {
    /// Being loaded and parsed in the background.
    Parsing,
    /// Parsed.
    Ready(Arc<Document>),
    /// Could not be loaded; the reason is shown in the documents list.
    Failed(String),
}

/// One entry of the documents list.
#[derive(Clone, Debug)]
pub struct OpenDocument {
    /// Its number in this session.
    pub id: DocId,
    /// Display name (file name or the sample's name).
    pub name: String,
    /// Where it came from.
    pub source: Source,
    /// Parsing, ready or failed.
    pub status: DocStatus,
    /// Whether its places and events are shown.
    pub visible: bool,
    /// How many distinct places it resolves to (0 until parsed), counted once on arrival:
    /// counting walks every mention, too slow to repeat each frame for a long document.
    pub place_count: usize,
}

impl OpenDocument {
    /// The parsed document, when ready.
    pub fn document(&self) -> Option<&Arc<Document>> {
        match &self.status {
            DocStatus::Ready(doc) => Some(doc),
            _ => None,
        }
    }
}

/// Where the map should go; the map view acts on each request once (by its serial number).
#[derive(Clone, Debug, PartialEq)]
pub enum MapRequest {
    /// Nothing asked yet.
    None,
    /// Fit these points.
    Fit(Vec<Position>),
    /// Centre on this point, zooming in to at least the given level (a city needs a closer
    /// view than a country to be told apart from its neighbours).
    Centre(Position, f64),
}

/// Where the text viewer should scroll; acted on once per serial number, like [`MapRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollRequest {
    /// Which document.
    pub doc: DocId,
    /// The span to bring into view.
    pub span: Span,
}

/// The whole state of the app (see the module docs).
#[derive(Debug)]
pub struct AppState {
    /// Open documents, in opening order.
    pub documents: Vec<OpenDocument>,
    /// The flattened content of the shown, parsed documents.
    pub catalog: Catalog,
    /// The shown, parsed documents (what the catalog was built from).
    pub shown: Vec<(DocId, Arc<Document>)>,
    /// The selected item: a place or an event (a selected mention selects its place).
    pub selection: Option<Item>,
    /// The mention the selection came from, when it came from the text.
    pub focused_mention: Option<Item>,
    /// The item under the pointer.
    pub hover: Option<Item>,
    /// The document shown in the text viewer.
    pub text_doc: Option<DocId>,
    /// The timeline's filter window.
    pub time_window: Option<DateWindow>,
    /// The places list's search text.
    pub place_filter: String,
    /// Order of the event list.
    pub event_order: EventOrder,
    /// Persisted preferences.
    pub settings: Settings,
    /// The latest status-bar message.
    pub notice: Option<Notice>,
    /// Whether the About box is open.
    pub about_open: bool,
    /// Where the map should go, with a serial number that grows with each request.
    pub map_request: (u64, MapRequest),
    /// Where the text should scroll, with a serial number.
    pub scroll_request: (u64, Option<ScrollRequest>),
    /// Whether an export is being written.
    pub exporting: bool,
    /// Grows whenever the catalog is rebuilt (caches key on it).
    pub catalog_generation: u64,
    next_doc: u32,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new(Settings::default())
    }
}

impl AppState {
    /// An empty state with the given preferences.
    pub fn new(settings: Settings) -> Self {
        Self {
            documents: Vec::new(),
            catalog: Catalog::default(),
            shown: Vec::new(),
            selection: None,
            focused_mention: None,
            hover: None,
            text_doc: None,
            time_window: None,
            place_filter: String::new(),
            event_order: EventOrder::default(),
            settings,
            notice: None,
            about_open: false,
            map_request: (0, MapRequest::None),
            scroll_request: (0, None),
            exporting: false,
            catalog_generation: 0,
            next_doc: 0,
        }
    }

    /// Number of documents still being parsed.
    pub fn parsing_count(&self) -> usize {
        self.documents.iter().filter(|d| matches!(d.status, DocStatus::Parsing)).count()
    }

    /// The open document with this id.
    pub fn document(&self, id: DocId) -> Option<&OpenDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The parsed document with this id, if it is shown.
    pub fn shown_document(&self, id: DocId) -> Option<&Arc<Document>> {
        self.shown.iter().find(|(d, _)| *d == id).map(|(_, doc)| doc)
    }

    /// The places the selection refers to.
    pub fn selected_places(&self) -> Vec<PlaceId> {
        self.selection.map(|item| self.catalog.places_of(item, &self.shown)).unwrap_or_default()
    }

    /// True when `item` is selected, or is an event of the selected place, or a place of the
    /// selected event: what the panels highlight.
    pub fn is_highlighted(&self, item: Item) -> bool {
        match (self.selection, item) {
            (None, _) => false,
            (Some(selected), item) if selected == item => true,
            (Some(Item::Place(p)), Item::Event(d, e)) => {
                self.catalog.event(d, e).is_some_and(|ev| ev.places.contains(&p))
            }
            (Some(Item::Event(d, e)), Item::Place(p)) => {
                self.catalog.event(d, e).is_some_and(|ev| ev.places.contains(&p))
            }
            _ => false,
        }
    }

    /// Applies one command and returns the side effects to run.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        let mut effects = Vec::new();
        match command {
            Command::Open(paths) => {
                for path in paths {
                    self.remember(&path);
                    let id = self.add_document(display_name(&path), Source::File(path.clone()));
                    effects.push(Effect::Parse(id, Source::File(path)));
                }
            }
            Command::OpenSample => {
                let id = self.add_document(crate::SAMPLE_ARTICLE_NAME.to_owned(), Source::Sample);
                effects.push(Effect::Parse(id, Source::Sample));
            }
            Command::ShowOpenDialog => effects.push(Effect::PickFiles),
            Command::Close(id) => {
                self.documents.retain(|d| d.id != id);
                self.refresh();
            }
            Command::SetVisible(id, visible) => {
                if let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) {
                    doc.visible = visible;
                }
                self.refresh();
            }
            Command::ShowText(id) => self.text_doc = Some(id),
            Command::Select(item) => self.select(item),
            Command::ClearSelection => {
                self.selection = None;
                self.focused_mention = None;
            }
            Command::Hover(item) => self.hover = item,
            Command::FlyTo(item) => self.fly_to(item),
            Command::StepEvent(step) => self.step_event(step),
            Command::SetTimeWindow(window) => {
                self.time_window = window;
                self.keep_selection_visible();
            }
            Command::SetPlaceFilter(text) => self.place_filter = text,
            Command::SetEventOrder(order) => self.event_order = order,
            Command::FitAll => {
                let points = self
                    .catalog
                    .places
                    .iter()
                    .filter(|p| self.catalog.place_is_in(p, self.time_window))
                    .map(|p| p.position())
                    .collect();
                self.request_map(MapRequest::Fit(points));
            }
            Command::ZoomToSelection => {
                let points: Vec<Position> = self
                    .selected_places()
                    .iter()
                    .filter_map(|id| self.catalog.place(*id).map(|p| p.position()))
                    .collect();
                if !points.is_empty() {
                    self.request_map(MapRequest::Fit(points));
                }
            }
            Command::ZoomToPlaces(ids) => {
                let points: Vec<Position> = ids
                    .iter()
                    .filter_map(|id| self.catalog.place(*id).map(|p| p.position()))
                    .collect();
                if !points.is_empty() {
                    self.request_map(MapRequest::Fit(points));
                }
            }
            Command::SetBasemap(choice) => self.settings.basemap = choice,
            Command::ShowSaveDialog(kind) => effects.push(Effect::PickSavePath(kind)),
            Command::Export(kind, path) => effects.extend(self.export(kind, path)),
            Command::ShowAbout(open) => self.about_open = open,
            Command::ClearRecent => self.settings.recent_files.clear(),
            Command::Notify(notice) => self.notify(notice),
            Command::Job(result) => effects.extend(self.job_done(result)),
        }
        effects
    }

    fn add_document(&mut self, name: String, source: Source) -> DocId {
        let id = DocId(self.next_doc);
        self.next_doc += 1;
        self.documents.push(OpenDocument {
            id,
            name,
            source,
            status: DocStatus::Parsing,
            visible: true,
            place_count: 0,
        });
        id
    }

    fn remember(&mut self, path: &Path) {
        let recent = &mut self.settings.recent_files;
        recent.retain(|p| p != path);
        recent.insert(0, path.to_path_buf());
        recent.truncate(RECENT_FILES);
    }

    fn notify(&mut self, notice: Notice) {
        match notice.severity {
            super::command::Severity::Error => tracing::error!("{}", notice.text),
            super::command::Severity::Warning => tracing::warn!("{}", notice.text),
            super::command::Severity::Info => tracing::info!("{}", notice.text),
        }
        self.notice = Some(notice);
    }

    fn job_done(&mut self, result: JobResult) -> Vec<Effect> {
        match result {
            JobResult::Parsed { doc, result } => {
                // A document closed while parsing is dropped.
                let Some(open) = self.documents.iter_mut().find(|d| d.id == doc) else {
                    return Vec::new();
                };
                let first_ready = self.shown.is_empty();
                match result {
                    Ok(document) => {
                        let places = document.places().len();
                        let events = document.events.len();
                        let name = open.name.clone();
                        open.place_count = places;
                        open.status = DocStatus::Ready(document);
                        self.notify(Notice::info(format!(
                            "Parsed {name}: {places} places, {events} events"
                        )));
                    }
                    Err(reason) => {
                        let name = open.name.clone();
                        open.status = DocStatus::Failed(reason.clone());
                        self.notify(Notice::error(format!("Could not open {name}: {reason}")));
                    }
                }
                self.refresh();
                if self.text_doc.is_none_or(|d| self.shown_document(d).is_none()) {
                    self.text_doc = self.shown.first().map(|(d, _)| *d);
                }
                // The first documents to arrive set the view; later ones leave the user's view.
                if first_ready || self.parsing_count() == 0 {
                    self.apply(Command::FitAll);
                }
                Vec::new()
            }
            JobResult::FilesPicked(paths) if paths.is_empty() => Vec::new(),
            JobResult::FilesPicked(paths) => self.apply(Command::Open(paths)),
            JobResult::SavePathPicked { kind, path: Some(path) } => self.export(kind, path),
            JobResult::SavePathPicked { path: None, .. } => Vec::new(),
            JobResult::Exported { kind, path, result } => {
                self.exporting = false;
                let what = match kind {
                    ExportKind::GeoJson => "GeoJSON",
                    ExportKind::MapPng => "map image",
                };
                match result {
                    Ok(count) if kind == ExportKind::GeoJson => self.notify(Notice::info(format!(
                        "Exported {count} features as {what} to {}",
                        path.display()
                    ))),
                    Ok(_) => {
                        self.notify(Notice::info(format!("Saved {what} to {}", path.display())))
                    }
                    Err(reason) => self.notify(Notice::error(format!(
                        "Could not save {what}: {reason}: {}",
                        path.display()
                    ))),
                }
                Vec::new()
            }
        }
    }

    fn export(&mut self, kind: ExportKind, path: PathBuf) -> Vec<Effect> {
        if self.exporting {
            self.notify(Notice::warning("An export is already being written"));
            return Vec::new();
        }
        self.exporting = true;
        match kind {
            ExportKind::GeoJson => {
                let documents = self.shown.iter().map(|(_, d)| Arc::clone(d)).collect();
                vec![Effect::WriteGeoJson(path, documents)]
            }
            ExportKind::MapPng => vec![Effect::CaptureMap(path)],
        }
    }

    /// Rebuilds the catalog after documents change, and drops a selection that vanished.
    fn refresh(&mut self) {
        self.shown = self
            .documents
            .iter()
            .filter(|d| d.visible)
            .filter_map(|d| d.document().map(|doc| (d.id, Arc::clone(doc))))
            .collect();
        self.catalog = Catalog::build(&self.shown);
        self.catalog_generation += 1;
        if self.text_doc.is_some_and(|d| self.shown_document(d).is_none()) {
            self.text_doc = self.shown.first().map(|(d, _)| *d);
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let window = self.time_window;
        let still_there = match self.selection {
            Some(Item::Place(p)) => {
                self.catalog.place(p).is_some_and(|e| self.catalog.place_is_in(e, window))
            }
            Some(Item::Event(d, e)) => self.catalog.event(d, e).is_some_and(|e| e.is_in(window)),
            Some(Item::Mention(d, _)) => self.shown_document(d).is_some(),
            None => true,
        };
        if !still_there {
            self.selection = None;
            self.focused_mention = None;
        }
        if self.hover.is_some() && !still_there {
            self.hover = None;
        }
    }

    fn select(&mut self, item: Item) {
        match item {
            Item::Mention(doc, mention) => {
                let place = self
                    .shown_document(doc)
                    .and_then(|d| d.mentions.get(mention.index()))
                    .and_then(|m| m.place.as_ref())
                    .map(|p| p.id);
                self.focused_mention = Some(item);
                self.selection = place.map(Item::Place);
                self.text_doc = Some(doc);
            }
            Item::Place(place) => {
                self.selection = Some(item);
                self.focused_mention = None;
                self.scroll_to_place(place);
            }
            Item::Event(doc, event) => {
                self.selection = Some(item);
                self.focused_mention = None;
                let sentence = self
                    .shown_document(doc)
                    .and_then(|d| d.events.get(event.index()))
                    .map(|e| e.sentence);
                if let Some(span) = sentence {
                    self.text_doc = Some(doc);
                    self.request_scroll(ScrollRequest { doc, span });
                }
            }
        }
    }

    /// Shows the place's first mention in the text, switching documents when the one shown
    /// does not mention it.
    fn scroll_to_place(&mut self, place: PlaceId) {
        let Some(entry) = self.catalog.place(place) else { return };
        let in_shown_doc = entry.mentions.iter().find(|(d, _)| Some(*d) == self.text_doc);
        let Some(&(doc, mention)) = in_shown_doc.or_else(|| entry.mentions.first()) else {
            return;
        };
        let span =
            self.shown_document(doc).and_then(|d| d.mentions.get(mention.index())).map(|m| m.span);
        if let Some(span) = span {
            self.text_doc = Some(doc);
            self.request_scroll(ScrollRequest { doc, span });
        }
    }

    fn fly_to(&mut self, item: Item) {
        let points: Vec<Position> = self
            .catalog
            .places_of(item, &self.shown)
            .iter()
            .filter_map(|id| self.catalog.place(*id).map(|p| p.position()))
            .collect();
        let ids = self.catalog.places_of(item, &self.shown);
        match points.as_slice() {
            [] => {}
            [one] => {
                let kind = ids.first().and_then(|id| self.catalog.place(*id)).map(|p| p.place.kind);
                self.request_map(MapRequest::Centre(*one, kind.map_or(5.0, close_up_zoom)));
            }
            _ => self.request_map(MapRequest::Fit(points)),
        }
    }

    fn step_event(&mut self, step: i32) {
        let order: Vec<Item> = self
            .catalog
            .events_in_order(self.event_order)
            .into_iter()
            .filter(|e| e.is_in(self.time_window))
            .map(|e| e.item())
            .collect();
        if order.is_empty() {
            return;
        }
        let current = self.selection.and_then(|s| order.iter().position(|i| *i == s));
        let next = match current {
            Some(i) => (i as i64 + i64::from(step)).clamp(0, order.len() as i64 - 1) as usize,
            None if step < 0 => order.len() - 1,
            None => 0,
        };
        let item = order[next];
        self.select(item);
        self.fly_to(item);
    }

    fn request_map(&mut self, request: MapRequest) {
        self.map_request = (self.map_request.0 + 1, request);
    }

    fn request_scroll(&mut self, request: ScrollRequest) {
        self.scroll_request = (self.scroll_request.0 + 1, Some(request));
    }
}

/// How close the map goes to show one place of this kind on its own.
pub fn close_up_zoom(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Continent | PlaceKind::Region => 3.0,
        PlaceKind::Country => 4.0,
        PlaceKind::Admin1 | PlaceKind::Water | PlaceKind::Landform => 5.5,
        PlaceKind::Admin2 | PlaceKind::City | PlaceKind::Airport | PlaceKind::Facility => 7.0,
    }
}

/// The file name of a path, for lists ("report.txt"), or the whole path when it has none.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
