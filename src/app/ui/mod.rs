//! Drawing: [`App::ui`] lays out the panels, gathers their [`Command`]s and applies them after
//! the frame. One panel per file; each reads the [`Document`] and pushes commands.
//!
//! In: the app's state and egui input (keys, dropped files). Out: the frame, and commands.

mod article;
mod columns;
mod comparison;
mod dialogs;
mod edit;
mod file_dialog;
mod menu;
mod prompts;
mod shortcuts;
mod sources;
mod speakers;
mod statements;

use super::command::{Command, Pasted, PathPurpose, Tab, ThemeChoice};
use super::state::{App, Document, Notice};
use super::view::count;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

pub use columns::{CellLayout, DrawnComparison};
pub use edit::{CorrectionForms, SpeakerForm};

/// Widget-local state: text being typed, scroll requests, dialogs, toasts.
#[derive(Default)]
pub struct UiState {
    /// The filter field's text as typed.
    pub filter_text: String,
    /// Give the filter field keyboard focus next frame (Ctrl+F).
    pub focus_filter: bool,
    /// Scroll the statements list to the selection next frame.
    pub scroll_list: bool,
    /// Scroll the article view to the quotation next frame.
    pub scroll_article: bool,
    /// Scroll the comparison to the current difference next frame.
    pub scroll_difference: bool,
    /// The paste dialog's fields.
    pub paste: Pasted,
    /// The address typed in the "Open URL" dialog.
    pub url: String,
    /// Text last selected in the article view.
    pub article_selection: Option<article::ArticleSelection>,
    /// The correction popups being filled in.
    pub forms: CorrectionForms,
    /// The selected statement's columns as last laid out.
    pub comparison: Option<columns::DrawnComparison>,
    /// A file dialog still open on its own thread: what it is for, and its answer to come.
    dialog: Option<(PathPurpose, Receiver<Option<Command>>)>,
    /// The path typed in the path field.
    pub path_text: String,
    /// The window title last sent.
    title: String,
    /// Toast messages.
    toasts: egui_notify::Toasts,
    /// The font policy and readable colours have been set.
    fonts_ready: bool,
    /// The theme last applied to the context.
    theme_applied: Option<ThemeChoice>,
}

impl App {
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
            super::theme::set_readable_colours(&ctx);
            self.ui_state.fonts_ready = true;
            // On a laptop screen the comparison needs the room more than the sources list.
            if ctx.content_rect().width() < 1400.0 {
                self.doc.panels.sources = false;
            }
        }
        if self.ui_state.theme_applied != Some(self.doc.theme) {
            ctx.set_theme(match self.doc.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.ui_state.theme_applied = Some(self.doc.theme);
        }
        self.poll_worker(&ctx);
        self.window_ui(&ctx);
        let mut out = Vec::new();
        out.extend(self.ui_state.dialog_result());
        shortcuts::shortcuts(&ctx, &self.doc, &mut self.ui_state, &mut out);
        dropped_files(&ctx, &mut out);
        self.panels_ui(ui, &mut out);
        dialogs::help_window(&ctx, &self.doc, &mut out);
        dialogs::paste_window(&ctx, &self.doc, &mut self.ui_state.paste, &mut out);
        dialogs::url_window(&ctx, &self.doc, &mut self.ui_state.url, &mut out);
        dialogs::path_window(&ctx, &self.doc, &mut self.ui_state.path_text, &mut out);
        edit::forms_ui(&ctx, &self.doc, &mut self.ui_state.forms, &mut out);
        prompts::prompts_ui(&ctx, &self.doc, &mut out);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            super::theme::paint_drop_hint(&ctx);
        }
        for command in out {
            self.apply(command);
        }
        self.show_notices(&ctx);
    }

    /// The window's title (file name and unsaved marker), held-back close requests, autosave.
    fn window_ui(&mut self, ctx: &egui::Context) {
        let title = self.doc.file.title();
        if title != self.ui_state.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui_state.title = title;
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.hold_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.autosave_tick();
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let doc = &self.doc;
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
        for notice in self.notices.drain(..) {
            match notice {
                Notice::Error(text) => self.ui_state.toasts.error(text),
                Notice::Info(text) => self.ui_state.toasts.info(text),
            }
            .duration(Some(std::time::Duration::from_secs(6)));
        }
        self.ui_state.toasts.show(ctx);
    }
}

/// Files dropped on the window become an open command.
fn dropped_files(ctx: &egui::Context, out: &mut Vec<Command>) {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if !paths.is_empty() {
        out.push(Command::OpenPaths(paths));
    }
}

/// The status bar: progress and cancel while working, counts otherwise.
fn status_ui(ui: &mut egui::Ui, doc: &Document, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if let Some(progress) = &doc.progress {
            if ui.button("Cancel").clicked() {
                out.push(Command::Cancel);
            }
            ui.add(
                egui::ProgressBar::new(progress.fraction)
                    .text(progress.label.as_str())
                    .desired_width(320.0),
            );
        } else if doc.stale {
            ui.colored_label(
                super::theme::warning_color(ui.visuals()),
                "The analysis is out of date.",
            );
            if ui.button("Analyse again").clicked() {
                out.push(Command::Reanalyze);
            }
        }
        let a = &doc.analysis;
        ui.label(doc.file.title().trim_end_matches(" — Verbatim"))
            .on_hover_text("The workspace file; • marks unsaved changes");
        ui.separator();
        ui.label(format!(
            "{} · {} · {}",
            count(a.articles.len(), "article"),
            count(a.quotes.len(), "quotation"),
            count(a.groups.len(), "statement")
        ));
    });
}

/// The detail area: tabs, then the chosen view.
fn detail_ui(ui: &mut egui::Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let panels = doc.panels;
        if ui
            .selectable_label(panels.sources, "Sources panel")
            .on_hover_text("Show or collapse the sources panel")
            .clicked()
        {
            out.push(Command::ShowSources(!panels.sources));
        }
        if ui
            .selectable_label(panels.statements, "Statements list")
            .on_hover_text("Show or collapse the statements list")
            .clicked()
        {
            out.push(Command::ShowStatements(!panels.statements));
        }
        ui.separator();
        for (tab, label) in [
            (Tab::Comparison, "Comparison"),
            (Tab::Article, "Article"),
            (Tab::Speakers, "Speakers"),
        ] {
            if ui.selectable_label(doc.tab == tab, label).clicked() {
                out.push(Command::SetTab(tab));
            }
        }
    });
    ui.separator();
    match doc.tab {
        Tab::Comparison => {
            let (cache, forms) = (&mut state.comparison, &mut state.forms);
            comparison::comparison_ui(ui, doc, cache, forms, &mut state.scroll_difference, out)
        }
        Tab::Article => article::article_ui(ui, doc, state, out),
        Tab::Speakers => speakers::speakers_ui(ui, doc, out),
    }
}
