//! The menu bar: File, View and Help.

use egui::Ui;

use crate::gui::command::{BasemapChoice, Command, ExportKind};
use crate::gui::state::{AppState, display_name};

/// Draws the menu bar.
pub fn top_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
                commands.push(Command::ShowOpenDialog);
            }
            if ui.button("Open sample article").clicked() {
                commands.push(Command::OpenSample);
            }
            ui.menu_button("Open recent", |ui| {
                if state.settings.recent_files.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &state.settings.recent_files {
                    if ui
                        .button(display_name(path))
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        commands.push(Command::Open(vec![path.clone()]));
                    }
                }
                ui.separator();
                if ui
                    .add_enabled(
                        !state.settings.recent_files.is_empty(),
                        egui::Button::new("Clear list"),
                    )
                    .clicked()
                {
                    commands.push(Command::ClearRecent);
                }
            });
            ui.separator();
            let has_docs = !state.shown.is_empty();
            if ui.add_enabled(has_docs, egui::Button::new("Export GeoJSON…")).clicked() {
                commands.push(Command::ShowSaveDialog(ExportKind::GeoJson));
            }
            if ui.button("Export map as PNG…").clicked() {
                commands.push(Command::ShowSaveDialog(ExportKind::MapPng));
            }
            ui.separator();
            if ui.button("Quit").on_hover_text("Ctrl+Q").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Basemap");
            let current = state.settings.basemap;
            if ui.radio(current == BasemapChoice::Offline, "Offline (Natural Earth)").clicked() {
                commands.push(Command::SetBasemap(BasemapChoice::Offline));
            }
            if ui.radio(current == BasemapChoice::OpenStreetMap, "OpenStreetMap (online)").clicked()
            {
                commands.push(Command::SetBasemap(BasemapChoice::OpenStreetMap));
            }
            ui.separator();
            if ui.button("Fit all places").on_hover_text("F").clicked() {
                commands.push(Command::FitAll);
            }
            if ui
                .add_enabled(state.selection.is_some(), egui::Button::new("Zoom to selection"))
                .on_hover_text("Z")
                .clicked()
            {
                commands.push(Command::ZoomToSelection);
            }
            if ui
                .add_enabled(state.time_window.is_some(), egui::Button::new("Clear time filter"))
                .clicked()
            {
                commands.push(Command::SetTimeWindow(None));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("About newsmap").clicked() {
                commands.push(Command::ShowAbout(true));
            }
        });
    });
}
