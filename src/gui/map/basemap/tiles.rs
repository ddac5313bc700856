//! The offline basemap as a walkers tile source: tiles are rasterized on background threads
//! and cached as textures; while one renders, the nearest cached ancestor stands in.

use std::collections::{HashSet, VecDeque};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use egui::{ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};
use lru::LruCache;
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use super::raster::{TILE_SIZE, TileKey, render_tile};
use super::topology::Topography;
use super::{COUNTRIES_50M, COUNTRIES_110M, DETAIL_ZOOM};

/// How many tile textures stay in memory (256 KB each): enough for a full-screen map and its
/// neighbours at two zoom levels.
const CACHE_TILES: usize = 384;
/// Requests beyond this many are dropped oldest-first: the user has panned away from them.
const MAX_QUEUED: usize = 96;
/// Renderer threads; tiles take a few milliseconds each, two keep up with fast panning.
const WORKERS: usize = 2;

/// The decoded Natural Earth data, shared by the renderer threads and the label layer.
#[derive(Default)]
pub struct World {
    coarse: OnceLock<Result<Topography, String>>,
    detailed: OnceLock<Result<Topography, String>>,
}

impl World {
    /// Decodes both resolutions (blocking: call from a background thread).
    fn load(&self) {
        self.coarse.get_or_init(|| {
            Topography::from_topojson(COUNTRIES_110M).map_err(|e| format!("{e:#}"))
        });
        self.detailed
            .get_or_init(|| Topography::from_topojson(COUNTRIES_50M).map_err(|e| format!("{e:#}")));
    }

    /// The resolution to draw at `zoom`, if it is decoded: 1:110m for the whole world, 1:50m
    /// from [`DETAIL_ZOOM`] on.
    pub fn at_zoom(&self, zoom: f64) -> Option<&Topography> {
        let preferred = if zoom >= f64::from(DETAIL_ZOOM) { &self.detailed } else { &self.coarse };
        preferred.get().and_then(|r| r.as_ref().ok())
    }

    /// Why decoding failed, when it did (the basemap then shows plain sea).
    pub fn error(&self) -> Option<&str> {
        [&self.coarse, &self.detailed]
            .into_iter()
            .find_map(|c| c.get()?.as_ref().err())
            .map(String::as_str)
    }
}

struct Queue {
    /// Newest last: workers pop from the back.
    requests: VecDeque<TileKey>,
    shutdown: bool,
}

struct Shared {
    world: Arc<World>,
    queue: Mutex<Queue>,
    wake: Condvar,
    /// The zoom the map shows now; requests two or more levels away are skipped.
    shown_zoom: AtomicU8,
    idle: AtomicBool,
}

/// What a renderer thread sends back.
enum Rendered {
    Tile(TileKey, ColorImage),
    Skipped(TileKey),
}

/// The offline basemap tile source (see the module docs).
pub struct BasemapTiles {
    ctx: Context,
    shared: Arc<Shared>,
    cache: LruCache<TileKey, TextureHandle>,
    pending: HashSet<TileKey>,
    results: Receiver<Rendered>,
}

impl BasemapTiles {
    /// Starts the renderer threads; textures are made on `ctx` (the app's, or a test
    /// harness's).
    pub fn new(ctx: Context) -> Self {
        let world = Arc::new(World::default());
        let shared = Arc::new(Shared {
            world,
            queue: Mutex::new(Queue { requests: VecDeque::new(), shutdown: false }),
            wake: Condvar::new(),
            shown_zoom: AtomicU8::new(0),
            idle: AtomicBool::new(false),
        });
        let (sender, results) = channel();
        for index in 0..WORKERS {
            let shared = Arc::clone(&shared);
            let sender = sender.clone();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("basemap-{index}"))
                .spawn(move || worker(&shared, &sender, &ctx));
            if let Err(err) = spawned {
                tracing::error!("could not start a basemap renderer thread: {err:#}");
            }
        }
        let capacity = NonZeroUsize::new(CACHE_TILES).unwrap_or(NonZeroUsize::MIN);
        Self { ctx, shared, cache: LruCache::new(capacity), pending: HashSet::new(), results }
    }

    /// The decoded Natural Earth data (for labels), once the renderer has it.
    pub fn world(&self) -> &Arc<World> {
        &self.shared.world
    }

    /// True when no tile is waiting to be rendered (used by `--screenshot`).
    pub fn is_idle(&self) -> bool {
        self.pending.is_empty() && self.shared.world.at_zoom(0.0).is_some()
    }

    /// Tells the renderers which zoom is on screen, so they skip stale requests.
    pub fn set_shown_zoom(&self, zoom: f64) {
        self.shared.shown_zoom.store(zoom.round().clamp(0.0, 30.0) as u8, Ordering::Relaxed);
    }

    fn receive(&mut self) {
        while let Ok(rendered) = self.results.try_recv() {
            match rendered {
                Rendered::Tile(key, image) => {
                    let name = format!("basemap-{}-{}-{}", key.zoom, key.x, key.y);
                    let texture = self.ctx.load_texture(name, image, TextureOptions::LINEAR);
                    self.pending.remove(&key);
                    self.cache.put(key, texture);
                }
                Rendered::Skipped(key) => {
                    self.pending.remove(&key);
                }
            }
        }
    }

    fn request(&mut self, key: TileKey) {
        if !self.pending.insert(key) {
            return;
        }
        let mut queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.requests.push_back(key);
        while queue.requests.len() > MAX_QUEUED {
            if let Some(old) = queue.requests.pop_front() {
                self.pending.remove(&old);
            }
        }
        drop(queue);
        self.shared.wake.notify_one();
    }

    /// The nearest cached ancestor of `key`, with the part of it that covers `key`.
    fn ancestor(&mut self, key: TileKey) -> Option<TilePiece> {
        for dz in 1..=key.zoom {
            let parent = TileKey { x: key.x >> dz, y: key.y >> dz, zoom: key.zoom - dz };
            if let Some(texture) = self.cache.get(&parent) {
                let d = f32::from(1u16 << dz.min(15));
                let (fx, fy) = ((key.x % (1 << dz)) as f32, (key.y % (1 << dz)) as f32);
                let uv =
                    Rect::from_min_max(pos2(fx / d, fy / d), pos2((fx + 1.0) / d, (fy + 1.0) / d));
                return Some(TilePiece::new(Tile::Raster(texture.clone()), uv));
            }
        }
        None
    }
}

impl Drop for BasemapTiles {
    fn drop(&mut self) {
        let mut queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.shutdown = true;
        drop(queue);
        self.shared.wake.notify_all();
    }
}

impl Tiles for BasemapTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.receive();
        if self.shared.world.error().is_some() {
            return None;
        }
        let n = 1u64 << u32::from(tile_id.zoom).min(40);
        if u64::from(tile_id.x) >= n || u64::from(tile_id.y) >= n {
            return None;
        }
        let key = TileKey { x: tile_id.x, y: tile_id.y, zoom: tile_id.zoom };
        if let Some(texture) = self.cache.get(&key) {
            let full = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            return Some(TilePiece::new(Tile::Raster(texture.clone()), full));
        }
        self.request(key);
        self.ancestor(key)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "Natural Earth",
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE
    }

    fn stats(&self) -> walkers::Stats {
        walkers::Stats { in_progress: self.pending.len() }
    }
}

fn worker(shared: &Shared, results: &Sender<Rendered>, ctx: &Context) {
    shared.world.load();
    if let Some(err) = shared.world.error() {
        tracing::error!("offline basemap unavailable: {err}");
    }
    if !shared.idle.swap(true, Ordering::Relaxed) {
        ctx.request_repaint();
    }
    loop {
        let key = {
            let mut queue = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if queue.shutdown {
                    return;
                }
                if let Some(key) = queue.requests.pop_back() {
                    break key;
                }
                queue = shared.wake.wait(queue).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let shown = shared.shown_zoom.load(Ordering::Relaxed);
        let message = match shared.world.at_zoom(f64::from(key.zoom)) {
            Some(topography) if key.zoom.abs_diff(shown) <= 1 => {
                Rendered::Tile(key, render_tile(topography, key))
            }
            _ => Rendered::Skipped(key),
        };
        if results.send(message).is_err() {
            return;
        }
        ctx.request_repaint();
    }
}
