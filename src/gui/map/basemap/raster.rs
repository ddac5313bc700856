//! Rasterizing one 256-pixel tile of the offline basemap with tiny-skia.

use egui::ColorImage;
use tiny_skia::{FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::topology::{Bounds, Path, Topography};
use crate::gui::map::fit::{MercatorPoint, mercator};

/// Edge of a rendered tile in pixels.
pub const TILE_SIZE: u32 = 256;

/// The palette of the offline map: a calm, light political map on which the article's
/// coloured markers stand out.
pub struct Palette {
    /// Sea.
    pub ocean: [u8; 3],
    /// Five land tints; neighbouring countries get different ones.
    pub land: [[u8; 3]; 5],
    /// Land borders.
    pub border: [u8; 4],
    /// Coastlines.
    pub coast: [u8; 4],
    /// Graticule lines.
    pub graticule: [u8; 4],
}

/// The default palette.
pub const PALETTE: Palette = Palette {
    ocean: [0xc3, 0xda, 0xe9],
    land: [
        [0xf3, 0xf0, 0xe7],
        [0xee, 0xea, 0xdc],
        [0xf1, 0xec, 0xdf],
        [0xec, 0xe8, 0xdd],
        [0xf5, 0xf1, 0xe4],
    ],
    border: [0x9c, 0x8f, 0x80, 0xd0],
    coast: [0x7f, 0xa2, 0xbb, 0xff],
    graticule: [0xff, 0xff, 0xff, 0x70],
};

/// Which tile to draw: slippy-map coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TileKey {
    /// Column.
    pub x: u32,
    /// Row.
    pub y: u32,
    /// Zoom level (the world is `2^zoom` tiles wide).
    pub zoom: u8,
}

impl TileKey {
    fn scale(self) -> f64 {
        f64::from(TILE_SIZE) * 2f64.powi(i32::from(self.zoom))
    }

    /// The part of the unit square the tile covers, grown by `margin_px` pixels.
    fn bounds(self, margin_px: f64) -> Bounds {
        let n = 2f64.powi(i32::from(self.zoom));
        let m = margin_px / self.scale();
        Bounds {
            min_x: f64::from(self.x) / n - m,
            min_y: f64::from(self.y) / n - m,
            max_x: f64::from(self.x + 1) / n + m,
            max_y: f64::from(self.y + 1) / n + m,
        }
    }

    fn to_px(self, p: MercatorPoint) -> (f32, f32) {
        let s = self.scale();
        let size = f64::from(TILE_SIZE);
        ((p.x * s - f64::from(self.x) * size) as f32, (p.y * s - f64::from(self.y) * size) as f32)
    }
}

/// Draws one tile of `topography`. Never fails: a path tiny-skia rejects (degenerate) is
/// skipped.
pub fn render_tile(topography: &Topography, key: TileKey) -> ColorImage {
    let size = TILE_SIZE;
    let Some(mut pixmap) = Pixmap::new(size, size) else {
        return ColorImage::filled([size as usize; 2], egui::Color32::from_rgb(195, 218, 233));
    };
    let [r, g, b] = PALETTE.ocean;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let view = key.bounds(2.0);
    let identity = Transform::identity();

    graticule(&mut pixmap, key);

    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    for country in &topography.countries {
        // Rings unwrapped across the antimeridian reach past 0..1: draw them shifted too.
        let mut builder = PathBuilder::new();
        for offset in [-1.0, 0.0, 1.0] {
            let shifted = Bounds { min_x: view.min_x - offset, max_x: view.max_x - offset, ..view };
            if !country.bounds.intersects(&shifted) {
                continue;
            }
            for ring in country.rings.iter().filter(|r| r.bounds.intersects(&shifted)) {
                add_points(&mut builder, ring, key, offset, true);
            }
        }
        let Some(path) = builder.finish() else { continue };
        let [r, g, b] = PALETTE.land[usize::from(country.tint) % PALETTE.land.len()];
        paint.set_color_rgba8(r, g, b, 255);
        pixmap.fill_path(&path, &paint, FillRule::EvenOdd, identity, None);
    }

    // Lines get slightly bolder as the map zooms in, where there are fewer of them.
    let z = f32::from(key.zoom);
    let coast_width = (0.6 + z * 0.12).min(1.6);
    let border_width = (0.5 + z * 0.13).min(1.6);
    stroke_all(&mut pixmap, &topography.coastlines, key, &view, PALETTE.coast, coast_width, None);
    let dash = (key.zoom >= 5).then(|| vec![4.0, 2.5]);
    stroke_all(&mut pixmap, &topography.borders, key, &view, PALETTE.border, border_width, dash);

    let pixels = pixmap.take();
    ColorImage::from_rgba_premultiplied([size as usize, size as usize], &pixels)
}

fn add_points(builder: &mut PathBuilder, path: &Path, key: TileKey, offset: f64, close: bool) {
    let shift = |p: &MercatorPoint| key.to_px(MercatorPoint { x: p.x + offset, y: p.y });
    let mut points = path.points.iter();
    let Some(first) = points.next() else { return };
    let (x, y) = shift(first);
    builder.move_to(x, y);
    let mut last = (x, y);
    for p in points {
        let (x, y) = shift(p);
        // Skip sub-pixel steps: at low zoom thousands of vertices fall on one pixel.
        if (x - last.0).abs() + (y - last.1).abs() < 0.35 {
            continue;
        }
        builder.line_to(x, y);
        last = (x, y);
    }
    if close {
        builder.close();
    }
}

fn stroke_all(
    pixmap: &mut Pixmap,
    paths: &[Path],
    key: TileKey,
    view: &Bounds,
    rgba: [u8; 4],
    width: f32,
    dash: Option<Vec<f32>>,
) {
    let mut builder = PathBuilder::new();
    for path in paths.iter().filter(|p| p.bounds.intersects(view)) {
        add_points(&mut builder, path, key, 0.0, false);
    }
    let Some(path) = builder.finish() else { return };
    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    paint.set_color_rgba8(rgba[0], rgba[1], rgba[2], rgba[3]);
    let mut stroke =
        Stroke { width, line_cap: LineCap::Round, line_join: LineJoin::Round, ..Stroke::default() };
    stroke.dash = dash.and_then(|d| tiny_skia::StrokeDash::new(d, 0.0));
    pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
}

/// Meridians and parallels every 30° (10° from zoom 4), drawn under the land so they only
/// show on the sea.
fn graticule(pixmap: &mut Pixmap, key: TileKey) {
    let step = if key.zoom >= 4 { 10 } else { 30 };
    let mut builder = PathBuilder::new();
    for lon in (-180..=180).step_by(step) {
        let (x, _) = key.to_px(mercator(f64::from(lon), 0.0));
        builder.move_to(x, -1.0);
        builder.line_to(x, TILE_SIZE as f32 + 1.0);
    }
    for lat in (-80..=80).step_by(step) {
        let (_, y) = key.to_px(mercator(0.0, f64::from(lat)));
        builder.move_to(-1.0, y);
        builder.line_to(TILE_SIZE as f32 + 1.0, y);
    }
    let Some(path) = builder.finish() else { return };
    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    let [r, g, b, a] = PALETTE.graticule;
    paint.set_color_rgba8(r, g, b, a);
    let stroke = Stroke { width: 0.8, ..Stroke::default() };
    pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(image: &ColorImage, x: usize, y: usize) -> [u8; 4] {
        image.pixels[y * image.size[0] + x].to_array()
    }

    #[test]
    fn the_world_tile_has_sea_and_land_where_a_reader_expects_them() {
        let topo = Topography::from_topojson(super::super::COUNTRIES_110M).unwrap();
        let image = render_tile(&topo, TileKey { x: 0, y: 0, zoom: 0 });
        assert_eq!(image.size, [256, 256]);
        let px = |lon: f64, lat: f64| {
            let m = mercator(lon, lat);
            pixel(&image, (m.x * 256.0) as usize, (m.y * 256.0) as usize)
        };
        let ocean = [PALETTE.ocean[0], PALETTE.ocean[1], PALETTE.ocean[2], 255];
        assert_eq!(px(-140.0, 5.0), ocean, "mid-Pacific is sea");
        let siberia = px(100.0, 62.0);
        assert!(PALETTE.land.iter().any(|l| l[..] == siberia[..3]), "Siberia is land: {siberia:?}");
    }

    #[test]
    fn a_zoomed_tile_of_korea_shows_the_border_between_north_and_south() {
        let topo = Topography::from_topojson(super::super::COUNTRIES_50M).unwrap();
        // Zoom 6 tile containing 127.5 E, 38.3 N (the DMZ).
        let m = mercator(127.5, 38.3);
        let n = 64.0;
        let key = TileKey { x: (m.x * n) as u32, y: (m.y * n) as u32, zoom: 6 };
        let image = render_tile(&topo, key);
        let border = PALETTE.border;
        let has_border_ink = image.pixels.iter().any(|c| {
            let [r, g, b, _] = c.to_array();
            (i32::from(r) - i32::from(border[0])).abs() < 30
                && (i32::from(g) - i32::from(border[1])).abs() < 30
                && (i32::from(b) - i32::from(border[2])).abs() < 30
                && r > b
        });
        assert!(has_border_ink);
    }
}
