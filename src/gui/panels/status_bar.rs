//! The status bar: the latest message on the left, progress and counts on the right.

use egui::{Color32, RichText, Ui};

use crate::gui::command::Severity;
use crate::gui::state::AppState;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, state: &AppState, zoom: f64) {
    ui.horizontal(|ui| {
        if let Some(notice) = &state.notice {
            let colour = match notice.severity {
                Severity::Info => Color32::from_gray(70),
                Severity::Warning => Color32::from_rgb(0x9a, 0x5b, 0x00),
                Severity::Error => Color32::from_rgb(0xb0, 0x20, 0x20),
            };
            let icon = match notice.severity {
                Severity::Info => "",
                Severity::Warning => "⚠ ",
                Severity::Error => "⛔ ",
            };
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{icon}{}", notice.text)).color(colour).small(),
                )
                .truncate(),
            );
        } else {
            ui.label(RichText::new("Ready").small().weak());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(format!("zoom {zoom:.1}")).small().weak());
            ui.separator();
            let places = state.catalog.places.len();
            let events = state.catalog.events.len();
            let docs = state.shown.len();
            ui.label(
                RichText::new(format!(
                    "{places} place{} · {events} event{} · {docs} document{}",
                    plural(places),
                    plural(events),
                    plural(docs)
                ))
                .small(),
            );
            let parsing = state.parsing_count();
            if parsing > 0 {
                ui.separator();
                let total = state.documents.len();
                let done = total - parsing;
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(120.0)
                        .animate(true)
                        .text(format!("Parsing {parsing} of {total}…")),
                );
            }
            if state.exporting {
                ui.separator();
                ui.spinner();
                ui.label(RichText::new("Exporting…").small());
            }
        });
    });
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
