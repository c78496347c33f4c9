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
                for source in &speaker.sources {
                    let named = if source.as_written.is_empty() {
                        "not named".to_string()
                    } else {
                        source
                            .as_written
                            .iter()
                            .map(|w| format!("\"{w}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let line = format!(
                        "{} — {named} — {}",
                        source.article_title,
                        count(source.quotes, "quotation")
                    );
                    ui.add(egui::Label::new(line).wrap());
                }
                ui.add_space(8.0);
            }
        });
}
