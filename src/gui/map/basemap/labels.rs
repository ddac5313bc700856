//! Country labels: where each goes (computed once) and which ones fit at the current zoom.
//!
//! Labels are drawn over the tiles rather than baked into them, so a name is never cut at a
//! tile edge and can give way to the article's own place labels.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Painter, Rect, vec2};
use walkers::Projector;

use super::topology::{Path, Topography};
use crate::gui::map::fit::{MercatorPoint, position_of};

/// The interior point of a polygon farthest from its edges (the "pole of inaccessibility"),
/// and that distance, both in the polygon's units. `rings[0]` is the outer ring, the others
/// holes. The centroid would fall outside a crescent-shaped country; this point never does.
pub fn pole_of_inaccessibility(rings: &[Path]) -> (MercatorPoint, f64) {
    let Some(outer) = rings.first() else {
        return (MercatorPoint::default(), 0.0);
    };
    let b = outer.bounds;
    let cell_size = b.width().min(b.height());
    if cell_size <= 0.0 || !cell_size.is_finite() {
        return (outer.points.first().copied().unwrap_or_default(), 0.0);
    }
    // Stop refining when a cell cannot improve the answer by more than 1 % of the box.
    let precision = b.width().max(b.height()) / 100.0;
    let mut queue = BinaryHeap::new();
    let half = cell_size / 2.0;
    let mut x = b.min_x;
    while x < b.max_x {
        let mut y = b.min_y;
        while y < b.max_y {
            queue.push(Cell::new(x + half, y + half, half, rings));
            y += cell_size;
        }
        x += cell_size;
    }
    // Start from the bounding-box centre; the first grid may miss a thin polygon entirely.
    let centre = Cell::new((b.min_x + b.max_x) / 2.0, (b.min_y + b.max_y) / 2.0, 0.0, rings);
    let mut best = centre;
    let mut budget = 4000;
    while let Some(cell) = queue.pop() {
        if cell.distance > best.distance {
            best = cell;
        }
        budget -= 1;
        if budget == 0 || cell.max_distance - best.distance <= precision {
            if budget == 0 {
                break;
            }
            continue;
        }
        let h = cell.half / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(Cell::new(cell.x + dx, cell.y + dy, h, rings));
        }
    }
    (MercatorPoint { x: best.x, y: best.y }, best.distance.max(0.0))
}

#[derive(Clone, Copy)]
struct Cell {
    x: f64,
    y: f64,
    half: f64,
    distance: f64,
    max_distance: f64,
}

impl Cell {
    fn new(x: f64, y: f64, half: f64, rings: &[Path]) -> Self {
        let distance = signed_distance(x, y, rings);
        Self { x, y, half, distance, max_distance: distance + half * std::f64::consts::SQRT_2 }
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.max_distance == other.max_distance
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cell {
    fn cmp(&self, other: &Self) -> Ordering {
        self.max_distance.total_cmp(&other.max_distance)
    }
}

/// Distance to the nearest edge, positive inside (even-odd over all rings), negative outside.
fn signed_distance(x: f64, y: f64, rings: &[Path]) -> f64 {
    let mut inside = false;
    let mut min_sq = f64::INFINITY;
    for ring in rings {
        let pts = &ring.points;
        if pts.len() < 2 {
            continue;
        }
        let mut j = pts.len() - 1;
        for i in 0..pts.len() {
            let (a, b) = (pts[i], pts[j]);
            if (a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x {
                inside = !inside;
            }
            min_sq = min_sq.min(segment_distance_sq(x, y, a, b));
            j = i;
        }
    }
    let d = min_sq.sqrt();
    if inside { d } else { -d }
}

fn segment_distance_sq(px: f64, py: f64, a: MercatorPoint, b: MercatorPoint) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len_sq = dx * dx + dy * dy;
    let t = if len_sq > 0.0 {
        (((px - a.x) * dx + (py - a.y) * dy) / len_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.x + t * dx - px, a.y + t * dy - py);
    cx * cx + cy * cy
}

/// Colour of country names: a warm grey that reads on every tint without competing with the
/// article's markers.
const LABEL_COLOUR: Color32 = Color32::from_rgb(0x6e, 0x66, 0x5c);
/// The halo behind labels: the land colour, so a name crossing a border stays legible.
pub const HALO_COLOUR: Color32 = Color32::from_rgba_unmultiplied_const(0xf4, 0xf1, 0xe9, 0xe0);

/// Draws the country names that fit at this zoom, biggest room first, skipping any that would
/// overlap a label already placed (`occupied` holds the rectangles taken by earlier layers and
/// receives the new ones).
pub fn draw_country_labels(
    painter: &Painter,
    projector: &Projector,
    topography: &Topography,
    occupied: &mut Vec<Rect>,
) {
    let zoom = projector.zoom();
    let world_px = crate::gui::map::fit::TILE_PX * 2f64.powf(zoom);
    let clip = projector.clip_rect();
    let mut order: Vec<usize> = (0..topography.countries.len()).collect();
    order.sort_by(|&a, &b| {
        topography.countries[b].label_room.total_cmp(&topography.countries[a].label_room)
    });
    for i in order {
        let country = &topography.countries[i];
        let room_px = (country.label_room * world_px) as f32;
        if room_px < 9.0 {
            continue;
        }
        let size = (room_px / 4.0).clamp(10.5, 15.0);
        let font = FontId::proportional(size);
        let name = if zoom < 4.5 { country.name.to_uppercase() } else { country.name.clone() };
        // The name must fit roughly inside the country's inscribed circle; a long name may
        // break onto two lines ("UNITED STATES / OF AMERICA").
        let fits = |text: String| {
            let galley = painter.layout_no_wrap(text, font.clone(), LABEL_COLOUR);
            (galley.size().x <= room_px * 3.0).then_some(galley)
        };
        let Some(galley) = fits(name.clone()).or_else(|| two_lines(&name).and_then(&fits)) else {
            continue;
        };
        let text_size = galley.size();
        let centre = projector.project(position_of(country.label_point)).to_pos2();
        let rect = Rect::from_center_size(centre, text_size + vec2(4.0, 2.0));
        if !clip.intersects(rect) || occupied.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        halo_galley(painter, centre, Align2::CENTER_CENTER, galley, LABEL_COLOUR, HALO_COLOUR);
        occupied.push(rect);
    }
}

/// The name broken at the space nearest its middle, when it has one.
fn two_lines(name: &str) -> Option<String> {
    let middle = name.len() / 2;
    let (at, _) = name.match_indices(' ').min_by_key(|(i, _)| i.abs_diff(middle))?;
    Some(format!("{}\n{}", &name[..at], &name[at + 1..]))
}

/// Text with a soft outline in `halo`, so it reads on any background.
pub fn halo_text(
    painter: &Painter,
    pos: egui::Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
    halo: Color32,
) {
    let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
    halo_galley(painter, pos, anchor, galley, colour, halo);
}

/// Laid-out text with a soft outline in `halo`: the outline is the same galley drawn eight
/// times, one pixel off in each direction, under the text. Laying out once and recolouring
/// matters when hundreds of labels are drawn each frame.
pub fn halo_galley(
    painter: &Painter,
    pos: egui::Pos2,
    anchor: Align2,
    galley: Arc<Galley>,
    colour: Color32,
    halo: Color32,
) {
    let min = anchor.anchor_size(pos, galley.size()).min;
    for (dx, dy) in [
        (-1.0, 0.0),
        (1.0, 0.0),
        (0.0, -1.0),
        (0.0, 1.0),
        (-1.0, -1.0),
        (1.0, 1.0),
        (-1.0, 1.0),
        (1.0, -1.0),
    ] {
        painter.galley_with_override_text_color(min + vec2(dx, dy), Arc::clone(&galley), halo);
    }
    painter.galley_with_override_text_color(min, galley, colour);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_with_hole() -> Vec<Path> {
        let ring = |pts: &[(f64, f64)]| {
            let points: Vec<MercatorPoint> =
                pts.iter().map(|&(x, y)| MercatorPoint { x, y }).collect();
            Path { bounds: super::super::topology::Bounds::of(&points), points }
        };
        vec![
            ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]),
            ring(&[(0.4, 0.4), (0.6, 0.4), (0.6, 0.6), (0.4, 0.6), (0.4, 0.4)]),
        ]
    }

    #[test]
    fn a_label_avoids_the_hole_in_a_polygon() {
        let (p, d) = pole_of_inaccessibility(&square_with_hole());
        assert!(signed_distance(p.x, p.y, &square_with_hole()) > 0.0, "inside: {p:?}");
        assert!(d > 0.15 && d < 0.3, "{d}");
        let in_hole = (0.4..0.6).contains(&p.x) && (0.4..0.6).contains(&p.y);
        assert!(!in_hole);
    }

    #[test]
    fn a_plain_square_is_labelled_at_its_centre() {
        let square = vec![square_with_hole().remove(0)];
        let (p, d) = pole_of_inaccessibility(&square);
        assert!((p.x - 0.5).abs() < 0.02 && (p.y - 0.5).abs() < 0.02, "{p:?}");
        assert!((d - 0.5).abs() < 0.02);
    }
}
