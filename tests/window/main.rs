//! The window, driven headless through egui_kittest.

#[path = "../support/mod.rs"]
mod support;

mod app;
mod app_close;
mod app_url;
mod app_view;
mod app_work;
