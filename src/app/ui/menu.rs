//! The menu bar: File, Edit, View, Help, with each item's shortcut shown; items that cannot
//! act now are greyed.
//!
//! In: the document (recent files, toggles, the correction log). Out: commands.

use super::shortcuts;
use crate::app::command::{Command, PathPurpose, SortKey, Tab, ThemeChoice};
use crate::app::command::{CorrectCommand, FileCommand, LoadCommand, ViewCommand};
use crate::app::state::Document;
use crate::app::view::count;
use crate::corrections::Correction;
use crate::report::export::ExportFormat;
use egui::{Button, Ui};
use std::path::PathBuf;

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, doc, out));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, doc, out));
        ui.menu_button("View", |ui| view_menu_ui(ui, doc, out));
        ui.menu_button("Help", |ui| {
            let help = Button::new("Help and shortcuts")
                .shortcut_text(ui.ctx().format_shortcut(&shortcuts::HELP));
            if ui.add(help).clicked() {
                out.push(Command::View(ViewCommand::ShowHelp(true)));
            }
        });
    });
}

fn item(ui: &mut Ui, label: &str, shortcut: Option<&egui::KeyboardShortcut>) -> bool {
    enabled_item(ui, true, label, shortcut)
}

fn enabled_item(
    ui: &mut Ui,
    enabled: bool,
    label: &str,
    shortcut: Option<&egui::KeyboardShortcut>,
) -> bool {
    let mut button = Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn edit_menu_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let items = &doc.log.corrections().items;
    let undo = match &doc.closed {
        Some(closed) => format!("Undo close all ({})", count(closed.articles(), "article")),
        None => items.last().map_or("Undo".to_string(), |c: &Correction| {
            format!("Undo {}", c.summary())
        }),
    };
    let can_undo = doc.closed.is_some() || doc.log.can_undo();
    if enabled_item(ui, can_undo, &undo, Some(&shortcuts::UNDO)) {
        out.push(Command::Correct(CorrectCommand::Undo));
    }
    if enabled_item(ui, doc.log.can_redo(), "Redo", Some(&shortcuts::REDO)) {
        out.push(Command::Correct(CorrectCommand::Redo));
    }
}

fn workspace_items_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if item(ui, "Open workspace…", None) {
        out.push(Command::File(FileCommand::ShowOpenWorkspaceDialog));
    }
    if item(ui, "Save", Some(&shortcuts::SAVE)) {
        out.push(Command::File(FileCommand::Save));
    }
    if item(ui, "Save as…", None) {
        out.push(Command::File(FileCommand::ShowSaveAsDialog));
    }
    let analysed = !doc.analysis.groups.is_empty() || !doc.analysis.quotes.is_empty();
    ui.add_enabled_ui(analysed, |ui| {
        ui.menu_button("Export", |ui| {
            for (format, label) in
                ExportFormat::ALL
                    .into_iter()
                    .zip(["HTML report…", "CSV…", "JSON…"])
            {
                if item(ui, label, None) {
                    out.push(Command::File(FileCommand::ShowExportDialog(format)));
                }
            }
        });
    });
}

fn file_menu_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if item(ui, "Open articles…", Some(&shortcuts::OPEN)) {
        out.push(Command::Load(LoadCommand::ShowOpenDialog));
    }
    if item(ui, "Open by path…", None) {
        out.push(Command::File(FileCommand::ShowPathPrompt(Some(
            PathPurpose::OpenArticles,
        ))));
    }
    if item(ui, "Paste an article…", Some(&shortcuts::PASTE)) {
        out.push(Command::View(ViewCommand::ShowPasteDialog(true)));
    }
    if item(ui, "Open URL…", None) {
        out.push(Command::View(ViewCommand::ShowUrlDialog(true)));
    }
    if item(ui, "Open the demo articles", None) {
        out.push(Command::Load(LoadCommand::OpenDemo));
    }
    ui.menu_button("Open recent", |ui| recent_menu_ui(ui, doc, out));
    ui.separator();
    workspace_items_ui(ui, doc, out);
    ui.separator();
    if item(ui, "Close all articles", Some(&shortcuts::CLOSE_ALL)) {
        out.push(Command::Load(LoadCommand::CloseAll));
    }
    if item(ui, "Quit", Some(&shortcuts::QUIT)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Recent sessions (each a set of articles opened together), then single files.
fn recent_menu_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if doc.recent.is_empty() && doc.recent_sets.is_empty() {
        ui.label("No recent files");
    }
    if !doc.recent_sets.is_empty() {
        ui.label(egui::RichText::new("Sessions").strong());
        for set in &doc.recent_sets {
            let button = ui.button(set.label()).on_hover_text(set.paths.join("\n"));
            if button.clicked() {
                let paths = set.paths.iter().map(PathBuf::from).collect();
                out.push(Command::Load(LoadCommand::OpenPaths(paths)));
            }
        }
        ui.separator();
    }
    if !doc.recent.is_empty() {
        ui.label(egui::RichText::new("Files").strong());
    }
    for path in &doc.recent {
        if ui.button(path.as_str()).clicked() {
            out.push(Command::Load(LoadCommand::OpenPaths(vec![PathBuf::from(
                path,
            )])));
        }
    }
}

fn view_menu_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let mut hide = doc.hide_cosmetic;
    if ui
        .checkbox(&mut hide, "Hide punctuation and case differences")
        .changed()
    {
        out.push(Command::View(ViewCommand::SetHideCosmetic(hide)));
    }
    let mut panels = doc.panels;
    if ui.checkbox(&mut panels.sources, "Sources panel").changed() {
        out.push(Command::View(ViewCommand::ShowSources(panels.sources)));
    }
    if ui
        .checkbox(&mut panels.statements, "Statements list")
        .changed()
    {
        out.push(Command::View(ViewCommand::ShowStatements(
            panels.statements,
        )));
    }
    ui.separator();
    for (tab, label) in [
        (Tab::Comparison, "Comparison"),
        (Tab::Article, "Article"),
        (Tab::Speakers, "Speakers"),
    ] {
        if ui.radio(doc.tab == tab, label).clicked() {
            out.push(Command::View(ViewCommand::SetTab(tab)));
        }
    }
    ui.separator();
    ui.label("Sort statements by");
    for key in SortKey::ALL {
        if ui.radio(doc.sort == key, key.label()).clicked() {
            out.push(Command::View(ViewCommand::SetSort(key)));
        }
    }
    ui.separator();
    ui.label("Theme");
    for theme in ThemeChoice::ALL {
        if ui.radio(doc.theme == theme, theme.label()).clicked() {
            out.push(Command::View(ViewCommand::SetTheme(theme)));
        }
    }
    ui.separator();
    egui::gui_zoom::zoom_menu_buttons(ui);
    ui.separator();
    if item(ui, "Find…", Some(&shortcuts::FIND)) {
        out.push(Command::View(ViewCommand::FocusFilter));
    }
}
