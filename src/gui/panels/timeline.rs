//! The timeline: events on a time axis that stays readable from 1945 to 2023.
//!
//! A linear axis would squeeze a month of 2023 news into one pixel next to 1945. The axis is
//! instead piecewise linear between the dates that occur, each gap getting a width that grows
//! with the logarithm of its length (capped), and long gaps are drawn as breaks. Dragging
//! across the axis filters the map and the lists to that window.

use chrono::{Datelike as _, NaiveDate};
use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use crate::gui::catalog::EventEntry;
use crate::gui::command::{Command, DateWindow};
use crate::gui::panels::event_list::format_date;
use crate::gui::state::AppState;
use crate::gui::theme::{ACCENT, with_alpha};

/// Gaps longer than this many days are drawn broken.
const BREAK_DAYS: i64 = 730;
/// Largest width (in axis units) one gap can take.
const MAX_GAP_WEIGHT: f64 = 3.5;

/// A non-linear time axis (see the module docs), mapping days to `0.0..=1.0` and back.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    /// (day number, position) pairs, both increasing.
    anchors: Vec<(i64, f64)>,
    /// Positions of gaps long enough to be drawn broken.
    breaks: Vec<f64>,
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

impl TimeAxis {
    /// The axis through every start and end day given; `None` when there are none.
    pub fn new(ranges: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Option<Self> {
        let mut days: Vec<i64> =
            ranges.into_iter().flat_map(|(a, b)| [day_number(a), day_number(b)]).collect();
        days.sort_unstable();
        days.dedup();
        let (&first, &last) = (days.first()?, days.last()?);
        if first == last {
            // One day: give it a week either side so it sits in the middle.
            days = vec![first - 7, first, first + 7];
        }
        let weight = |gap: i64| (0.5 + (1.0 + gap as f64 / 14.0).ln()).min(MAX_GAP_WEIGHT);
        let total: f64 = days.windows(2).map(|w| weight(w[1] - w[0])).sum();
        // 4 % margin at each end so the first and last events are not on the edge.
        let margin = 0.04;
        let scale = (1.0 - 2.0 * margin) / total;
        let mut x = margin;
        let mut anchors = vec![(days[0], x)];
        let mut breaks = Vec::new();
        for w in days.windows(2) {
            let width = weight(w[1] - w[0]) * scale;
            if w[1] - w[0] > BREAK_DAYS {
                breaks.push(x + width / 2.0);
            }
            x += width;
            anchors.push((w[1], x));
        }
        Some(Self { anchors, breaks })
    }

    /// Position of a day on the axis (extrapolated beyond the ends).
    pub fn x_of(&self, date: NaiveDate) -> f64 {
        let day = day_number(date);
        let i = self.anchors.partition_point(|(d, _)| *d < day).clamp(1, self.anchors.len() - 1);
        let ((d0, x0), (d1, x1)) = (self.anchors[i - 1], self.anchors[i]);
        x0 + (x1 - x0) * (day - d0) as f64 / (d1 - d0).max(1) as f64
    }

    /// The day at a position (the inverse of [`TimeAxis::x_of`]).
    pub fn date_at(&self, x: f64) -> Option<NaiveDate> {
        let i = self.anchors.partition_point(|(_, ax)| *ax < x).clamp(1, self.anchors.len() - 1);
        let ((d0, x0), (d1, x1)) = (self.anchors[i - 1], self.anchors[i]);
        let t = (x - x0) / (x1 - x0).max(1e-12);
        date_of(d0 + ((d1 - d0) as f64 * t).round() as i64)
    }

    /// Where the axis is broken.
    pub fn breaks(&self) -> &[f64] {
        &self.breaks
    }
}

/// Draws the timeline strip.
pub fn timeline_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    let dated: Vec<&EventEntry> =
        state.catalog.events.iter().filter(|e| e.date.is_some()).collect();
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        match state.time_window {
            Some(w) => {
                ui.label(format!(
                    "showing {} – {}",
                    w.from.format("%-d %b %Y"),
                    w.to.format("%-d %b %Y")
                ));
                if ui.small_button("Clear filter").clicked() {
                    commands.push(Command::SetTimeWindow(None));
                }
            }
            None if !dated.is_empty() => {
                ui.weak("drag across the axis to filter the map and the lists");
            }
            None => {}
        }
    });
    let ranges = dated.iter().filter_map(|e| e.date.as_ref().map(|d| (d.start, d.end)));
    let Some(axis) = TimeAxis::new(ranges) else {
        ui.weak("No dated events.");
        return;
    };
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), ui.available_height().max(56.0)),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(6), Color32::WHITE);
    let inner = rect.shrink2(vec2(10.0, 6.0));
    let axis_y = inner.bottom() - 18.0;
    let to_x = |x: f64| inner.left() + x as f32 * inner.width();
    let from_x = |px: f32| f64::from((px - inner.left()) / inner.width());

    // Filter window, then the axis with its breaks.
    if let Some(w) = state.time_window {
        let r = Rect::from_x_y_ranges(
            to_x(axis.x_of(w.from))..=to_x(axis.x_of(w.to)).max(to_x(axis.x_of(w.from)) + 2.0),
            inner.y_range(),
        );
        painter.rect_filled(r, CornerRadius::same(3), with_alpha(ACCENT, 30));
    }
    let axis_stroke = Stroke::new(1.0, Color32::from_gray(150));
    painter.line_segment([pos2(inner.left(), axis_y), pos2(inner.right(), axis_y)], axis_stroke);
    for &b in axis.breaks() {
        let x = to_x(b);
        painter.rect_filled(
            Rect::from_center_size(pos2(x, axis_y), vec2(8.0, 10.0)),
            CornerRadius::ZERO,
            Color32::WHITE,
        );
        for dx in [-3.0, 3.0] {
            painter.line_segment(
                [pos2(x + dx - 2.5, axis_y + 5.0), pos2(x + dx + 2.5, axis_y - 5.0)],
                axis_stroke,
            );
        }
    }

    // Lanes: an event goes in the first lane where it does not touch the previous one.
    let mut order: Vec<&EventEntry> = dated.clone();
    order.sort_by_key(|e| e.date.as_ref().map(|d| (d.start, d.end)));
    let lane_height = 13.0;
    let max_lanes = (((axis_y - inner.top() - 4.0) / lane_height).floor() as usize).max(1);
    let mut lane_ends: Vec<f32> = Vec::new();
    let mut labels: Vec<(f32, String, bool)> = Vec::new();
    for event in order {
        let Some(date) = &event.date else { continue };
        let (x0, x1) = (to_x(axis.x_of(date.start)), to_x(axis.x_of(date.end)));
        let lane = lane_ends.iter().position(|end| *end + 4.0 < x0).unwrap_or(lane_ends.len());
        if lane == lane_ends.len() {
            lane_ends.push(x1.max(x0 + 8.0));
        } else {
            lane_ends[lane] = x1.max(x0 + 8.0);
        }
        let y = axis_y - 9.0 - (lane.min(max_lanes - 1)) as f32 * lane_height;
        let item = event.item();
        let selected = state.selection == Some(item);
        let related = state.is_highlighted(item);
        let in_window = event.is_in(state.time_window);
        let base =
            if in_window { Color32::from_rgb(0x4a, 0x5d, 0x7e) } else { Color32::from_gray(190) };
        let colour = if selected || related { ACCENT } else { base };
        let hit = if x1 - x0 > 8.0 {
            let r = Rect::from_x_y_ranges(x0..=x1, (y - 4.0)..=(y + 4.0));
            painter.rect_filled(r, CornerRadius::same(4), with_alpha(colour, 150));
            r.expand(2.0)
        } else {
            let c = pos2((x0 + x1) / 2.0, y);
            painter.circle_filled(c, if selected { 6.0 } else { 5.0 }, colour);
            painter.circle_stroke(
                c,
                if selected { 6.0 } else { 5.0 },
                Stroke::new(1.5, Color32::WHITE),
            );
            Rect::from_center_size(c, vec2(14.0, 14.0))
        };
        if selected {
            painter.rect_stroke(
                hit.expand(1.0),
                CornerRadius::same(5),
                Stroke::new(1.5, ACCENT),
                egui::StrokeKind::Outside,
            );
        }
        let r = ui.interact(hit, ui.scope_id().with(("timeline-event", item)), Sense::click());
        r.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Button,
                true,
                format!("Timeline: {}", event.summary),
            )
        });
        let r = r.on_hover_ui(|ui| {
            ui.strong(format_date(date));
            ui.label(&event.summary);
        });
        if r.clicked() {
            commands.push(Command::Select(item));
            commands.push(Command::FlyTo(item));
        }
        labels.push(((x0 + x1) / 2.0, format_date(date), selected));
    }

    // Date labels under the axis: selected first, then left to right, never overlapping.
    labels.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.total_cmp(&b.0)));
    let mut taken: Vec<Rect> = Vec::new();
    for (x, text, selected) in labels {
        let font = FontId::proportional(10.5);
        let colour = if selected { ACCENT } else { Color32::from_gray(80) };
        let galley = painter.layout_no_wrap(text.clone(), font.clone(), colour);
        let r = Align2::CENTER_TOP
            .anchor_size(pos2(x, axis_y + 3.0), galley.size())
            .expand2(vec2(3.0, 0.0));
        let r = r.translate(vec2(
            (inner.left() - r.left()).max(0.0) + (inner.right() - r.right()).min(0.0),
            0.0,
        ));
        if taken.iter().any(|t| t.intersects(r)) {
            continue;
        }
        painter.text(r.center_top() + vec2(0.0, 0.0), Align2::CENTER_TOP, text, font, colour);
        taken.push(r);
    }

    // Dragging selects a window.
    let drag_id = ui.scope_id().with("timeline-drag");
    if response.drag_started()
        && let Some(p) = response.interact_pointer_pos()
    {
        ui.data_mut(|d| d.insert_temp(drag_id, p.x));
    }
    let start: Option<f32> = ui.data(|d| d.get_temp(drag_id));
    if let (Some(x0), Some(p)) = (start, response.interact_pointer_pos().or(response.hover_pos())) {
        if response.dragged() {
            let r = Rect::from_x_y_ranges(x0.min(p.x)..=x0.max(p.x), inner.y_range());
            painter.rect(
                r,
                CornerRadius::same(3),
                with_alpha(ACCENT, 40),
                Stroke::new(1.0, ACCENT),
                egui::StrokeKind::Inside,
            );
        }
        if response.drag_stopped() {
            ui.data_mut(|d| d.remove::<f32>(drag_id));
            if (p.x - x0).abs() > 4.0
                && let (Some(a), Some(b)) = (axis.date_at(from_x(x0)), axis.date_at(from_x(p.x)))
            {
                commands.push(Command::SetTimeWindow(Some(DateWindow::between(a, b))));
            }
        }
    }
    if response.double_clicked() {
        commands.push(Command::SetTimeWindow(None));
    }
    if let Some(p) = response.hover_pos().filter(|_| !response.dragged())
        && let Some(day) = axis.date_at(from_x(p.x))
    {
        // The day under the pointer, so the user knows where a drag will start.
        painter.line_segment(
            [pos2(p.x, inner.top()), pos2(p.x, axis_y)],
            Stroke::new(1.0, with_alpha(ACCENT, 90)),
        );
        painter.text(
            pos2(p.x + 4.0, inner.top()),
            Align2::LEFT_TOP,
            day.format("%-d %b %Y").to_string(),
            FontId::proportional(10.0),
            with_alpha(ACCENT, 200),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample_axis() -> TimeAxis {
        TimeAxis::new([
            (d(1945, 1, 1), d(1945, 12, 31)),
            (d(1948, 10, 12), d(1948, 10, 12)),
            (d(2023, 9, 1), d(2023, 9, 30)),
            (d(2023, 9, 13), d(2023, 9, 13)),
            (d(2023, 10, 12), d(2023, 10, 12)),
        ])
        .unwrap()
    }

    #[test]
    fn a_month_of_2023_gets_room_next_to_75_years_of_history() {
        let axis = sample_axis();
        let month = axis.x_of(d(2023, 10, 12)) - axis.x_of(d(2023, 9, 13));
        let history = axis.x_of(d(2023, 9, 1)) - axis.x_of(d(1948, 10, 12));
        // On a linear axis the month would be 0.1 % of the history; here it is far more.
        assert!(month > history * 0.4, "month {month}, history {history}");
        assert!(month > 0.1, "{month}");
        assert_eq!(axis.breaks().len(), 2, "1945–1948 and 1948–2023 are broken");
    }

    #[test]
    fn positions_map_back_to_their_days() {
        let axis = sample_axis();
        for day in [d(1945, 6, 1), d(1948, 10, 12), d(2023, 9, 13), d(2023, 10, 12)] {
            assert_eq!(axis.date_at(axis.x_of(day)), Some(day));
        }
        let (lo, hi) = (axis.x_of(d(1945, 1, 1)), axis.x_of(d(2023, 10, 12)));
        assert!(lo > 0.0 && hi < 1.0 && lo < hi);
    }

    #[test]
    fn a_single_day_sits_mid_axis() {
        let axis = TimeAxis::new([(d(2023, 9, 13), d(2023, 9, 13))]).unwrap();
        assert!((axis.x_of(d(2023, 9, 13)) - 0.5).abs() < 1e-9);
        assert!(TimeAxis::new(std::iter::empty()).is_none());
    }
}
