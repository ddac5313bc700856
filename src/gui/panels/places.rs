//! The places list: every shown place, most mentioned first, with type-to-filter search.

use egui::{Color32, Sense, Ui, vec2};

use crate::gui::command::{Command, DateWindow, Item};
use crate::gui::map::places::place_tooltip_ui;
use crate::gui::state::AppState;
use crate::gui::theme::{category_colour, with_alpha};

/// True when `name` matches the filter: every word of the filter starts a word of the name,
/// ignoring case ("north ko" finds "North Korea", "kor" finds "South Korea").
pub fn matches_filter(name: &str, filter: &str) -> bool {
    let name = name.to_lowercase();
    let words: Vec<&str> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    filter.to_lowercase().split_whitespace().all(|f| {
        name.contains(f)
            && (words.iter().any(|w| w.starts_with(f))
                || f.contains(|c: char| !c.is_alphanumeric()))
    })
}

/// The rows the places list shows, kept until the catalog, the filter or the time window
/// changes: matching every name against the filter each frame is slow with thousands of places.
#[derive(Default)]
pub struct PlaceRowsCache {
    key: Option<(u64, String, Option<DateWindow>)>,
    rows: Vec<usize>,
}

impl PlaceRowsCache {
    /// Indices into `state.catalog.places` of the places matching `filter` inside the time
    /// window, in catalog order (most mentioned first).
    pub fn rows(&mut self, state: &AppState, filter: &str) -> &[usize] {
        let (generation, window) = (state.catalog_generation, state.time_window);
        let is_current = self
            .key
            .as_ref()
            .is_some_and(|(g, f, w)| *g == generation && f == filter && *w == window);
        if !is_current {
            let catalog = &state.catalog;
            self.rows = (0..catalog.places.len())
                .filter(|&i| {
                    let entry = &catalog.places[i];
                    matches_filter(&entry.place.name, filter) && catalog.place_is_in(entry, window)
                })
                .collect();
            self.key = Some((generation, filter.to_owned(), window));
        }
        &self.rows
    }
}

/// Draws the search box and the list.
pub fn places_ui(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut PlaceRowsCache,
    commands: &mut Vec<Command>,
) {
    ui.heading("Places");
    let mut filter = state.place_filter.clone();
    let label = ui.label("Search");
    let edit = ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text("Type to filter places")
            .desired_width(f32::INFINITY),
    );
    let edit = edit.labelled_by(label.id);
    if edit.changed() {
        commands.push(Command::SetPlaceFilter(filter.clone()));
    }
    let catalog = &state.catalog;
    let rows = cache.rows(state, &filter);
    if catalog.places.is_empty() {
        ui.weak("No places yet.");
        return;
    }
    if rows.is_empty() {
        ui.weak("No place matches.");
    }
    let row_height = 22.0;
    let selected = state.selected_places();
    egui::ScrollArea::vertical().id_salt("places").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for &i in &rows[range] {
                let entry = &catalog.places[i];
                let id = entry.place.id;
                let is_selected = selected.contains(&id);
                let colour = category_colour(entry.place.kind.category());
                ui.horizontal(|ui| {
                    let (dot, _) =
                        ui.allocate_exact_size(vec2(12.0, row_height - 6.0), Sense::hover());
                    let c = dot.center();
                    if entry.is_uncertain() {
                        ui.painter().circle_stroke(c, 4.5, egui::Stroke::new(2.0, colour));
                    } else {
                        ui.painter().circle_filled(c, 5.0, colour);
                    }
                    let response = ui.selectable_label(is_selected, &*entry.place.name);
                    let response = response.on_hover_ui(|ui| place_tooltip_ui(ui, entry));
                    if response.clicked() {
                        commands.push(Command::Select(Item::Place(id)));
                        commands.push(Command::FlyTo(Item::Place(id)));
                    }
                    if response.hovered() {
                        commands.push(Command::Hover(Some(Item::Place(id))));
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let n = entry.mentions.len();
                        ui.label(
                            egui::RichText::new(n.to_string())
                                .color(with_alpha(Color32::from_gray(60), 200))
                                .small(),
                        )
                        .on_hover_text(format!("{n} mention{}", if n == 1 { "" } else { "s" }));
                    });
                });
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_matches_word_starts_in_any_case() {
        assert!(matches_filter("North Korea", "north ko"));
        assert!(matches_filter("South Korea", "KOR"));
        assert!(matches_filter("Seoul", ""));
        assert!(!matches_filter("Seoul", "oul"));
        assert!(!matches_filter("Moscow", "kor"));
    }
}
