//! The map: offline basemap, optional OpenStreetMap layer, markers, relative locations,
//! selection ghosts and overlays.

pub mod basemap;
pub mod fit;
pub mod online;
pub mod overlay;
pub mod places;
pub mod relative;
pub mod selection;
pub mod view;

pub use view::MapView;
