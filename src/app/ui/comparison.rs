//! The comparison view: the selected statement's versions in columns, reference first, cut
//! into rows so the same words sit side by side; each difference marked by class with colour
//! and a second cue; who each version is attributed to, as written and resolved.
//!
//! In: the document. Out: commands (set reference, show in article, hide cosmetic changes).

use crate::app::aligned::{Piece, VersionInput, align_versions};
use crate::app::command::Command;
use crate::app::state::Document;
use crate::app::theme;
use crate::app::view::count;
use crate::model::{Group, OpKind, Quote};
use egui::text::LayoutJob;
use egui::{RichText, Ui};

/// Narrowest and widest a version's column may be.
const COLUMN_WIDTH: (f32, f32) = (190.0, 420.0);

/// Draws the comparison of the selected statement.
pub fn comparison_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let Some(group) = doc.selected() else {
        ui.label("Select a statement in the list to compare its versions.");
        return;
    };
    header_ui(ui, doc, group, out);
    ui.separator();
    let versions: Vec<(&Quote, &[crate::model::DiffOp])> = group
        .members
        .iter()
        .filter_map(|m| Some((doc.quote(&m.quote_id)?, m.diff.as_slice())))
        .collect();
    let Some((reference, _)) = versions
        .iter()
        .find(|(q, _)| q.quote_id == group.reference)
        .or(versions.first())
    else {
        ui.label("This statement has no versions.");
        return;
    };
    // Reference first, then the others in the engine's order.
    let mut ordered: Vec<(&Quote, &[crate::model::DiffOp])> = vec![(reference, &[])];
    ordered.extend(
        versions
            .iter()
            .filter(|(q, _)| q.quote_id != reference.quote_id)
            .copied(),
    );
    let inputs: Vec<VersionInput> = ordered
        .iter()
        .map(|(q, diff)| VersionInput {
            text: &q.text,
            diff,
        })
        .collect();
    let aligned = align_versions(&reference.text, &inputs, doc.hide_cosmetic);
    let spacing = ui.spacing().item_spacing.x * 2.0;
    let width = ((ui.available_width() - 12.0) / ordered.len().max(1) as f32 - spacing)
        .clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new(("comparison", &group.group_id))
                .striped(true)
                .min_col_width(width)
                .max_col_width(width)
                .spacing([spacing, 8.0])
                .show(ui, |ui| {
                    for (quote, _) in &ordered {
                        ui.vertical(|ui| version_header_ui(ui, doc, group, quote, out));
                    }
                    ui.end_row();
                    for row in &aligned.rows {
                        for cell in row {
                            ui.horizontal_wrapped(|ui| {
                                ui.spacing_mut().item_spacing.x = 0.0;
                                for (i, piece) in cell.iter().enumerate() {
                                    piece_ui(ui, piece, doc.hide_cosmetic, i == 0);
                                }
                            });
                        }
                        ui.end_row();
                    }
                });
        });
}

fn header_ui(ui: &mut Ui, doc: &Document, group: &Group, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let speaker = group.speaker.as_deref().unwrap_or("Unknown speaker");
        ui.heading(speaker);
        for flag in &group.flags {
            let (text, color) = theme::flag_badge(*flag, ui.visuals());
            theme::badge_ui(ui, text, color).on_hover_text(flag.as_str());
        }
    });
    ui.horizontal(|ui| {
        let row = doc
            .derived
            .group_index(&group.group_id)
            .and_then(|gi| doc.derived.rows.get(gi));
        if let Some(row) = row.filter(|r| r.group_id == group.group_id) {
            ui.label(format!(
                "{} from {} · {}",
                count(group.members.len(), "version"),
                count(row.sources, "source"),
                count(row.differences, "substantive difference"),
            ));
        }
        let mut hide = doc.hide_cosmetic;
        if ui
            .checkbox(&mut hide, "Hide punctuation and case")
            .changed()
        {
            out.push(Command::SetHideCosmetic(hide));
        }
    });
    theme::legend_ui(ui, doc.hide_cosmetic);
}

/// A version's column head: its source, its attribution, and what can be done with it.
fn version_header_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    quote: &Quote,
    out: &mut Vec<Command>,
) {
    let article = doc.analysis.article(&quote.article_id);
    let title = article.map_or(quote.article_id.as_str(), |a| a.title.as_str());
    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    if let Some(outlet) = article.and_then(|a| a.meta.outlet.as_deref()) {
        ui.label(RichText::new(outlet).small().weak());
    }
    attribution_ui(ui, group, quote);
    ui.horizontal_wrapped(|ui| {
        if quote.quote_id == group.reference {
            ui.label(RichText::new("Reference").strong())
                .on_hover_text("The others are compared with this version");
        } else if ui.small_button("Set as reference").clicked() {
            out.push(Command::SetReference(quote.quote_id.clone()));
        }
        if ui.small_button("Show in article").clicked() {
            out.push(Command::ShowInArticle(quote.quote_id.clone()));
        }
    });
}

/// "said by": the words the article used and the person they resolve to; a conflict with the
/// group's speaker is coloured and spelt out.
fn attribution_ui(ui: &mut Ui, group: &Group, quote: &Quote) {
    let written = quote
        .speaker_as_written
        .as_deref()
        .unwrap_or("no attribution");
    let resolved = quote.speaker.as_deref().unwrap_or("unresolved");
    let conflict =
        quote.speaker.is_some() && group.speaker.is_some() && quote.speaker != group.speaker;
    let text = if written == resolved {
        format!("said by: {written}")
    } else {
        format!("said by: \"{written}\" = {resolved}")
    };
    if conflict {
        let color = theme::warning_color(ui.visuals());
        ui.add(egui::Label::new(RichText::new(format!("{text} (differs)")).color(color)).wrap())
            .on_hover_text("This source names a different speaker than the others");
    } else {
        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
    }
}

/// One run of words: plain when equal, marked by class otherwise, with the reference's words
/// and the class on hover.
fn piece_ui(ui: &mut Ui, piece: &Piece, hide_cosmetic: bool, starts_cell: bool) {
    let class = match piece.class {
        Some(c) if piece.op != OpKind::Equal && (c.is_substantive() || !hide_cosmetic) => c,
        _ => {
            // The space that ended the previous row would indent this one.
            let text = if starts_cell {
                piece.text.trim_start()
            } else {
                &piece.text
            };
            ui.label(RichText::new(text).strong());
            return;
        }
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let shown = if piece.op == OpKind::Delete {
        &piece.ref_text
    } else {
        &piece.text
    };
    let mut job = LayoutJob::default();
    theme::append_marked(&mut job, shown, class, ui.visuals(), &font);
    let hover = match piece.op {
        OpKind::Insert => format!("{}: not in the reference", class.as_str()),
        OpKind::Delete => format!(
            "{}: only the reference has \"{}\"",
            class.as_str(),
            piece.ref_text.trim()
        ),
        _ => format!(
            "{}: the reference has \"{}\"",
            class.as_str(),
            piece.ref_text.trim()
        ),
    };
    ui.label(job).on_hover_text(hover);
}
