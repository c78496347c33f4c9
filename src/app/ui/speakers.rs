//! The speakers view: each resolved speaker, their quotation count, and how each source
//! named them.
//!
//! In: the document's speaker summaries. Out: the drawn list; no commands.

use crate::app::state::Document;
use crate::app::view::count;
use egui::{RichText, Ui};

/// Draws every resolved speaker.
pub fn speakers_ui(ui: &mut Ui, doc: &Document) {
    if doc.derived.speakers.is_empty() {
        ui.label("No speaker has been identified yet.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for speaker in &doc.derived.speakers {
                ui.label(
                    RichText::new(format!(
                        "{} — {}",
                        speaker.name,
                        count(speaker.quotes, "quotation")
                    ))
                    .strong(),
                );
                egui::Grid::new(("speaker", &speaker.name))
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for source in &speaker.sources {
                            ui.label(source.article_title.as_str());
                            ui.label(source.as_written.join(", "));
                            ui.label(format!("{}", source.quotes));
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
            }
        });
}
