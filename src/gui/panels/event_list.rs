//! The event table: date, summary, places, actors; sortable by date, undated last.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::gui::catalog::EventEntry;
use crate::gui::command::{Command, EventOrder};
use crate::gui::state::AppState;
use crate::gui::theme::with_alpha;
use crate::model::{DateRange, Granularity};

/// "13 Sep 2023", "Sep 2023", "1945", "1940s"; a range shows both ends.
pub fn format_date(date: &DateRange) -> String {
    let one = |d: chrono::NaiveDate| match date.granularity {
        Granularity::Day | Granularity::Week => d.format("%-d %b %Y").to_string(),
        Granularity::Month | Granularity::Season => d.format("%b %Y").to_string(),
        Granularity::Year => d.format("%Y").to_string(),
        Granularity::Decade => format!("{}s", d.format("%Y")),
        Granularity::Century => format!("{}s", d.format("%Y")),
    };
    let (start, end) = (one(date.start), one(date.end));
    if start == end { start } else { format!("{start} – {end}") }
}

/// Draws the table of events inside the time window.
pub fn event_list_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let events: Vec<&EventEntry> = state
        .catalog
        .events_in_order(state.event_order)
        .into_iter()
        .filter(|e| e.is_in(state.time_window))
        .collect();
    if state.catalog.events.is_empty() {
        ui.weak("No events found in the shown documents.");
        return;
    }
    let selected_row = events.iter().position(|e| state.selection == Some(e.item()));
    let scroll_to = selected_row.filter(|_| scroll_wanted(ui, state));
    let mut table = TableBuilder::new(ui)
        .id_salt("events")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(140.0).at_least(110.0))
        .column(Column::initial(380.0).at_least(160.0).clip(true))
        .column(Column::initial(200.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false]);
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(22.0, |mut header| {
            header.col(|ui| {
                let arrow = match state.event_order {
                    EventOrder::OldestFirst => "Date · oldest first",
                    EventOrder::NewestFirst => "Date · newest first",
                };
                if ui
                    .button(RichText::new(arrow).strong())
                    .on_hover_text("Sort by date (undated last)")
                    .clicked()
                {
                    let order = match state.event_order {
                        EventOrder::OldestFirst => EventOrder::NewestFirst,
                        EventOrder::NewestFirst => EventOrder::OldestFirst,
                    };
                    commands.push(Command::SetEventOrder(order));
                }
            });
            for title in ["Event", "Places", "Actors"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, events.len(), |mut row| {
                let event = events[row.index()];
                let item = event.item();
                row.set_selected(state.selection == Some(item));
                row.set_hovered(state.is_highlighted(item) && state.selection != Some(item));
                row.col(|ui| {
                    match &event.date {
                        Some(date) => {
                            ui.label(format_date(date)).on_hover_text(format!("“{}”", date.text))
                        }
                        None => ui.weak("undated"),
                    };
                });
                let mut clicked = false;
                row.col(|ui| {
                    clicked |= ui
                        .add(
                            egui::Label::new(&event.summary).sense(egui::Sense::click()).truncate(),
                        )
                        .clicked();
                });
                row.col(|ui| {
                    let names: Vec<&str> = event
                        .places
                        .iter()
                        .filter_map(|p| state.catalog.place(*p).map(|e| &*e.place.name))
                        .collect();
                    ui.add(egui::Label::new(names.join(", ")).truncate());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(event.actors.join(", "))
                                .color(with_alpha(egui::Color32::from_gray(50), 230)),
                        )
                        .truncate(),
                    );
                });
                if clicked || row.response().clicked() {
                    commands.push(Command::Select(item));
                    commands.push(Command::FlyTo(item));
                }
            });
        });
}

/// Scroll the table to the selection only when it changed (not every frame, which would
/// fight the user's own scrolling).
fn scroll_wanted(ui: &Ui, state: &AppState) -> bool {
    let id = egui::Id::unique("event-list-last-selection");
    let current = format!("{:?}", state.selection);
    let last: Option<String> = ui.data(|d| d.get_temp(id));
    if last.as_deref() == Some(current.as_str()) {
        return false;
    }
    ui.data_mut(|d| d.insert_temp(id, current));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn range(start: (i32, u32, u32), end: (i32, u32, u32), granularity: Granularity) -> DateRange {
        DateRange {
            start: NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap(),
            end: NaiveDate::from_ymd_opt(end.0, end.1, end.2).unwrap(),
            granularity,
            text: String::new(),
        }
    }

    #[test]
    fn dates_read_at_their_precision() {
        assert_eq!(
            format_date(&range((2023, 9, 13), (2023, 9, 13), Granularity::Day)),
            "13 Sep 2023"
        );
        assert_eq!(
            format_date(&range((2023, 9, 1), (2023, 9, 30), Granularity::Month)),
            "Sep 2023"
        );
        assert_eq!(format_date(&range((1945, 1, 1), (1945, 12, 31), Granularity::Year)), "1945");
        assert_eq!(
            format_date(&range((2023, 9, 10), (2023, 9, 12), Granularity::Day)),
            "10 Sep 2023 – 12 Sep 2023"
        );
    }
}
