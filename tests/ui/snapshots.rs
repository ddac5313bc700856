//! Image snapshots of the whole window (feature `snapshot`: needs a wgpu adapter such as
//! Mesa's lavapipe or llvmpipe; run with `UPDATE_SNAPSHOTS=1` to accept changes).

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use newsmap::gui::{AppOptions, NewsmapApp};

use super::fixtures::fixture_processor;

fn settled_harness() -> Harness<'static, NewsmapApp> {
    let app = NewsmapApp::new(AppOptions {
        processor: Some(fixture_processor()),
        ..AppOptions::default()
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .wgpu()
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    // Background parsing and tile rendering arrive in real time.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut quiet = 0;
    while quiet < 20 && Instant::now() < deadline {
        harness.step();
        std::thread::sleep(Duration::from_millis(25));
        quiet = if harness.state().state.parsing_count() == 0 { quiet + 1 } else { 0 };
    }
    harness
}

#[test]
fn the_default_window_looks_right() {
    let mut harness = settled_harness();
    harness.snapshot("app_default");
}

#[test]
fn a_selected_event_looks_right() {
    let mut harness = settled_harness();
    harness.get_by_label("Putin and Kim Jong Un met at the Vostochny cosmodrome").click();
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    harness.snapshot("app_event_selected");
    harness.get_by_role_and_label(Role::Button, "Seoul").click();
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    harness.snapshot("app_place_selected");
}
