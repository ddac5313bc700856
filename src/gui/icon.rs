//! The window icon: a map pin over a globe, drawn at start-up (no image file to ship).

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

const SIZE: u32 = 64;

/// The icon as RGBA pixels; an empty icon if drawing fails (the window still opens).
pub fn app_icon() -> egui::IconData {
    let Some(mut pixmap) = Pixmap::new(SIZE, SIZE) else {
        return egui::IconData::default();
    };
    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    // Globe.
    if let Some(circle) = PathBuilder::from_circle(32.0, 36.0, 24.0) {
        paint.set_color(Color::from_rgba8(0xc3, 0xda, 0xe9, 255));
        pixmap.fill_path(&circle, &paint, FillRule::Winding, Transform::identity(), None);
        paint.set_color(Color::from_rgba8(0x7f, 0xa2, 0xbb, 255));
        pixmap.stroke_path(
            &circle,
            &paint,
            &Stroke { width: 2.5, ..Stroke::default() },
            Transform::identity(),
            None,
        );
    }
    // Pin.
    let mut pin = PathBuilder::new();
    pin.move_to(32.0, 50.0);
    pin.cubic_to(22.0, 36.0, 18.0, 30.0, 18.0, 22.0);
    pin.cubic_to(18.0, 14.0, 24.0, 8.0, 32.0, 8.0);
    pin.cubic_to(40.0, 8.0, 46.0, 14.0, 46.0, 22.0);
    pin.cubic_to(46.0, 30.0, 42.0, 36.0, 32.0, 50.0);
    pin.close();
    if let Some(pin) = pin.finish() {
        paint.set_color(Color::from_rgba8(0xd9, 0x48, 0x2b, 255));
        pixmap.fill_path(&pin, &paint, FillRule::Winding, Transform::identity(), None);
    }
    if let Some(dot) = PathBuilder::from_circle(32.0, 22.0, 6.0) {
        paint.set_color(Color::WHITE);
        pixmap.fill_path(&dot, &paint, FillRule::Winding, Transform::identity(), None);
    }
    let rgba = pixmap.pixels().iter().flat_map(|p| {
        let c = p.demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    });
    egui::IconData { rgba: rgba.collect(), width: SIZE, height: SIZE }
}
