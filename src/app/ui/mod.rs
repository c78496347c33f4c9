//! Drawing: [`App::ui`] lays out the panels, gathers their [`Command`]s and applies them after
//! the frame. One panel per file; each reads the [`Document`] and pushes commands.
//!
//! In: the app's state and egui input (keys, dropped files). Out: the frame, and commands.

mod article;
mod article_marks;
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
mod window;

use super::command::{Command, Pasted, PathPurpose, Tab, ThemeChoice};
use super::state::Document;
use super::view::count;
use crate::app::command::{LoadCommand, ViewCommand};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

pub use columns::{CellLayout, DrawnComparison};
pub use edit::{CorrectionForms, SpeakerForm};
pub use window::App;

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
        out.push(Command::Load(LoadCommand::OpenPaths(paths)));
    }
}

/// The status bar: progress and cancel while working, counts otherwise.
fn status_ui(ui: &mut egui::Ui, doc: &Document, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if let Some(progress) = &doc.progress {
            if ui.button("Cancel").clicked() {
                out.push(Command::Load(LoadCommand::Cancel));
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
                out.push(Command::Load(LoadCommand::Reanalyze));
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
            out.push(Command::View(ViewCommand::ShowSources(!panels.sources)));
        }
        if ui
            .selectable_label(panels.statements, "Statements list")
            .on_hover_text("Show or collapse the statements list")
            .clicked()
        {
            out.push(Command::View(ViewCommand::ShowStatements(
                !panels.statements,
            )));
        }
        ui.separator();
        for (tab, label) in [
            (Tab::Comparison, "Comparison"),
            (Tab::Article, "Article"),
            (Tab::Speakers, "Speakers"),
        ] {
            if ui.selectable_label(doc.tab == tab, label).clicked() {
                out.push(Command::View(ViewCommand::SetTab(tab)));
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
