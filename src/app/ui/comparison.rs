//! The comparison view: the selected statement's versions in columns, reference first, cut
//! into rows so the same words sit side by side; each difference marked by class with colour
//! and a second cue; who each version is attributed to, as written and resolved.
//!
//! Each version's head offers its corrections (edit the speaker, split off, move, not a
//! quotation); the statement's head offers "Merge with…" and a note; clicking a marked
//! difference opens its actions.
//!
//! In: the document and the correction popups. Out: commands (set reference, show in article,
//! hide cosmetic changes, corrections).

use super::edit::{CorrectionForms, DifferenceForm, SpeakerForm, statement_picker_ui};
use crate::app::aligned::{Piece, VersionInput, align_versions};
use crate::app::command::Command;
use crate::app::state::Document;
use crate::app::theme;
use crate::app::view::count;
use crate::corrections::{Correction, NoteTarget, key_of};
use crate::model::{ChangeClass, Group, OpKind, Quote};
use egui::text::LayoutJob;
use egui::{RichText, Ui};
use std::ops::Range;

/// Narrowest and widest a version's column may be.
const COLUMN_WIDTH: (f32, f32) = (130.0, 420.0);

/// Draws the comparison of the selected statement.
pub fn comparison_ui(
    ui: &mut Ui,
    doc: &Document,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let Some(group) = doc.selected() else {
        ui.label("Select a statement in the list to compare its versions.");
        return;
    };
    header_ui(ui, doc, group, forms, out);
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
    let spacing = 12.0;
    let width = ((ui.available_width() - 12.0) / ordered.len().max(1) as f32 - spacing)
        .clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            // Columns of one fixed width, each row top-aligned, so the same words line up.
            columns_ui(ui, width, ordered.iter(), |ui, (quote, _)| {
                version_header_ui(ui, doc, group, quote, forms, out);
            });
            for row in &aligned.rows {
                ui.separator();
                let cells = row.iter().zip(ordered.iter());
                columns_ui(ui, width, cells, |ui, (cell, (quote, _))| {
                    if let Some(piece) = cell_ui(ui, cell, doc.hide_cosmetic) {
                        forms.difference = Some(DifferenceForm {
                            quote_id: quote.quote_id.clone(),
                            reference_words: piece.ref_text.clone(),
                            words: piece.text.clone(),
                            note: String::new(),
                        });
                    }
                });
            }
        });
}

/// One row of fixed-width, top-aligned columns.
fn columns_ui<T>(
    ui: &mut Ui,
    width: f32,
    items: impl Iterator<Item = T>,
    mut add: impl FnMut(&mut Ui, T),
) {
    ui.horizontal_top(|ui| {
        for item in items {
            let layout = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
                ui.set_width(width);
                add(ui, item);
            });
        }
    });
}

/// One version's words on one row, laid out as one wrapped text so lines break like prose;
/// hovering a marked run names its class and the reference's words there. Returns the marked
/// piece clicked, if any.
fn cell_ui<'a>(ui: &mut Ui, cell: &'a [Piece], hide_cosmetic: bool) -> Option<&'a Piece> {
    let (job, runs) = cell_job(ui, cell, hide_cosmetic);
    let response = ui.add(
        egui::Label::new(job.clone())
            .wrap()
            .sense(egui::Sense::click()),
    );
    let pointer = response.hover_pos()?;
    // Lay the same job out again at the label's width to find the character under the pointer.
    let mut job = job;
    job.wrap.max_width = response.rect.width().max(1.0);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let char_index = galley.cursor_from_pos(pointer - response.rect.min).index.0;
    let hovered = runs
        .iter()
        .find(|(chars, _)| chars.contains(&char_index))
        .and_then(|(_, piece)| cell.get(*piece))
        .and_then(|piece| Some((piece, marked_class(piece, hide_cosmetic)?)));
    let (piece, class) = hovered?;
    let clicked = response.clicked();
    response.on_hover_text(format!("{} (click for actions)", hover_text(piece, class)));
    clicked.then_some(piece)
}

/// The class a piece is marked with, or `None` when it is shown plain.
fn marked_class(piece: &Piece, hide_cosmetic: bool) -> Option<ChangeClass> {
    piece
        .class
        .filter(|c| piece.op != OpKind::Equal && (c.is_substantive() || !hide_cosmetic))
}

/// The cell's text with each run styled, and each run's character range.
fn cell_job(
    ui: &Ui,
    cell: &[Piece],
    hide_cosmetic: bool,
) -> (LayoutJob, Vec<(Range<usize>, usize)>) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    let mut job = LayoutJob::default();
    let mut runs = Vec::with_capacity(cell.len());
    let mut chars = 0;
    for (i, piece) in cell.iter().enumerate() {
        let before = job.text.len();
        match marked_class(piece, hide_cosmetic) {
            Some(class) => {
                let shown = if piece.op == OpKind::Delete {
                    &piece.ref_text
                } else {
                    &piece.text
                };
                theme::append_marked(&mut job, shown, class, visuals, &font);
            }
            None => {
                // The space that ended the previous row would indent this one.
                let text = if i == 0 {
                    piece.text.trim_start()
                } else {
                    &piece.text
                };
                job.append(text, 0.0, theme::strong_format(visuals, font.clone()));
            }
        }
        let added = job.text.get(before..).map_or(0, |t| t.chars().count());
        runs.push((chars..chars + added, i));
        chars += added;
    }
    (job, runs)
}

/// What hovering a marked run says.
fn hover_text(piece: &Piece, class: ChangeClass) -> String {
    match piece.op {
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
    }
}

fn header_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
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
    statement_actions_ui(ui, doc, group, forms, out);
    theme::legend_ui(ui, doc.hide_cosmetic);
}

/// The statement's notes, "Merge with…" and "Note…".
fn statement_actions_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let notes = doc
        .analysis
        .notes
        .iter()
        .filter(|n| n.group_id == group.group_id);
    for note in notes {
        let on = match (&note.words, &note.reference_words) {
            (Some(w), Some(r)) => format!("Note on \"{}\" / \"{}\": ", w.trim(), r.trim()),
            _ => "Note: ".to_string(),
        };
        ui.add(egui::Label::new(RichText::new(format!("{on}{}", note.text)).italics()).wrap());
    }
    let Some(member) = key_of(&doc.analysis, &group.reference) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.menu_button("Merge with…", |ui| {
            if let Some(other) = statement_picker_ui(ui, doc, &group.group_id) {
                out.push(Command::Correct(Correction::MergeGroups {
                    group_of: member.clone(),
                    with_group_of: other,
                }));
            }
        });
        if ui.button("Note…").clicked() {
            let text = doc
                .analysis
                .notes
                .iter()
                .find(|n| n.group_id == group.group_id && n.quote_id.is_none())
                .map(|n| n.text.clone())
                .unwrap_or_default();
            forms.note = Some(super::edit::NoteForm {
                target: NoteTarget::Group { member },
                text,
            });
        }
    });
}

/// A version's column head: its source, its attribution, and what can be done with it.
fn version_header_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    quote: &Quote,
    forms: &mut CorrectionForms,
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
    version_actions_ui(ui, doc, group, quote, forms, out);
}

/// A version's corrections: its speaker, and where it belongs.
fn version_actions_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    quote: &Quote,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let Some(key) = key_of(&doc.analysis, &quote.quote_id) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        if ui.small_button("Edit speaker…").clicked() {
            forms.speaker = Some(SpeakerForm {
                quote_id: quote.quote_id.clone(),
                current: quote.speaker.clone().unwrap_or_default(),
                speaker: String::new(),
                same_words: false,
                focus: true,
            });
        }
        ui.menu_button("More…", |ui| {
            let alone = group.members.len() < 2;
            if ui
                .add_enabled(!alone, egui::Button::new("Split into its own statement"))
                .clicked()
            {
                out.push(Command::Correct(Correction::SplitOff {
                    quote: key.clone(),
                }));
            }
            ui.menu_button("Move to statement", |ui| {
                if let Some(to) = statement_picker_ui(ui, doc, &group.group_id) {
                    out.push(Command::Correct(Correction::MoveToGroup {
                        quote: key.clone(),
                        to_group_of: to,
                    }));
                }
            });
            if ui.button("Not a quotation").clicked() {
                out.push(Command::Correct(Correction::NotAQuote {
                    span: key.clone(),
                }));
            }
        });
    });
}

/// "said by": the words the article used and the person they resolve to; a conflict with the
/// group's speaker is coloured and spelt out.
fn attribution_ui(ui: &mut Ui, group: &Group, quote: &Quote) {
    let resolved = quote.speaker.as_deref();
    let conflict = resolved.is_some() && group.speaker.is_some() && quote.speaker != group.speaker;
    let text = match (quote.speaker_as_written.as_deref(), resolved) {
        (Some(written), Some(resolved)) if written == resolved => format!("said by: {written}"),
        (Some(written), Some(resolved)) => format!("said by: \"{written}\" = {resolved}"),
        (Some(written), None) => format!("said by: \"{written}\" (not resolved)"),
        (None, Some(resolved)) => format!("said by: {resolved} (not named here)"),
        (None, None) => "no attribution found".to_string(),
    };
    if conflict {
        let color = theme::warning_color(ui.visuals());
        ui.add(egui::Label::new(RichText::new(format!("{text} (differs)")).color(color)).wrap())
            .on_hover_text("This source names a different speaker than the others");
    } else {
        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
    }
}
