//! The eframe app: a thin shell that polls jobs, lays out the panels and applies commands.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use egui::{Context, Frame, Key, Modifiers, Ui};

use super::command::{Command, Effect, Notice};
use super::jobs::{Jobs, Processor};
use super::map::MapView;
use super::panels::about::about_ui;
use super::panels::documents::documents_ui;
use super::panels::event_list::event_list_ui;
use super::panels::places::{PlaceRowsCache, places_ui};
use super::panels::status_bar::status_bar_ui;
use super::panels::text_view::{TextViewCache, text_view_ui};
use super::panels::timeline::{TimelineCache, timeline_ui};
use super::panels::top_bar::top_bar_ui;
use super::settings_file::{self, Stored};
use super::state::AppState;
use super::theme;

/// Frames the window must stay settled (documents parsed, tiles drawn) before `--screenshot`
/// captures it.
const SETTLED_FRAMES: u32 = 8;
/// How often changed settings are written while the app runs (they are also written on exit).
const SAVE_EVERY: Duration = Duration::from_secs(30);

/// A window capture on its way to a PNG file.
type Capture = (PathBuf, Arc<egui::ColorImage>);

/// How the app starts.
pub struct AppOptions {
    /// Files to open; empty opens the built-in sample.
    pub files: Vec<PathBuf>,
    /// Save a PNG of the window here once it is settled, then exit.
    pub screenshot: Option<PathBuf>,
    /// Where settings are kept; `None` keeps nothing (screenshots, tests).
    pub settings_path: Option<PathBuf>,
    /// Settings already loaded (with a warning if the file was corrupt).
    pub stored: (Stored, Option<String>),
    /// A processor instead of the real pipeline (tests).
    pub processor: Option<Processor>,
    /// When the process started, for the first-frame timing.
    pub started: Instant,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            files: Vec::new(),
            screenshot: None,
            settings_path: None,
            stored: (Stored::default(), None),
            processor: None,
            started: Instant::now(),
        }
    }
}

/// Everything that exists once the app has a context (the first frame).
struct Running {
    jobs: Jobs,
    map: MapView,
}

/// The desktop app.
pub struct NewsmapApp {
    /// The state every panel reads.
    pub state: AppState,
    /// The text viewer's memo (public so tests can check what was highlighted).
    pub text_cache: TextViewCache,
    place_rows: PlaceRowsCache,
    timeline: TimelineCache,
    running: Option<Running>,
    options: AppOptions,
    layout: Option<serde_json::Value>,
    settled_frames: u32,
    screenshot_requested: bool,
    captures: (Sender<Capture>, Receiver<Capture>),
    window_size: Option<[f32; 2]>,
    last_saved: Option<Instant>,
    /// Frames drawn so far (the first-paint timing is logged when the second one starts).
    frames: u64,
}

impl NewsmapApp {
    /// An app that starts on its first frame (so textures live on whichever context draws it:
    /// eframe's, or a test harness's).
    pub fn new(mut options: AppOptions) -> Self {
        let (stored, warning) = std::mem::take(&mut options.stored);
        let mut state = AppState::new(stored.settings);
        if let Some(warning) = warning {
            state.apply(Command::Notify(Notice::warning(warning)));
        }
        Self {
            state,
            text_cache: TextViewCache::default(),
            place_rows: PlaceRowsCache::default(),
            timeline: TimelineCache::default(),
            running: None,
            layout: stored.layout,
            window_size: stored.window_size,
            options,
            settled_frames: 0,
            screenshot_requested: false,
            captures: channel(),
            last_saved: None,
            frames: 0,
        }
    }

    /// The current map zoom (0 before the first frame).
    pub fn map_zoom(&self) -> f64 {
        self.running.as_ref().map_or(0.0, |r| r.map.zoom())
    }

    fn start(&mut self, ctx: &Context) -> &mut Running {
        if self.running.is_none() {
            // Restore egui's memory (panel sizes) before installing the theme, which must win.
            if let Some(layout) = self.layout.take() {
                match serde_json::from_value::<egui::Memory>(layout) {
                    Ok(memory) => ctx.memory_mut(|m| *m = memory),
                    Err(err) => tracing::warn!("stored panel layout ignored: {err}"),
                }
            }
            theme::install(ctx);
            let jobs = match self.options.processor.clone() {
                Some(processor) => Jobs::with_processor(ctx.clone(), processor),
                None => Jobs::new(ctx.clone()),
            };
            let first = if self.options.files.is_empty() {
                Command::OpenSample
            } else {
                Command::Open(std::mem::take(&mut self.options.files))
            };
            let effects = self.state.apply(first);
            self.running = Some(Running { jobs, map: MapView::new(ctx.clone()) });
            self.run_effects(ctx, effects);
        }
        self.running.get_or_insert_with(|| Running {
            jobs: Jobs::new(ctx.clone()),
            map: MapView::new(ctx.clone()),
        })
    }

    /// Draws one frame into `ui` and applies what the user did. Used by eframe and by tests.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.frames == 1 {
            // The first frame has been painted and presented by the time the second starts.
            let millis = self.options.started.elapsed().as_millis();
            tracing::info!("first frame painted {millis} ms after launch");
        }
        let mut commands: Vec<Command> = Vec::new();
        let running = self.start(&ctx);
        commands.extend(running.jobs.poll().into_iter().map(Command::Job));
        keyboard(&ctx, &self.state, &mut commands);
        dropped_files(&ctx, &mut commands);

        egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, &self.state, &mut commands));
        let zoom = self.map_zoom();
        egui::Panel::bottom("status_bar").show(ui, |ui| status_bar_ui(ui, &self.state, zoom));
        egui::Panel::bottom("events")
            .resizable(true)
            .default_size(230.0)
            .size_range(120.0..=600.0)
            .show(ui, |ui| {
                if self.state.settings.show_timeline {
                    let height = 92.0;
                    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                        timeline_ui(ui, &self.state, &mut self.timeline, &mut commands);
                    });
                    ui.add_space(4.0);
                }
                event_list_ui(ui, &self.state, &mut commands);
            });
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(240.0)
            .size_range(180.0..=420.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                documents_ui(ui, &self.state, &mut commands);
                ui.separator();
                places_ui(ui, &self.state, &mut self.place_rows, &mut commands);
            });
        egui::Panel::right("text")
            .resizable(true)
            .default_size(380.0)
            .size_range(260.0..=700.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                text_view_ui(ui, &self.state, &mut self.text_cache, &mut commands);
            });
        let sea = super::map::basemap::PALETTE.ocean;
        let map_frame = Frame::NONE.fill(egui::Color32::from_rgb(sea[0], sea[1], sea[2]));
        egui::CentralPanel::default().frame(map_frame).show(ui, |ui| {
            if let Some(running) = self.running.as_mut() {
                running.map.ui(ui, &self.state, &mut commands);
            }
        });
        about_ui(&ctx, &self.state, &mut commands);
        file_drop_overlay(&ctx);

        // Hover lasts as long as some panel reports it each frame.
        if state_hover_is_stale(&self.state, &commands) {
            commands.push(Command::Hover(None));
        }
        for command in commands {
            let effects = self.state.apply(command);
            self.run_effects(&ctx, effects);
        }
        self.receive_captures(&ctx);
        self.window_size = ctx
            .input(|i| i.viewport().inner_rect.map(|r| [r.width(), r.height()]))
            .or(self.window_size);
        self.frames += 1;
        self.screenshot(&ctx);
        self.autosave(&ctx);
    }

    /// Applies a command from outside the panels (scripts, tests) and runs its effects, as
    /// if a panel had pushed it.
    pub fn apply(&mut self, command: Command) {
        let effects = self.state.apply(command);
        if let Some(ctx) = self.running.as_ref().map(|r| r.jobs.ctx().clone()) {
            self.run_effects(&ctx, effects);
        }
    }

    fn run_effects(&mut self, ctx: &Context, effects: Vec<Effect>) {
        let Some(running) = self.running.as_ref() else { return };
        for effect in effects {
            match effect {
                Effect::Parse(doc, source) => running.jobs.parse(doc, source),
                Effect::PickFiles => running.jobs.pick_files(),
                Effect::PickSavePath(kind) => running.jobs.pick_save_path(kind),
                Effect::WriteGeoJson(path, documents) => {
                    running.jobs.write_geojson(path, documents)
                }
                Effect::CaptureMap(path) => {
                    let sender = self.captures.0.clone();
                    let repaint = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        sender.send((path, image)).ok();
                        repaint.request_repaint();
                    });
                }
            }
        }
    }

    /// Crops a captured window to the map and writes it in the background.
    fn receive_captures(&mut self, ctx: &Context) {
        let Some(running) = self.running.as_ref() else { return };
        while let Ok((path, image)) = self.captures.1.try_recv() {
            let cropped = match running.map.rect {
                Some(rect) => Arc::new(image.region(&rect, Some(ctx.pixels_per_point()))),
                None => Arc::clone(&image),
            };
            running.jobs.write_png(path, cropped);
        }
    }

    /// `--screenshot`: once documents are parsed and tiles drawn for a few frames, save the
    /// window and close.
    fn screenshot(&mut self, ctx: &Context) {
        let Some(path) = self.options.screenshot.clone() else { return };
        if self.screenshot_requested {
            return;
        }
        let settled = self.state.parsing_count() == 0
            && self.running.as_ref().is_some_and(|r| r.map.is_settled());
        self.settled_frames = if settled { self.settled_frames + 1 } else { 0 };
        if self.settled_frames < SETTLED_FRAMES {
            ctx.request_repaint_after(Duration::from_millis(16));
            return;
        }
        self.screenshot_requested = true;
        let started = self.options.started;
        let closer = ctx.clone();
        ctx.request_screenshot(move |image| {
            match super::export::write_png(&image, &path) {
                Ok(()) => eprintln!(
                    "screenshot saved to {} after {} ms",
                    path.display(),
                    started.elapsed().as_millis()
                ),
                Err(err) => eprintln!("screenshot failed: {err:#}"),
            }
            closer.send_viewport_cmd(egui::ViewportCommand::Close);
        });
        ctx.request_repaint();
    }

    fn autosave(&mut self, ctx: &Context) {
        if self.options.settings_path.is_none() {
            return;
        }
        let due = self.last_saved.is_none_or(|t| t.elapsed() > SAVE_EVERY);
        if due {
            if self.last_saved.is_some() {
                self.save(ctx);
            }
            self.last_saved = Some(Instant::now());
        }
    }

    /// Writes settings, window size and panel layout (on exit, and every half minute).
    pub fn save(&mut self, ctx: &Context) {
        let Some(path) = self.options.settings_path.clone() else { return };
        let layout = ctx.memory(|m| serde_json::to_value(m).ok());
        let stored =
            Stored { settings: self.state.settings.clone(), window_size: self.window_size, layout };
        if let Err(err) = settings_file::save(&path, &stored) {
            tracing::warn!("could not save settings: {err:#}");
        }
    }
}

impl eframe::App for NewsmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        NewsmapApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(ctx) = self.running.as_ref().map(|r| r.map_ctx()) {
            self.save(&ctx);
        }
    }
}

impl Running {
    fn map_ctx(&self) -> Context {
        self.jobs.ctx().clone()
    }
}

fn state_hover_is_stale(state: &AppState, commands: &[Command]) -> bool {
    state.hover.is_some() && !commands.iter().any(|c| matches!(c, Command::Hover(Some(_))))
}

fn keyboard(ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::O)) {
        commands.push(Command::ShowOpenDialog);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Q)) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
    // Plain keys only when no text field has the keyboard.
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        if state.about_open {
            commands.push(Command::ShowAbout(false));
        } else {
            commands.push(Command::ClearSelection);
        }
    }
    if ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::ArrowDown)
            || i.consume_key(Modifiers::NONE, Key::ArrowRight)
    }) {
        commands.push(Command::StepEvent(1));
    }
    if ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::ArrowUp)
            || i.consume_key(Modifiers::NONE, Key::ArrowLeft)
    }) {
        commands.push(Command::StepEvent(-1));
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F)) {
        commands.push(Command::FitAll);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Z)) && state.selection.is_some() {
        commands.push(Command::ZoomToSelection);
    }
}

fn dropped_files(ctx: &Context, commands: &mut Vec<Command>) {
    let paths: Vec<PathBuf> =
        ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
    if !paths.is_empty() {
        commands.push(Command::Open(paths));
    }
}

/// A hint over the whole window while files are dragged over it.
fn file_drop_overlay(ctx: &Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter =
        ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(120));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop articles to open them",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
