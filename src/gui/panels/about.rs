//! The About box: what newsmap is and whose data it shows.

use egui::{Context, RichText};

use crate::gui::command::{BasemapChoice, Command};
use crate::gui::state::AppState;

/// Shows the About window while it is open.
pub fn about_ui(ctx: &Context, state: &AppState, commands: &mut Vec<Command>) {
    if !state.about_open {
        return;
    }
    let mut open = true;
    egui::Window::new("About newsmap")
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("newsmap {}", env!("CARGO_PKG_VERSION"))).heading());
            ui.label("Finds the places and dated events in news articles and puts them on a map.");
            ui.add_space(8.0);
            ui.label(RichText::new("Data").strong());
            ui.label("Gazetteer: GeoNames (geonames.org), licensed under CC BY 4.0; country and subdivision data from world-countries and countrystatecity (ODbL).");
            ui.hyperlink_to("GeoNames", "https://www.geonames.org/");
            ui.label("Basemap: Natural Earth (public domain), via the world-atlas package (ISC).");
            ui.hyperlink_to("Natural Earth", "https://www.naturalearthdata.com/");
            if state.settings.basemap == BasemapChoice::OpenStreetMap {
                ui.label("Map tiles: © OpenStreetMap contributors, ODbL; tiles served by the OpenStreetMap Foundation.");
                ui.hyperlink_to("OpenStreetMap copyright", "https://www.openstreetmap.org/copyright");
            }
            ui.add_space(8.0);
            ui.weak("Licensed under MIT or Apache-2.0.");
        });
    if !open {
        commands.push(Command::ShowAbout(false));
    }
}
