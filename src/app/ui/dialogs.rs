//! Floating windows: help (shortcuts and legend) and "paste an article".
//!
//! In: the document and the paste fields being typed. Out: commands.

use super::shortcuts;
use crate::app::command::{Command, Pasted};
use crate::app::command::{FileCommand, LoadCommand, ViewCommand};
use crate::app::state::Document;
use crate::app::theme;

/// The help window, when open.
pub fn help_window(ctx: &egui::Context, doc: &Document, out: &mut Vec<Command>) {
    let mut open = doc.help_open;
    egui::Window::new("Help")
        .open(&mut open)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(
                "Open several articles about the same event. Each statement found in more than \
                 one of them is listed once; select it to see every version side by side, \
                 aligned word by word against a reference version.",
            );
            ui.add_space(6.0);
            egui::Grid::new("help_keys").striped(true).show(ui, |ui| {
                for (what, keys) in shortcuts::help_rows(ctx) {
                    ui.label(what);
                    ui.label(keys);
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
            ui.label("Drop files on the window to add them. Each change is marked by colour and by a sign:");
            theme::legend_ui(ui, false);
        });
    if open != doc.help_open {
        out.push(Command::View(ViewCommand::ShowHelp(open)));
    }
}

/// The paste dialog, when open.
pub fn paste_window(
    ctx: &egui::Context,
    doc: &Document,
    fields: &mut Pasted,
    out: &mut Vec<Command>,
) {
    if !doc.paste_open {
        return;
    }
    let mut open = true;
    egui::Window::new("Paste an article")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::Grid::new("paste_fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label("Title");
                    ui.text_edit_singleline(&mut fields.title)
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Outlet");
                    ui.text_edit_singleline(&mut fields.outlet)
                        .labelled_by(label.id);
                    ui.end_row();
                });
            let label = ui.label("Text");
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut fields.text)
                            .desired_rows(12)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                });
            ui.horizontal(|ui| {
                if ui.button("Add article").clicked() {
                    out.push(Command::Load(LoadCommand::AddPasted(fields.clone())));
                    if !fields.text.trim().is_empty() {
                        *fields = Pasted::default();
                    }
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::View(ViewCommand::ShowPasteDialog(false)));
                }
            });
        });
    if !open {
        out.push(Command::View(ViewCommand::ShowPasteDialog(false)));
    }
}

/// The "Open URL" dialog, when open: the page is fetched only when the user asks.
pub fn url_window(ctx: &egui::Context, doc: &Document, url: &mut String, out: &mut Vec<Command>) {
    if !doc.url_open {
        return;
    }
    let mut open = true;
    egui::Window::new("Open URL")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Address");
                ui.add(
                    egui::TextEdit::singleline(url)
                        .desired_width(400.0)
                        .hint_text("https://…"),
                )
                .labelled_by(label.id);
            });
            ui.label("The page is fetched once and kept with the time it was fetched.");
            ui.horizontal(|ui| {
                if ui.button("Fetch").clicked() {
                    out.push(Command::Load(LoadCommand::OpenUrl(url.trim().to_string())));
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::View(ViewCommand::ShowUrlDialog(false)));
                }
            });
        });
    if !open {
        out.push(Command::View(ViewCommand::ShowUrlDialog(false)));
    }
}

/// The path field: asked for when a file dialog cannot be shown, or chosen from the menu.
pub fn path_window(ctx: &egui::Context, doc: &Document, text: &mut String, out: &mut Vec<Command>) {
    let Some((purpose, failed)) = doc.path_prompt else {
        return;
    };
    let mut open = true;
    egui::Window::new("Type a path")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            if failed {
                ui.label("The file dialog could not be shown. Type the file's full path instead.");
            }
            ui.horizontal(|ui| {
                let label = ui.label("Path");
                ui.add(egui::TextEdit::singleline(text).desired_width(400.0))
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                let path = text.trim();
                if ui
                    .add_enabled(!path.is_empty(), egui::Button::new(purpose.verb()))
                    .clicked()
                {
                    out.push(purpose.command(path.into()));
                    out.push(Command::File(FileCommand::ShowPathPrompt(None)));
                    text.clear();
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::File(FileCommand::ShowPathPrompt(None)));
                }
            });
        });
    if !open {
        out.push(Command::File(FileCommand::ShowPathPrompt(None)));
    }
}
