//! Place markers: clustered at low zoom, sized by mentions, coloured by category, hollow when
//! uncertain, labelled without overlaps, with hover tooltips; clicks select.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, vec2};
use rstar::{RTree, primitives::GeomWithData};
use walkers::Projector;

use super::basemap::halo_galley;
use super::fit::{MercatorPoint, TILE_PX, position_of};
use crate::gui::catalog::{Catalog, PlaceEntry};
use crate::gui::command::{Command, DateWindow, Item};
use crate::gui::paint::outlined_disc;
use crate::gui::state::AppState;
use crate::gui::theme::{ACCENT, category_colour, with_alpha};
use crate::model::PlaceId;

/// Markers closer than this (pixels) merge into a cluster.
const CLUSTER_PX: f64 = 22.0;
/// At most this many labels are placed per frame (the rest would overlap anyway).
const MAX_LABELS: usize = 250;

/// One drawn marker: a single place or a cluster of nearby ones.
#[derive(Clone, Debug)]
pub struct Marker {
    /// Indices into `catalog.places`; the first is the most mentioned (the cluster's name).
    pub members: Vec<usize>,
    /// Where it is drawn: the leading member's point.
    pub point: MercatorPoint,
    /// Total mentions of its members.
    pub mentions: usize,
}

impl Marker {
    /// True for a cluster of two or more places.
    pub fn is_cluster(&self) -> bool {
        self.members.len() > 1
    }
}

/// The markers for one catalog, zoom step and time window, reused across frames.
#[derive(Default)]
pub struct MarkerCache {
    key: Option<(u64, i64, Option<DateWindow>)>,
    markers: Vec<Marker>,
}

impl MarkerCache {
    /// The markers at `zoom`, recomputed only when the catalog, the window or the zoom (in
    /// quarter steps) changed.
    pub fn markers(&mut self, state: &AppState, generation: u64, zoom: f64) -> &[Marker] {
        let key = (generation, (zoom * 4.0).round() as i64, state.time_window);
        if self.key != Some(key) {
            self.markers = cluster(&state.catalog, state.time_window, zoom);
            self.key = Some(key);
        }
        &self.markers
    }
}

/// Greedy clustering: the most mentioned place takes every unclaimed place within
/// `CLUSTER_PX` screen pixels of it, then the next, and so on (an R-tree finds the neighbours).
pub fn cluster(catalog: &Catalog, window: Option<DateWindow>, zoom: f64) -> Vec<Marker> {
    let shown: Vec<usize> = (0..catalog.places.len())
        .filter(|&i| catalog.place_is_in(&catalog.places[i], window))
        .collect();
    let tree = RTree::bulk_load(
        shown
            .iter()
            .map(|&i| GeomWithData::new([catalog.places[i].point.x, catalog.places[i].point.y], i))
            .collect(),
    );
    let radius = CLUSTER_PX / (TILE_PX * 2f64.powf(zoom));
    let mut claimed = vec![false; catalog.places.len()];
    let mut markers = Vec::new();
    // `catalog.places` is sorted most mentioned first, so leaders come first.
    for &i in &shown {
        if claimed[i] {
            continue;
        }
        let p = catalog.places[i].point;
        let mut members = vec![i];
        claimed[i] = true;
        for neighbour in tree.locate_within_distance([p.x, p.y], radius * radius) {
            let j = neighbour.data;
            if !claimed[j] {
                claimed[j] = true;
                members.push(j);
            }
        }
        members[1..].sort_unstable();
        let mentions = members.iter().map(|&m| catalog.places[m].mentions.len()).sum();
        markers.push(Marker { members, point: p, mentions });
    }
    markers
}

/// Radius of a marker in pixels: grows with the square root of its mentions.
pub fn marker_radius(mentions: usize, is_cluster: bool) -> f32 {
    let base = if is_cluster { 9.0 } else { 5.0 };
    (base + 2.2 * (mentions as f32).sqrt()).min(20.0)
}

/// Draws the markers and their labels; pushes `Select`, `Hover` and zoom commands.
/// `occupied` receives the rectangles of markers and labels (country labels avoid them).
pub fn markers_ui(
    ui: &mut Ui,
    projector: &Projector,
    state: &AppState,
    markers: &[Marker],
    occupied: &mut Vec<Rect>,
    commands: &mut Vec<Command>,
) {
    let catalog = &state.catalog;
    let clip = projector.clip_rect().expand(30.0);
    let selected = state.selected_places();
    let hovered_place = match state.hover {
        Some(Item::Place(p)) => Some(p),
        _ => None,
    };
    let painter = ui.painter().clone();
    let is_selected =
        |m: &Marker| m.members.iter().any(|&i| selected.contains(&catalog.places[i].place.id));

    // Screen positions, culled to the view.
    let mut visible: Vec<(usize, Pos2, f32)> = Vec::new();
    for (index, marker) in markers.iter().enumerate() {
        let pos = projector.project(position_of(marker.point)).to_pos2();
        if clip.contains(pos) {
            visible.push((index, pos, marker_radius(marker.mentions, marker.is_cluster())));
        }
    }
    // Draw small first so big markers stay on top; selected last of all.
    visible.sort_by_cached_key(|&(index, _, radius)| {
        (is_selected(&markers[index]), egui::emath::OrderedFloat(radius))
    });

    let mut hovered_now = None;
    for &(index, pos, radius) in &visible {
        let marker = &markers[index];
        let lead = &catalog.places[marker.members[0]];
        let colour = category_colour(lead.place.kind.category());
        let id = ui.scope_id().with(("marker", lead.place.id));
        let hit = Rect::from_center_size(pos, vec2(radius * 2.0 + 6.0, radius * 2.0 + 6.0));
        let response = ui.interact(hit, id, Sense::click());
        // The name is only formatted when accessibility asks for it.
        response.widget_info(|| {
            let name = if marker.is_cluster() {
                format!("Cluster: {} and {} more", lead.place.name, marker.members.len() - 1)
            } else {
                format!("Marker: {}", lead.place.name)
            };
            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name)
        });
        occupied.push(Rect::from_center_size(pos, vec2(radius * 2.0, radius * 2.0)));

        let selected_here = is_selected(marker);
        let hovered_here = response.hovered() || hovered_place == Some(lead.place.id);
        if selected_here {
            painter.circle_filled(pos, radius + 6.0, with_alpha(ACCENT, 50));
            painter.circle_stroke(pos, radius + 3.5, Stroke::new(2.0, ACCENT));
        } else if hovered_here {
            painter.circle_filled(pos, radius + 4.0, with_alpha(colour, 45));
        }
        if marker.is_cluster() {
            let fill = with_alpha(colour, 215);
            outlined_disc(&painter, pos, radius, fill, Stroke::new(1.5, Color32::WHITE));
            painter.text(
                pos,
                Align2::CENTER_CENTER,
                marker.members.len().to_string(),
                FontId::proportional(11.5),
                Color32::WHITE,
            );
        } else if lead.is_uncertain() {
            // Hollow: the resolver had a close runner-up.
            painter.circle_filled(pos, radius, Color32::from_white_alpha(200));
            painter.circle_stroke(pos, radius - 1.0, Stroke::new(2.5, colour));
        } else {
            outlined_disc(&painter, pos, radius, colour, Stroke::new(1.5, Color32::WHITE));
        }

        if response.hovered() {
            hovered_now = Some(lead.place.id);
            response.clone().on_hover_ui(|ui| marker_tooltip_ui(ui, catalog, marker));
        }
        if response.clicked() {
            if marker.is_cluster() {
                let ids = marker.members.iter().map(|&i| catalog.places[i].place.id).collect();
                commands.push(Command::ZoomToPlaces(ids));
            } else {
                commands.push(Command::Select(Item::Place(lead.place.id)));
            }
        }
    }
    if let Some(id) = hovered_now {
        commands.push(Command::Hover(Some(Item::Place(id))));
    }

    labels_ui(&painter, projector.clip_rect(), catalog, markers, &visible, &selected, occupied);
}

fn labels_ui(
    painter: &egui::Painter,
    clip: Rect,
    catalog: &Catalog,
    markers: &[Marker],
    visible: &[(usize, Pos2, f32)],
    selected: &[PlaceId],
    occupied: &mut Vec<Rect>,
) {
    // Selected first, then by mentions: the important names win the space.
    let mut order: Vec<&(usize, Pos2, f32)> = visible.iter().collect();
    order.sort_by_cached_key(|&&(i, _, _)| {
        let m = &markers[i];
        let sel = m.members.iter().any(|&j| selected.contains(&catalog.places[j].place.id));
        std::cmp::Reverse((sel, m.mentions))
    });
    let font = FontId::proportional(12.5);
    let bold = FontId::new(13.0, egui::FontFamily::Proportional);
    for &&(index, pos, radius) in order.iter().take(MAX_LABELS) {
        let marker = &markers[index];
        let lead = &catalog.places[marker.members[0]];
        let is_sel = marker.members.iter().any(|&j| selected.contains(&catalog.places[j].place.id));
        let text = if marker.is_cluster() {
            format!("{} +{}", lead.place.name, marker.members.len() - 1)
        } else {
            lead.place.name.to_string()
        };
        let f = if is_sel { bold.clone() } else { font.clone() };
        let colour =
            if is_sel { Color32::from_rgb(0x10, 0x2a, 0x5c) } else { Color32::from_gray(35) };
        // Laid out once: measured here, drawn with its halo below.
        let galley = painter.layout_no_wrap(text, f, colour);
        let size = galley.size();
        let gap = radius + 4.0;
        // Right, left, above, below: the first spot that is free.
        let candidates = [
            (Align2::LEFT_CENTER, pos + vec2(gap, 0.0)),
            (Align2::RIGHT_CENTER, pos - vec2(gap, 0.0)),
            (Align2::CENTER_BOTTOM, pos - vec2(0.0, gap)),
            (Align2::CENTER_TOP, pos + vec2(0.0, gap)),
        ];
        for (anchor, at) in candidates {
            let rect = anchor.anchor_size(at, size).expand(1.5);
            let clear = clip.contains_rect(rect) && !occupied.iter().any(|r| r.intersects(rect))
                || (is_sel && anchor == Align2::LEFT_CENTER);
            if clear {
                halo_galley(painter, at, anchor, galley, colour, Color32::from_white_alpha(230));
                occupied.push(rect);
                break;
            }
        }
    }
}

/// The tooltip of a marker: name, kind, country, mentions, coordinates, certainty.
pub fn marker_tooltip_ui(ui: &mut Ui, catalog: &Catalog, marker: &Marker) {
    if marker.is_cluster() {
        ui.strong(format!("{} places", marker.members.len()));
        for &i in marker.members.iter().take(10) {
            let entry = &catalog.places[i];
            ui.label(format!("{} ({} mentions)", entry.place.name, entry.mentions.len()));
        }
        if marker.members.len() > 10 {
            ui.weak(format!("… and {} more", marker.members.len() - 10));
        }
        ui.weak("Click to zoom in");
        return;
    }
    place_tooltip_ui(ui, &catalog.places[marker.members[0]]);
}

/// The tooltip of one place (also used by the places list).
pub fn place_tooltip_ui(ui: &mut Ui, entry: &PlaceEntry) {
    let place = &entry.place;
    ui.strong(&*place.name);
    ui.label(format!(
        "{}{}",
        place.kind.label(),
        place.country.as_deref().map(|c| format!(" · {c}")).unwrap_or_default()
    ));
    if let Some(admin1) = place.admin1.as_deref() {
        ui.label(admin1);
    }
    let n = entry.mentions.len();
    ui.label(format!("{n} mention{}", if n == 1 { "" } else { "s" }));
    ui.label(format_lat_lon(place.lat(), place.lon()));
    if entry.is_uncertain() {
        ui.colored_label(Color32::from_rgb(0xa0, 0x60, 0x00), "Uncertain: close runner-up");
        for alt in entry.alternatives.iter().take(3) {
            ui.weak(format!("  {} ({:.0}%)", alt.place.qualified_name(), alt.score * 100.0));
        }
    }
}

/// "37.57° N, 126.98° E".
pub fn format_lat_lon(lat: f64, lon: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Place, PlaceKind};

    fn entry(id: u64, lon: f64, lat: f64, mentions: usize) -> PlaceEntry {
        let place = Place {
            id: PlaceId::geonames(id),
            name: format!("P{id}").into(),
            kind: PlaceKind::City,
            country: None,
            admin1: None,
            population: 0,
            position: walkers::lon_lat(lon, lat),
        };
        PlaceEntry {
            point: super::super::fit::mercator(lon, lat),
            place,
            mentions: vec![(crate::gui::command::DocId(0), crate::model::MentionId(0)); mentions],
            events: Vec::new(),
            margin: 1.0,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn nearby_places_cluster_at_world_zoom_and_separate_when_zoomed_in() {
        let catalog = Catalog::with_places(vec![
            entry(1, 37.6, 55.75, 3),
            entry(2, 37.9, 55.9, 1),
            entry(3, 127.0, 37.5, 2),
        ]);
        let far = cluster(&catalog, None, 1.0);
        assert_eq!(far.len(), 2, "the two Moscow-area places merge");
        assert_eq!(far[0].members, vec![0, 1]);
        assert_eq!(far[0].mentions, 4);
        let near = cluster(&catalog, None, 9.0);
        assert_eq!(near.len(), 3);
    }

    #[test]
    fn coordinates_read_with_hemispheres() {
        assert_eq!(format_lat_lon(37.566, 126.978), "37.57° N, 126.98° E");
        assert_eq!(format_lat_lon(-33.87, -70.65), "33.87° S, 70.65° W");
    }
}
