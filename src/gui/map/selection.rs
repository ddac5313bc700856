//! What the selection and hover add to the map: ghost markers for a resolution's runners-up.

use egui::{Align2, Color32, FontId, Stroke, Ui};
use walkers::Projector;

use super::basemap::halo_text;
use crate::gui::command::Item;
use crate::gui::state::AppState;
use crate::gui::theme::{category_colour, with_alpha};
use crate::model::{Candidate, Position};

/// When the pointer is on an uncertain place (on the map, in the list or on a mention in the
/// text), its runners-up appear as faint dashed rings joined to the chosen point, each with
/// its score: the user sees what else the name could have meant.
pub fn ghosts_ui(ui: &Ui, projector: &Projector, state: &AppState) {
    let Some((chosen, alternatives)) = hovered_alternatives(state) else { return };
    let painter = ui.painter();
    let from = projector.project(chosen).to_pos2();
    for candidate in alternatives.iter().take(5) {
        let colour = category_colour(candidate.place.kind.category());
        let to = projector.project(candidate.place.position).to_pos2();
        painter.add(egui::Shape::dashed_line(
            &[from, to],
            Stroke::new(1.2, with_alpha(colour, 150)),
            5.0,
            4.0,
        ));
        painter.circle_filled(to, 7.0, with_alpha(colour, 40));
        painter.add(egui::Shape::dashed_line(
            &circle_points(to, 7.0),
            Stroke::new(1.5, with_alpha(colour, 200)),
            3.0,
            2.5,
        ));
        let label = format!("{}? {:.0}%", candidate.place.name, candidate.score * 100.0);
        halo_text(
            painter,
            to + egui::vec2(10.0, 0.0),
            Align2::LEFT_CENTER,
            &label,
            FontId::proportional(11.5),
            Color32::from_gray(70),
            Color32::from_white_alpha(220),
        );
    }
}

fn hovered_alternatives(state: &AppState) -> Option<(Position, &[Candidate])> {
    match state.hover? {
        Item::Place(id) => {
            let entry = state.catalog.place(id)?;
            entry.is_uncertain().then_some((entry.position(), entry.alternatives.as_slice()))
        }
        Item::Mention(doc, mention) => {
            let mention = state.shown_document(doc)?.mentions.get(mention.index())?;
            let place = mention.place.as_ref()?;
            (!mention.alternatives.is_empty())
                .then_some((place.position, mention.alternatives.as_slice()))
        }
        Item::Event(..) => None,
    }
}

fn circle_points(centre: egui::Pos2, radius: f32) -> Vec<egui::Pos2> {
    (0..=24)
        .map(|i| {
            let a = i as f32 / 24.0 * std::f32::consts::TAU;
            centre + egui::vec2(a.cos(), a.sin()) * radius
        })
        .collect()
}
