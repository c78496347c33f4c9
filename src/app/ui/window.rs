//! The app as the window runs it: the [`AppState`] and, beside it, the window's own state
//! (text being typed, dialogs, toasts, layouts). One frame draws the panels, applies the
//! commands they emitted, then carries out the effects the state asked for.
//!
//! In: egui input. Out: the frame; commands applied to the state; effects carried out.

use super::{DrawnComparison, detail_ui, menu, sources, statements, status_ui};
use super::{UiState, dialogs, dropped_files, edit, prompts, shortcuts};
use crate::app::command::{Command, ThemeChoice};
use crate::app::effect::{Effect, Repaint};
use crate::app::state::{AppState, Notice};
use crate::model::Analysis;
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::Arc;

/// The app: its state, and the window's state beside it.
pub struct App {
    /// Everything but the window.
    pub state: AppState,
    ui_state: UiState,
}

impl Default for App {
    fn default() -> Self {
        Self::new()
    }
}

impl Deref for App {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl DerefMut for App {
    fn deref_mut(&mut self) -> &mut AppState {
        &mut self.state
    }
}

impl App {
    /// An empty app.
    pub fn new() -> Self {
        Self::from_state(AppState::new())
    }

    /// An app that starts reading `paths`, or the demo articles when there are none.
    pub fn with_paths(paths: Vec<PathBuf>) -> Self {
        Self::from_state(AppState::with_paths(paths))
    }

    /// An app that starts reading `paths` and wakes `ctx` on each report of the worker.
    pub fn with_paths_waking(paths: Vec<PathBuf>, ctx: Option<egui::Context>) -> Self {
        let repaint =
            ctx.map(|ctx| -> Repaint { Arc::new(move |after| ctx.request_repaint_after(after)) });
        Self::from_state(AppState::with_paths_waking(paths, repaint))
    }

    /// An app showing `analysis` as if its articles had been opened (e.g. a saved session).
    pub fn with_analysis(analysis: Analysis) -> Self {
        Self::from_state(AppState::with_analysis(analysis))
    }

    fn from_state(state: AppState) -> Self {
        Self {
            state,
            ui_state: UiState::default(),
        }
    }

    /// The selected statement's columns as the comparison last drew them (tests, scripts).
    pub fn drawn_comparison(&self) -> Option<&DrawnComparison> {
        self.ui_state.comparison.as_ref()
    }

    /// Draws one frame of the whole app into `ui` and applies what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.ui_state.fonts_ready {
            // Articles may hold scripts the built-in fonts lack: draw a box, never panic.
            ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
            crate::app::theme::set_readable_colours(&ctx);
            self.ui_state.fonts_ready = true;
            // On a laptop screen the comparison needs the room more than the sources list.
            if ctx.content_rect().width() < 1400.0 {
                self.state.doc.panels.sources = false;
            }
        }
        if self.ui_state.theme_applied != Some(self.state.doc.theme) {
            ctx.set_theme(match self.state.doc.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.ui_state.theme_applied = Some(self.state.doc.theme);
        }
        if self.state.repaint.is_none() {
            let wake = ctx.clone();
            self.state
                .set_repaint(Arc::new(move |after| wake.request_repaint_after(after)));
        }
        self.state.poll_worker();
        self.window_ui(&ctx);
        let mut out = Vec::new();
        out.extend(self.ui_state.dialog_result());
        shortcuts::shortcuts(&ctx, &self.state.doc, &mut self.ui_state, &mut out);
        dropped_files(&ctx, &mut out);
        self.panels_ui(ui, &mut out);
        dialogs::help_window(&ctx, &self.state.doc, &mut out);
        dialogs::paste_window(&ctx, &self.state.doc, &mut self.ui_state.paste, &mut out);
        dialogs::url_window(&ctx, &self.state.doc, &mut self.ui_state.url, &mut out);
        dialogs::path_window(
            &ctx,
            &self.state.doc,
            &mut self.ui_state.path_text,
            &mut out,
        );
        edit::forms_ui(&ctx, &self.state.doc, &mut self.ui_state.forms, &mut out);
        prompts::prompts_ui(&ctx, &self.state.doc, &mut out);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            crate::app::theme::paint_drop_hint(&ctx);
        }
        for command in out {
            self.state.apply(command);
        }
        self.take_effects(&ctx);
        self.show_notices(&ctx);
    }

    /// The window's title (file name and unsaved marker), held-back close requests, autosave.
    fn window_ui(&mut self, ctx: &egui::Context) {
        let title = self.state.doc.file.title();
        if title != self.ui_state.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui_state.title = title;
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.state.hold_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.state.autosave_tick();
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let doc = &self.state.doc;
        egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, doc, out));
        egui::Panel::bottom("status").show(ui, |ui| status_ui(ui, doc, out));
        if doc.panels.sources {
            egui::Panel::left("sources")
                .resizable(true)
                .default_size(210.0)
                .size_range(150.0..=400.0)
                .show(ui, |ui| sources::sources_ui(ui, doc, out));
        }
        if doc.panels.statements {
            let wide = ui.ctx().content_rect().width();
            egui::Panel::left("statements")
                .resizable(true)
                .default_size((wide * 0.3).clamp(280.0, 440.0))
                .size_range(260.0..=900.0)
                .show(ui, |ui| {
                    statements::statements_ui(ui, doc, &mut self.ui_state, out)
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            detail_ui(ui, doc, &mut self.ui_state, out);
        });
    }

    fn show_notices(&mut self, ctx: &egui::Context) {
        for notice in self.state.notices.drain(..) {
            match notice {
                Notice::Error(text) => self.ui_state.toasts.error(text),
                Notice::Info(text) => self.ui_state.toasts.info(text),
            }
            .duration(Some(std::time::Duration::from_secs(6)));
        }
        self.ui_state.toasts.show(ctx);
    }
}

impl App {
    /// Carries out what the state asked of the window while applying commands.
    fn take_effects(&mut self, ctx: &egui::Context) {
        for effect in std::mem::take(&mut self.state.effects) {
            let ui_state = &mut self.ui_state;
            match effect {
                Effect::OpenArticlesDialog => ui_state.open_dialog(),
                Effect::SaveAsDialog | Effect::OpenWorkspaceDialog | Effect::ExportDialog(_) => {
                    ui_state.file_dialog(effect, &self.state.doc.file);
                }
                Effect::ScrollList => ui_state.scroll_list = true,
                Effect::ScrollArticle => ui_state.scroll_article = true,
                Effect::ScrollDifference => ui_state.scroll_difference = true,
                Effect::FocusFilter => ui_state.focus_filter = true,
                Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            }
        }
    }
}
