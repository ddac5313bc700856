//! The desktop app (eframe + walkers): map, event list, timeline and text viewer, linked by
//! one shared selection.
//!
//! Layout follows the house style: [`app`] is a thin eframe shell, [`state::AppState::apply`]
//! is the only writer of state, panels push [`command::Command`]s, and everything slow runs
//! in [`jobs`]. The offline basemap is rendered from Natural Earth data in [`map::basemap`].

pub mod app;
pub mod catalog;
pub mod command;
pub mod export;
mod icon;
pub mod jobs;
pub mod map;
pub mod paint;
pub mod panels;
pub mod settings_file;
pub mod state;
pub mod theme;

use std::path::PathBuf;
use std::time::Instant;

pub use app::{AppOptions, NewsmapApp};
pub use command::{Command, DocId, Item};
pub use state::AppState;

/// Default window size in points (also the `--screenshot` size).
pub const WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens the app window on `files` (the built-in sample when empty). With `screenshot`, waits
/// until the documents are parsed and the basemap drawn, saves a PNG of the window there and
/// exits; settings are then neither read nor written, so screenshots are reproducible.
///
/// # Errors
/// When no window can be created (no display, no OpenGL).
pub fn run(files: Vec<PathBuf>, screenshot: Option<PathBuf>) -> eframe::Result<()> {
    let started = Instant::now();
    let settings_path = if screenshot.is_some() { None } else { settings_file::default_path() };
    let stored = settings_path.as_deref().map(settings_file::load).unwrap_or_default();
    let size = match (&screenshot, stored.0.window_size) {
        (None, Some([w, h])) if w >= 640.0 && h >= 400.0 => [w, h],
        _ => WINDOW_SIZE,
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("newsmap")
        .with_app_id("newsmap")
        .with_inner_size(size)
        .with_min_inner_size([800.0, 500.0])
        .with_icon(icon::app_icon())
        .with_drag_and_drop(true);
    let native = eframe::NativeOptions { viewport, ..eframe::NativeOptions::default() };
    let options = AppOptions { files, screenshot, settings_path, stored, processor: None, started };
    eframe::run_native(
        "newsmap",
        native,
        Box::new(move |_cc| Ok(Box::new(NewsmapApp::new(options)))),
    )
}
