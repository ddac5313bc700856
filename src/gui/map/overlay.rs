//! What sits on top of the map: scale bar, pointer coordinates, attribution, legend and the
//! zoom buttons.

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};
use walkers::Projector;

use super::places::format_lat_lon;
use crate::gui::command::Command;
use crate::gui::theme::{CATEGORIES, category_colour, category_label};

const INK: Color32 = Color32::from_gray(40);
const CARD: Color32 = Color32::from_rgba_unmultiplied_const(250, 250, 248, 225);

/// A "nice" length (1, 2 or 5 times a power of ten) in metres that spans at most `max_px`.
pub fn nice_scale(metres_per_px: f64, max_px: f64) -> (f64, f64) {
    let max_m = metres_per_px * max_px;
    let power = 10f64.powf(max_m.log10().floor());
    let nice =
        [5.0, 2.0, 1.0].into_iter().map(|f| f * power).find(|m| *m <= max_m).unwrap_or(power);
    (nice, nice / metres_per_px)
}

/// "500 km", "2 km", "200 m".
pub fn format_distance(metres: f64) -> String {
    if metres >= 1000.0 { format!("{:.0} km", metres / 1000.0) } else { format!("{metres:.0} m") }
}

/// Scale bar at the bottom left, measured at the centre of the view.
pub fn scale_bar_ui(ui: &Ui, projector: &Projector) {
    let rect = projector.clip_rect();
    let centre = projector.unproject(rect.center().to_vec2());
    let px_per_m = f64::from(projector.scale_pixel_per_meter(centre));
    if !(px_per_m.is_finite() && px_per_m > 0.0) {
        return;
    }
    let (metres, px) = nice_scale(1.0 / px_per_m, 120.0);
    let painter = ui.painter();
    let origin = pos2(rect.left() + 12.0, rect.bottom() - 14.0);
    let card = Rect::from_min_max(origin - vec2(6.0, 20.0), origin + vec2(px as f32 + 6.0, 7.0));
    painter.rect_filled(card, CornerRadius::same(4), CARD);
    let end = origin + vec2(px as f32, 0.0);
    painter.line_segment([origin, end], Stroke::new(2.0, INK));
    for x in [origin, end] {
        painter.line_segment([x, x - vec2(0.0, 5.0)], Stroke::new(1.5, INK));
    }
    painter.text(
        origin + vec2(px as f32 / 2.0, -5.0),
        Align2::CENTER_BOTTOM,
        format_distance(metres),
        FontId::proportional(11.0),
        INK,
    );
}

/// Bottom right: pointer coordinates (when over the map) above the attribution line.
pub fn corner_ui(ui: &Ui, projector: &Projector, pointer: Option<Pos2>, attribution: &str) {
    let rect = projector.clip_rect();
    let painter = ui.painter();
    let font = FontId::proportional(10.5);
    let attr = painter.layout_no_wrap(attribution.to_owned(), font.clone(), Color32::from_gray(60));
    let attr_rect = Align2::RIGHT_BOTTOM
        .anchor_size(rect.right_bottom() - vec2(4.0, 3.0), attr.size())
        .expand(3.0);
    painter.rect_filled(attr_rect, CornerRadius::same(3), CARD);
    painter.galley(attr_rect.min + vec2(3.0, 3.0), attr, Color32::from_gray(60));

    if let Some(pointer) = pointer.filter(|p| rect.contains(*p)) {
        let position = projector.unproject(pointer.to_vec2());
        let text = format_lat_lon(position.y(), position.x());
        let galley = painter.layout_no_wrap(text, FontId::monospace(11.0), INK);
        let r = Align2::RIGHT_BOTTOM
            .anchor_size(attr_rect.right_top() - vec2(0.0, 4.0), galley.size())
            .expand(3.0);
        painter.rect_filled(r, CornerRadius::same(3), CARD);
        painter.galley(r.min + vec2(3.0, 3.0), galley, INK);
    }
}

/// Top left: what the marker colours and shapes mean.
pub fn legend_ui(ui: &Ui, rect: Rect) {
    let painter = ui.painter();
    let font = FontId::proportional(11.5);
    let row = 17.0;
    let card =
        Rect::from_min_size(rect.left_top() + vec2(10.0, 10.0), vec2(112.0, row * 5.0 + 10.0));
    painter.rect(
        card,
        CornerRadius::same(6),
        CARD,
        Stroke::new(1.0, Color32::from_gray(215)),
        egui::StrokeKind::Inside,
    );
    let mut y = card.top() + 5.0 + row / 2.0;
    for category in CATEGORIES {
        let c = pos2(card.left() + 14.0, y);
        painter.circle_filled(c, 5.5, category_colour(category));
        painter.circle_stroke(c, 5.5, Stroke::new(1.0, Color32::WHITE));
        painter.text(
            c + vec2(12.0, 0.0),
            Align2::LEFT_CENTER,
            category_label(category),
            font.clone(),
            INK,
        );
        y += row;
    }
    let c = pos2(card.left() + 14.0, y);
    painter.circle_filled(c, 5.5, Color32::WHITE);
    painter.circle_stroke(c, 4.5, Stroke::new(2.0, Color32::from_gray(110)));
    painter.text(c + vec2(12.0, 0.0), Align2::LEFT_CENTER, "Uncertain", font, INK);
}

/// Top right: zoom in, zoom out, fit all, zoom to selection.
pub fn buttons_ui(
    ui: &mut Ui,
    rect: Rect,
    has_selection: bool,
    commands: &mut Vec<Command>,
    zoom_delta: &mut f64,
) {
    let area = Rect::from_min_size(pos2(rect.right() - 40.0, rect.top() + 10.0), vec2(30.0, 130.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new().max_rect(area).layout(egui::Layout::top_down(egui::Align::Center)),
    );
    child.spacing_mut().item_spacing.y = 4.0;
    let button = |ui: &mut Ui, text: &str, tip: &str, enabled: bool| {
        ui.add_enabled(
            enabled,
            egui::Button::new(egui::RichText::new(text).size(15.0)).min_size(vec2(28.0, 26.0)),
        )
        .on_hover_text(tip)
        .clicked()
    };
    if button(&mut child, "+", "Zoom in", true) {
        *zoom_delta += 1.0;
    }
    if button(&mut child, "−", "Zoom out", true) {
        *zoom_delta -= 1.0;
    }
    if button(&mut child, "⛶", "Fit all places (F)", true) {
        commands.push(Command::FitAll);
    }
    if button(&mut child, "◎", "Zoom to selection (Z)", has_selection) {
        commands.push(Command::ZoomToSelection);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_bar_picks_round_lengths_that_fit() {
        let (m, px) = nice_scale(10_000.0, 120.0);
        assert_eq!(m, 1_000_000.0);
        assert!((px - 100.0).abs() < 1e-9);
        let (m, _) = nice_scale(3.0, 120.0);
        assert_eq!(m, 200.0);
        assert_eq!(format_distance(200.0), "200 m");
        assert_eq!(format_distance(500_000.0), "500 km");
    }
}
