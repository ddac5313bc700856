//! Shapes that many markers share, drawn the cheap way egui offers.

use egui::{Color32, Painter, Pos2, Stroke};

/// A filled disc with an outline outside its edge: the look of
/// `painter.circle(centre, radius, fill, outline)`.
///
/// egui draws a filled circle as one pre-rasterised textured quad but tessellates a stroked
/// one into a path of dozens of triangles. The map and the timeline draw hundreds of outlined
/// dots a frame, so an opaque dot is drawn as two filled discs instead: the outline colour
/// `outline.width` wider, then the fill. A translucent fill would show the outline colour
/// through it, so that case keeps the stroked circle.
pub fn outlined_disc(painter: &Painter, centre: Pos2, radius: f32, fill: Color32, outline: Stroke) {
    if fill.is_opaque() && outline.color.is_opaque() {
        painter.circle_filled(centre, radius + outline.width, outline.color);
        painter.circle_filled(centre, radius, fill);
    } else {
        painter.circle(centre, radius, fill, outline);
    }
}
