//! The window, driven headless through egui_kittest.

use egui_kittest::Harness;
use verbatim::app::App;

/// The window at `size`, drawn by the harness.
fn harness_sized(app: App, size: [f32; 2]) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

/// The window at a desktop size.
fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, [1500.0, 900.0])
}

/// Draws, lets background work finish, and draws its result.
fn settle(h: &mut Harness<'_, App>) {
    h.run_steps(2);
    h.state_mut().wait_idle();
    h.run_steps(3);
}

#[path = "../support/mod.rs"]
mod support;

mod app;
mod app_article;
mod app_close;
mod app_load;
mod app_pieces;
mod app_speakers;
mod app_url;
mod app_view;
mod app_work;
