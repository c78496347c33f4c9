//! The speakers view: a table of every resolved speaker (name, sources, quotations, and how
//! each source named them); clicking a name lists only that speaker's statements, "Same
//! speaker as…" joins two entries (a correction: undoable, saved with the workspace), and each
//! entry lists those joined into it with "Not the same speaker as…" to take a join back.
//!
//! In: the document's speaker table. Out: [`ViewCommand::SetSpeakerFilter`] and a switch to the
//! comparison; [`Correction::SameSpeaker`] and [`Correction::NotSameSpeaker`].

use crate::app::command::{Command, CorrectCommand, Tab, ViewCommand};
use crate::app::state::Document;
use crate::corrections::Correction;
use egui::{RichText, Ui};

/// Draws the speaker table.
pub fn speakers_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if doc.derived.speakers.is_empty() {
        ui.label("No speaker has been identified yet.");
        return;
    }
    ui.label("Click a name to list only their statements.");
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("speakers_table")
                .striped(true)
                .num_columns(5)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for title in [
                        "Speaker",
                        "Sources",
                        "Quotations",
                        "How each source named them",
                        "",
                    ] {
                        ui.label(RichText::new(title).strong());
                    }
                    ui.end_row();
                    for speaker in &doc.derived.speakers {
                        let chosen = doc.speaker_filter.as_deref() == Some(speaker.name.as_str());
                        let name = ui.selectable_label(chosen, speaker.name.as_str());
                        if name.on_hover_text("List only their statements").clicked() {
                            out.push(Command::View(ViewCommand::SetSpeakerFilter(Some(
                                speaker.name.clone(),
                            ))));
                            out.push(Command::View(ViewCommand::SetTab(Tab::Comparison)));
                        }
                        ui.label(speaker.sources.len().to_string());
                        ui.label(speaker.quotes.to_string());
                        ui.vertical(|ui| {
                            for source in &speaker.sources {
                                ui.add(egui::Label::new(named_line(source)).wrap());
                            }
                        });
                        ui.push_id(&speaker.name, |ui| {
                            ui.vertical(|ui| {
                                join_menu_ui(ui, doc, &speaker.name, out);
                                joined_ui(ui, doc, &speaker.name, out);
                            })
                        });
                        ui.end_row();
                    }
                });
        });
}

/// "Title: "words", "words" (n)" for one source.
fn named_line(source: &crate::app::view::SpeakerSource) -> String {
    let named = if source.as_written.is_empty() {
        "not named".to_string()
    } else {
        (source.as_written.iter())
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("{}: {named} ({})", source.article_title, source.quotes)
}

/// "Same speaker as…": joins this entry to another, as an undoable correction kept in the
/// workspace.
fn join_menu_ui(ui: &mut Ui, doc: &Document, name: &str, out: &mut Vec<Command>) {
    ui.menu_button("Same speaker as…", |ui| {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for other in doc.derived.speakers.iter().filter(|s| s.name != name) {
                    if ui.button(other.name.as_str()).clicked() {
                        out.push(Command::Correct(CorrectCommand::Apply(
                            Correction::SameSpeaker {
                                speaker: name.to_string(),
                                same_as: other.name.clone(),
                            },
                        )));
                    }
                }
            });
    });
}

/// The entries joined into `name`, each with "not the same speaker" to take the join back
/// (itself a correction: undoable, saved with the workspace).
fn joined_ui(ui: &mut Ui, doc: &Document, name: &str, out: &mut Vec<Command>) {
    let corrections = doc.log.corrections();
    for (joined, _) in corrections
        .speaker_joins()
        .into_iter()
        .filter(|(_, s)| *s == name)
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Joined: {joined}")).small());
            let button = ui.small_button(format!("Not the same speaker as {joined}"));
            if button
                .on_hover_text("Count them as two speakers again")
                .clicked()
            {
                out.push(Command::Correct(CorrectCommand::Apply(
                    Correction::NotSameSpeaker {
                        speaker: joined.to_string(),
                        same_as: name.to_string(),
                    },
                )));
            }
        });
    }
}
