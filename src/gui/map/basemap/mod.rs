//! The offline basemap: Natural Earth countries (world-atlas TopoJSON, public domain) decoded
//! once, rasterized into walkers tiles on background threads, with country labels drawn
//! over them.

mod labels;
mod raster;
mod tiles;
mod topology;

pub use labels::{HALO_COLOUR, draw_country_labels, halo_galley, halo_text};
pub use raster::{PALETTE, Palette, TileKey, render_tile};
pub use tiles::{BasemapTiles, World};
pub use topology::{Bounds, Country, Path, Topography, TopologyError};

/// Natural Earth 1:110m countries: the whole-world view.
pub const COUNTRIES_110M: &[u8] = include_bytes!("../../../../data/basemap/countries-110m.json");
/// Natural Earth 1:50m countries: regional views.
pub const COUNTRIES_50M: &[u8] = include_bytes!("../../../../data/basemap/countries-50m.json");

/// From this zoom on, the 1:50m data is drawn (coarse coastlines show as polygons by zoom 3).
pub const DETAIL_ZOOM: u8 = 3;
