//! The timeline: events on a time axis that stays readable from 1945 to 2023.
//!
//! A linear axis would squeeze a month of 2023 news into one pixel next to 1945. The axis is
//! instead piecewise linear between the dates that occur, each gap getting a width that grows
//! with the logarithm of its length (capped), and long gaps are drawn as breaks. Dragging
//! across the axis filters the map and the lists to that window.

use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::gui::command::{Command, DateWindow};
use crate::gui::paint::outlined_disc;
use crate::gui::panels::event_list::format_date;
use crate::gui::state::AppState;
use crate::gui::theme::{ACCENT, with_alpha};

pub use super::time_axis::TimeAxis;

/// Height of one lane of events, points.
const LANE_HEIGHT: f32 = 13.0;

/// One dated event as placed on the strip.
struct Mark {
    /// Index into `catalog.events`.
    event: usize,
    /// Left and right ends, in screen points.
    x0: f32,
    x1: f32,
    /// Its lane, counted up from the axis (lanes past the strip's height share the top one).
    lane: usize,
    /// Its date as labelled under the axis, and the size of that label.
    label: String,
    label_size: Vec2,
}

/// The geometry a layout was made for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    generation: u64,
    left: f32,
    width: f32,
    max_lanes: usize,
    pixels_per_point: f32,
}

/// The timeline's memo: the axis and every dated event's place, lane and label size, rebuilt
/// only when the catalog or the strip's geometry changes. Building it sorts, positions and
/// measures every dated event, too slow to redo each frame with a thousand of them; what
/// changes with the selection and the time window (colours, which label wins) is still
/// decided per frame.
#[derive(Default)]
pub struct TimelineCache {
    key: Option<LayoutKey>,
    axis: Option<TimeAxis>,
    /// Dated events in date order.
    marks: Vec<Mark>,
    /// Indices into `marks`, left to right by label position (date order among equals).
    by_label_x: Vec<usize>,
}

impl TimelineCache {
    /// Lays the events out for this catalog and strip, unless that is already done.
    fn update(&mut self, ui: &Ui, state: &AppState, key: LayoutKey) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let events = &state.catalog.events;
        let ranges = events.iter().filter_map(|e| e.date.as_ref().map(|d| (d.start, d.end)));
        self.axis = TimeAxis::new(ranges);
        self.marks.clear();
        self.by_label_x.clear();
        let Some(axis) = &self.axis else { return };
        let to_x = |x: f64| key.left + x as f32 * key.width;
        let mut order: Vec<usize> =
            (0..events.len()).filter(|&i| events[i].date.is_some()).collect();
        order.sort_by_key(|&i| events[i].date.as_ref().map(|d| (d.start, d.end)));
        // Lanes: an event goes in the first lane where it does not touch the previous one.
        let mut lane_ends: Vec<f32> = Vec::new();
        let font = FontId::proportional(10.5);
        for i in order {
            let Some(date) = &events[i].date else { continue };
            let (x0, x1) = (to_x(axis.x_of(date.start)), to_x(axis.x_of(date.end)));
            let lane = lane_ends.iter().position(|end| *end + 4.0 < x0).unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(x1.max(x0 + 8.0));
            } else {
                lane_ends[lane] = x1.max(x0 + 8.0);
            }
            let label = format_date(date);
            let label_size =
                ui.painter().layout_no_wrap(label.clone(), font.clone(), Color32::BLACK).size();
            self.marks.push(Mark { event: i, x0, x1, lane, label, label_size });
        }
        let marks = &self.marks;
        self.by_label_x = (0..marks.len()).collect();
        self.by_label_x.sort_by(|&a, &b| {
            let (a, b) = (&marks[a], &marks[b]);
            ((a.x0 + a.x1) / 2.0).total_cmp(&((b.x0 + b.x1) / 2.0))
        });
    }
}

/// Draws the timeline strip.
pub fn timeline_ui(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut TimelineCache,
    commands: &mut Vec<Command>,
) {
    let has_dated = state.catalog.events.iter().any(|e| e.date.is_some());
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
            None if has_dated => {
                ui.weak("drag across the axis to filter the map and the lists");
            }
            None => {}
        }
    });
    if !has_dated {
        ui.weak("No dated events.");
        return;
    }
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), ui.available_height().max(56.0)),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(6), Color32::WHITE);
    let inner = rect.shrink2(vec2(10.0, 6.0));
    let axis_y = inner.bottom() - 18.0;
    let max_lanes = (((axis_y - inner.top() - 4.0) / LANE_HEIGHT).floor() as usize).max(1);
    cache.update(
        ui,
        state,
        LayoutKey {
            generation: state.catalog_generation,
            left: inner.left(),
            width: inner.width(),
            max_lanes,
            pixels_per_point: ui.ctx().pixels_per_point(),
        },
    );
    let Some(axis) = &cache.axis else { return };
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

    let mut is_selected = vec![false; cache.marks.len()];
    for (mark, selected_mark) in cache.marks.iter().zip(&mut is_selected) {
        let Some(event) = state.catalog.events.get(mark.event) else { continue };
        let (x0, x1) = (mark.x0, mark.x1);
        let y = axis_y - 9.0 - (mark.lane.min(max_lanes - 1)) as f32 * LANE_HEIGHT;
        let item = event.item();
        let selected = state.selection == Some(item);
        *selected_mark = selected;
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
            let radius = if selected { 6.0 } else { 5.0 };
            outlined_disc(&painter, c, radius, colour, Stroke::new(1.5, Color32::WHITE));
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
            ui.strong(&mark.label);
            ui.label(&event.summary);
        });
        if r.clicked() {
            commands.push(Command::Select(item));
            commands.push(Command::FlyTo(item));
        }
    }

    // Date labels under the axis: selected first, then left to right, never overlapping.
    let selected_first = cache
        .by_label_x
        .iter()
        .filter(|&&i| is_selected[i])
        .chain(cache.by_label_x.iter().filter(|&&i| !is_selected[i]));
    let mut taken: Vec<Rect> = Vec::new();
    let font = FontId::proportional(10.5);
    for &i in selected_first {
        let mark = &cache.marks[i];
        let x = (mark.x0 + mark.x1) / 2.0;
        let colour = if is_selected[i] { ACCENT } else { Color32::from_gray(80) };
        let r = Align2::CENTER_TOP
            .anchor_size(pos2(x, axis_y + 3.0), mark.label_size)
            .expand2(vec2(3.0, 0.0));
        let r = r.translate(vec2(
            (inner.left() - r.left()).max(0.0) + (inner.right() - r.right()).min(0.0),
            0.0,
        ));
        if taken.iter().any(|t| t.intersects(r)) {
            continue;
        }
        painter.text(r.center_top(), Align2::CENTER_TOP, &mark.label, font.clone(), colour);
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
