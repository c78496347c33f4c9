//! The speakers view: a table of every resolved speaker (name, sources, quotations, and how
//! each source named them); clicking a name lists only that speaker's statements.
//!
//! In: the document's speaker table. Out: [`ViewCommand::SetSpeakerFilter`] and a switch to the
//! comparison.

use crate::app::command::ViewCommand;
use crate::app::command::{Command, Tab};
use crate::app::state::Document;
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
                .num_columns(4)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for title in [
                        "Speaker",
                        "Sources",
                        "Quotations",
                        "How each source named them",
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
