//! Desktop app tests: `AppState::apply` unit tests and whole-app flows driven headless with
//! egui_kittest (no GPU, no network).
#![cfg(feature = "gui")]

mod fixtures;
mod flows;
#[cfg(feature = "snapshot")]
mod snapshots;
mod state;
