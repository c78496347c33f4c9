//! Questions the app must ask before going on: restore the unsaved work of an earlier session,
//! what to do with unsaved changes when the window closes, and whether to close every article
//! when some work is not saved.
//!
//! In: the document's `recovery_offer` and `close_prompt`. Out: [`FileCommand::Recover`] and
//! [`FileCommand::AnswerClose`].

use crate::app::command::{CloseAnswer, Command};
use crate::app::command::{FileCommand, LoadCommand};
use crate::app::state::Document;
use crate::app::view::count;

/// Draws whichever question is waiting.
pub fn prompts_ui(ctx: &egui::Context, doc: &Document, out: &mut Vec<Command>) {
    if doc.recovery_offer {
        recovery_ui(ctx, out);
    } else if doc.close_prompt {
        close_ui(ctx, doc, out);
    } else if doc.close_all_prompt {
        close_all_ui(ctx, doc, out);
    }
}

fn close_all_ui(ctx: &egui::Context, doc: &Document, out: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("close_all_prompt")).show(ctx, |ui| {
        ui.heading("Close all articles?");
        let corrections = doc.log.corrections().items.len();
        ui.label(format!(
            "{} and {} are not saved. Undo (Ctrl+Z) brings them back after closing.",
            count(doc.sources.len(), "article"),
            count(corrections, "correction"),
        ));
        ui.horizontal(|ui| {
            if doc.file.path.is_some() && ui.button("Save and close").clicked() {
                out.push(Command::Load(LoadCommand::AnswerCloseAll(
                    CloseAnswer::Save,
                )));
            }
            if ui.button("Close all").clicked() {
                out.push(Command::Load(LoadCommand::AnswerCloseAll(
                    CloseAnswer::Discard,
                )));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Load(LoadCommand::AnswerCloseAll(
                    CloseAnswer::Cancel,
                )));
            }
        });
    });
    if modal.should_close() {
        out.push(Command::Load(LoadCommand::AnswerCloseAll(
            CloseAnswer::Cancel,
        )));
    }
}

fn recovery_ui(ctx: &egui::Context, out: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("recovery_prompt")).show(ctx, |ui| {
        ui.heading("Restore unsaved work?");
        ui.label("Verbatim closed with changes that were not saved. They were kept.");
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                out.push(Command::File(FileCommand::Recover(true)));
            }
            if ui.button("Discard").clicked() {
                out.push(Command::File(FileCommand::Recover(false)));
            }
        });
    });
}

fn close_ui(ctx: &egui::Context, doc: &Document, out: &mut Vec<Command>) {
    let name = doc.file.title();
    let modal = egui::Modal::new(egui::Id::unique("close_prompt")).show(ctx, |ui| {
        ui.heading("Save your changes?");
        ui.label(format!(
            "{} has changes that are not saved.",
            name.trim_end_matches(" • — Verbatim")
        ));
        ui.horizontal(|ui| {
            for (label, answer) in [
                ("Save", CloseAnswer::Save),
                ("Discard", CloseAnswer::Discard),
                ("Cancel", CloseAnswer::Cancel),
            ] {
                if ui.button(label).clicked() {
                    out.push(Command::File(FileCommand::AnswerClose(answer)));
                }
            }
        });
    });
    if modal.should_close() {
        out.push(Command::File(FileCommand::AnswerClose(CloseAnswer::Cancel)));
    }
}
