//! The desktop app (eframe + walkers).
