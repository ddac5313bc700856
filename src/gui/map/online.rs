//! The optional OpenStreetMap layer, drawn over the offline basemap.
//!
//! walkers logs a failed download and never retries it, and tells the app nothing. This
//! wrapper watches what it actually receives: if, some seconds after being switched on, no
//! tile has arrived and nothing is downloading, the layer is reported as unavailable once.

use std::time::{Duration, Instant};

use walkers::sources::{Attribution, OpenStreetMap};
use walkers::{HeaderValue, HttpOptions, HttpTiles, TileId, TilePiece, Tiles};

/// How long to wait for the first tile before saying the layer is unavailable.
const GRACE: Duration = Duration::from_secs(8);

/// The User-Agent sent to the tile server, as its usage policy asks.
pub const USER_AGENT: &str =
    concat!("newsmap/", env!("CARGO_PKG_VERSION"), " (desktop news geoparser)");

/// OpenStreetMap tiles with failure detection (see the module docs).
pub struct OnlineTiles {
    inner: HttpTiles,
    started: Instant,
    received_any: bool,
    reported: bool,
}

impl OnlineTiles {
    /// Creates the layer with a disk cache in the user's cache directory (when there is one).
    pub fn new(ctx: egui::Context) -> Self {
        let cache = directories::ProjectDirs::from("org", "newsmap", "newsmap")
            .map(|dirs| dirs.cache_dir().join("osm-tiles"));
        let options = HttpOptions {
            cache,
            user_agent: Some(HeaderValue::from_static(USER_AGENT)),
            ..HttpOptions::default()
        };
        Self {
            inner: HttpTiles::with_options(OpenStreetMap, options, ctx),
            started: Instant::now(),
            received_any: false,
            reported: false,
        }
    }

    /// Returns `true` exactly once, when the layer looks unavailable.
    pub fn take_failure(&mut self) -> bool {
        let failed = !self.received_any
            && self.started.elapsed() > GRACE
            && self.inner.stats().in_progress == 0;
        if failed && !self.reported {
            self.reported = true;
            return true;
        }
        false
    }
}

impl Tiles for OnlineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        self.received_any |= piece.is_some();
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.inner.stats()
    }
}
