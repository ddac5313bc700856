//! Colours and text styles shared by the panels and the map, so a city is the same red in
//! the text, the list and on the map.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::model::PlaceCategory;

/// The colour of a place category (markers, list dots, text highlights).
pub fn category_colour(category: PlaceCategory) -> Color32 {
    match category {
        PlaceCategory::Country => Color32::from_rgb(0x3b, 0x5b, 0xdb),
        PlaceCategory::Region => Color32::from_rgb(0x0c, 0x96, 0x88),
        PlaceCategory::City => Color32::from_rgb(0xd9, 0x48, 0x2b),
        PlaceCategory::Landmark => Color32::from_rgb(0xb7, 0x79, 0x0a),
    }
}

/// The name of a category for legends ("Countries").
pub fn category_label(category: PlaceCategory) -> &'static str {
    match category {
        PlaceCategory::Country => "Countries",
        PlaceCategory::Region => "Regions",
        PlaceCategory::City => "Cities",
        PlaceCategory::Landmark => "Landmarks",
    }
}

/// All categories in legend order.
pub const CATEGORIES: [PlaceCategory; 4] =
    [PlaceCategory::Country, PlaceCategory::Region, PlaceCategory::City, PlaceCategory::Landmark];

/// Underline of dates in the text.
pub const DATE_COLOUR: Color32 = Color32::from_rgb(0x7b, 0x3f, 0xc4);
/// Underline of people and organisations in the text.
pub const ACTOR_COLOUR: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);
/// Selection accent (outlines, selected rows).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xeb);

/// `colour` with alpha `a` (0..=255), unmultiplied.
pub fn with_alpha(colour: Color32, a: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), a)
}

/// Installs the app's look: a light theme with calm panels and slightly larger body text.
pub fn install(ctx: &egui::Context) {
    let mut visuals = Visuals::light();
    visuals.panel_fill = Color32::from_rgb(0xf7, 0xf7, 0xf5);
    visuals.window_fill = Color32::from_rgb(0xfd, 0xfd, 0xfc);
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.selection.bg_fill = with_alpha(ACCENT, 60);
    visuals.selection.stroke = Stroke::new(1.0, ACCENT);
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(222));
    ctx.set_visuals_of(egui::Theme::Light, visuals);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(TextStyle::Body, FontId::new(13.5, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Button, FontId::new(13.5, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Small, FontId::new(11.0, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Heading, FontId::new(16.0, FontFamily::Proportional));
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// Font of the article in the text viewer: easy to read at length.
pub fn article_font() -> FontId {
    FontId::new(14.5, FontFamily::Proportional)
}
