//! The map panel: walkers' map with the offline basemap (and optionally OpenStreetMap above
//! it), and the app's layers drawn over it.

use egui::{Rect, Ui};
use walkers::{Map, MapMemory, lon_lat};

use super::basemap::{BasemapTiles, draw_country_labels};
use super::fit::fit_memory;
use super::online::OnlineTiles;
use super::overlay::{buttons_ui, corner_ui, legend_ui, scale_bar_ui};
use super::places::{MarkerCache, markers_ui};
use super::relative::relatives_ui;
use super::selection::ghosts_ui;
use crate::gui::command::{BasemapChoice, Command, Notice};
use crate::gui::state::{AppState, MapRequest};

/// The closest the map zooms: the 1:50m coastline gets coarse beyond this.
pub const MAX_ZOOM: f64 = 13.0;
/// Fitting a single place stops at this zoom (a city and its surroundings).
pub const FIT_MAX_ZOOM: f64 = 7.0;
/// Padding around fitted points, pixels.
const FIT_PADDING_PX: f32 = 48.0;

/// The map's own state: view, tile sources and per-zoom caches.
pub struct MapView {
    memory: MapMemory,
    basemap: BasemapTiles,
    online: Option<OnlineTiles>,
    markers: MarkerCache,
    handled_request: u64,
    /// The screen rectangle of the map last frame (for PNG export crops).
    pub rect: Option<Rect>,
}

impl MapView {
    /// A map whose textures live on `ctx`; starts showing the whole world.
    pub fn new(ctx: egui::Context) -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(20.0, 25.0));
        memory.set_zoom(1.5).ok();
        Self {
            memory,
            basemap: BasemapTiles::new(ctx),
            online: None,
            markers: MarkerCache::default(),
            handled_request: 0,
            rect: None,
        }
    }

    /// True once the basemap has no tile left to render (for `--screenshot`).
    pub fn is_settled(&self) -> bool {
        self.basemap.is_idle() && !self.memory.animating()
    }

    /// The current zoom level.
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// Draws the map and its layers.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
        let size = ui.available_size();
        self.follow_request(state, [size.x, size.y]);
        // Never so far out that the world is narrower than the view (the map does not repeat).
        let min_zoom = (f64::from(size.x) / super::fit::TILE_PX).log2().clamp(0.0, MAX_ZOOM);
        let zoom = self.memory.zoom();
        if zoom > MAX_ZOOM {
            self.memory.set_zoom(MAX_ZOOM).ok();
        } else if zoom < min_zoom {
            self.memory.set_zoom(min_zoom).ok();
        }
        self.basemap.set_shown_zoom(self.memory.zoom());

        if state.settings.basemap == BasemapChoice::OpenStreetMap && self.online.is_none() {
            self.online = Some(OnlineTiles::new(ui.ctx().clone()));
        }
        let online = state.settings.basemap == BasemapChoice::OpenStreetMap;
        if let Some(layer) = self.online.as_mut().filter(|_| online)
            && layer.take_failure()
        {
            commands.push(Command::Notify(Notice::warning(
                "OpenStreetMap tiles are unavailable; showing the offline map",
            )));
        }
        let attribution =
            if online { "© OpenStreetMap contributors · Natural Earth" } else { "Natural Earth" };

        let world = std::sync::Arc::clone(self.basemap.world());
        let centre = self.memory.detached().unwrap_or(lon_lat(20.0, 25.0));
        let mut map =
            Map::new(Some(&mut self.basemap as &mut dyn walkers::Tiles), &mut self.memory, centre)
                .double_click_to_zoom(true)
                .zoom_with_ctrl(false);
        if let Some(layer) = self.online.as_mut().filter(|_| online) {
            map = map.with_layer(layer, 1.0);
        }
        let markers_cache = &mut self.markers;
        let generation = state.catalog_generation;
        let mut zoom_delta = 0.0;
        let response = map.show(ui, |ui, response, projector, memory| {
            let zoom = memory.zoom();
            let mut occupied = Vec::new();
            relatives_ui(ui, projector, state);
            let markers = markers_cache.markers(state, generation, zoom);
            markers_ui(ui, projector, state, markers, &mut occupied, commands);
            ghosts_ui(ui, projector, state);
            if let Some(topography) = world.at_zoom(zoom) {
                // Country names give way to the article's places.
                draw_country_labels(ui.painter(), projector, topography, &mut occupied);
            }
            legend_ui(ui, projector.clip_rect());
            scale_bar_ui(ui, projector);
            corner_ui(ui, projector, response.hover_pos(), attribution);
            buttons_ui(
                ui,
                projector.clip_rect(),
                state.selection.is_some(),
                commands,
                &mut zoom_delta,
            );
        });
        if response.response.clicked() {
            commands.push(Command::ClearSelection);
        }
        self.rect = Some(response.response.rect);
        if zoom_delta != 0.0 {
            let z = (self.memory.zoom() + zoom_delta).clamp(0.0, MAX_ZOOM);
            self.memory.set_zoom(z).ok();
        }
        if self.memory.detached().is_none() {
            self.memory.center_at(centre);
        }
    }

    /// Acts on a new map request from the state (fit or centre), once.
    fn follow_request(&mut self, state: &AppState, view_px: [f32; 2]) {
        let (serial, request) = &state.map_request;
        if *serial == self.handled_request || view_px[0] < 10.0 || view_px[1] < 10.0 {
            return;
        }
        self.handled_request = *serial;
        match request {
            MapRequest::None => {}
            MapRequest::Fit(points) => {
                fit_memory(
                    &mut self.memory,
                    points.iter().copied(),
                    view_px,
                    FIT_PADDING_PX,
                    FIT_MAX_ZOOM,
                );
            }
            MapRequest::Centre(point, zoom) => {
                self.memory.center_at(*point);
                if self.memory.zoom() < *zoom {
                    self.memory.set_zoom(zoom.min(MAX_ZOOM)).ok();
                }
            }
        }
    }
}
