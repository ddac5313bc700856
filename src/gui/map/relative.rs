//! Relative locations ("some 180 km north of Blagoveschensk"): a line from the anchor to the
//! implied point and a wedge covering the bearing's spread and the distance's vagueness.

use egui::{Color32, Pos2, Sense, Shape, Stroke, Ui, vec2};
use walkers::Projector;

use super::fit::destination;
use crate::gui::catalog::RelativeEntry;
use crate::gui::state::AppState;

const WEDGE_COLOUR: Color32 = Color32::from_rgb(0x6a, 0x3d, 0x9a);

/// Draws every relative location whose anchor is shown, with a tooltip on the implied point.
pub fn relatives_ui(ui: &mut Ui, projector: &Projector, state: &AppState) {
    for (index, relative) in state.catalog.relatives.iter().enumerate() {
        let anchor_shown = state
            .catalog
            .place(relative.anchor)
            .is_some_and(|p| state.catalog.place_is_in(p, state.time_window));
        if !anchor_shown {
            continue;
        }
        relative_ui(ui, projector, relative, index);
    }
}

/// The wedge's outline in screen space: the near arc outwards, the far arc back.
pub fn wedge_points(projector: &Projector, relative: &RelativeEntry) -> Vec<Pos2> {
    let near = relative.distance_km * (1.0 - relative.distance_tolerance).max(0.0);
    let far = relative.distance_km * (1.0 + relative.distance_tolerance);
    let spread = relative.bearing_spread_deg.clamp(0.0, 180.0);
    let steps = 16;
    let bearing = |i: usize| relative.bearing_deg - spread + 2.0 * spread * i as f64 / steps as f64;
    let mut points: Vec<Pos2> = (0..=steps)
        .map(|i| {
            projector.project(destination(relative.anchor_position, bearing(i), near)).to_pos2()
        })
        .collect();
    points.extend((0..=steps).rev().map(|i| {
        projector.project(destination(relative.anchor_position, bearing(i), far)).to_pos2()
    }));
    points
}

fn relative_ui(ui: &mut Ui, projector: &Projector, relative: &RelativeEntry, index: usize) {
    let painter = ui.painter().clone();
    let wedge = wedge_points(projector, relative);
    // The wedge is concave when it spans more than a half circle; draw it as a fan of quads
    // (convex pieces) so egui's convex fill stays correct.
    let half = wedge.len() / 2;
    for i in 0..half.saturating_sub(1) {
        let quad =
            vec![wedge[i], wedge[i + 1], wedge[wedge.len() - 2 - i], wedge[wedge.len() - 1 - i]];
        painter.add(Shape::convex_polygon(
            quad,
            Color32::from_rgba_unmultiplied(0x6a, 0x3d, 0x9a, 38),
            Stroke::NONE,
        ));
    }
    painter.add(Shape::closed_line(
        wedge,
        Stroke::new(1.0, Color32::from_rgba_unmultiplied(0x6a, 0x3d, 0x9a, 150)),
    ));

    let from = projector.project(relative.anchor_position).to_pos2();
    let implied = destination(relative.anchor_position, relative.bearing_deg, relative.distance_km);
    let to = projector.project(implied).to_pos2();
    painter.add(Shape::dashed_line(&[from, to], Stroke::new(1.8, WEDGE_COLOUR), 6.0, 4.0));
    painter.circle_filled(to, 4.0, WEDGE_COLOUR);
    painter.circle_stroke(to, 4.0, Stroke::new(1.2, Color32::WHITE));

    let id = ui.scope_id().with(("relative", index));
    let response =
        ui.interact(egui::Rect::from_center_size(to, vec2(14.0, 14.0)), id, Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Image,
            true,
            format!("Relative: {}", relative.text),
        )
    });
    response.on_hover_ui(|ui| {
        ui.strong(format!("“{}”", relative.text));
        ui.label(format!(
            "{:.0} km (±{:.0}%) at {:.0}° ± {:.0}°",
            relative.distance_km,
            relative.distance_tolerance * 100.0,
            relative.bearing_deg,
            relative.bearing_spread_deg
        ));
        ui.label(format!(
            "Implied point: {}",
            super::places::format_lat_lon(implied.y(), implied.x())
        ));
    });
}
