//! The documents list: every open document, toggleable, with its parsing status.

use egui::{Color32, RichText, Ui};

use crate::gui::command::Command;
use crate::gui::state::{AppState, DocStatus};

/// Draws the documents list.
pub fn documents_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Documents");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Open…")
                .on_hover_text("Open articles (Ctrl+O), or drop files on the window")
                .clicked()
            {
                commands.push(Command::ShowOpenDialog);
            }
        });
    });
    if state.documents.is_empty() {
        ui.weak("No documents. Open or drop .txt, .md or .html files.");
    }
    for doc in &state.documents {
        ui.horizontal(|ui| {
            let mut visible = doc.visible;
            let toggle =
                ui.checkbox(&mut visible, "").on_hover_text("Show on the map and in the lists");
            toggle.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::accesskit::Role::CheckBox,
                    true,
                    doc.visible,
                    format!("Show {}", doc.name),
                )
            });
            if toggle.changed() {
                commands.push(Command::SetVisible(doc.id, visible));
            }
            let is_shown_text = state.text_doc == Some(doc.id);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("×").on_hover_text("Close").clicked() {
                    commands.push(Command::Close(doc.id));
                }
                match &doc.status {
                    DocStatus::Parsing => {
                        ui.spinner().on_hover_text("Parsing…");
                    }
                    DocStatus::Ready(_) => {
                        ui.weak(doc.place_count.to_string()).on_hover_text("places");
                    }
                    DocStatus::Failed(reason) => {
                        ui.label(RichText::new("⚠").color(Color32::from_rgb(0xc0, 0x30, 0x20)))
                            .on_hover_text(reason);
                    }
                }
                // The name takes the room left, truncated with an ellipsis.
                let label = ui
                    .with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(
                            egui::Button::selectable(is_shown_text, doc.name.as_str()).truncate(),
                        )
                        .on_hover_text(&doc.name)
                    })
                    .inner;
                if label.clicked() {
                    commands.push(Command::ShowText(doc.id));
                }
            });
        });
    }
}
