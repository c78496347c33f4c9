//! The correction popups: "Edit speaker", a note on a statement, and a marked difference's
//! actions ("Treat as same", a note on it); and the pickers that list statements for "Merge
//! with…" and "Move to statement".
//!
//! In: the document (to name quotations by their [`QuoteKey`]) and the forms being filled in.
//! Out: [`CorrectCommand::Apply`] commands.

use crate::app::command::Command;
use crate::app::command::CorrectCommand;
use crate::app::state::Document;
use crate::corrections::{Correction, EquivalenceScope, NoteTarget, SpeakerScope, key_of};
use crate::model::QuoteKey;
use egui::Ui;

/// The "Edit speaker" popup's fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerForm {
    /// The version whose speaker is corrected.
    pub quote_id: String,
    /// The speaker now, shown as a hint.
    pub current: String,
    /// The speaker as typed.
    pub speaker: String,
    /// Change every quotation its source attributes to the same words.
    pub same_words: bool,
    /// Give the field keyboard focus next frame.
    pub focus: bool,
}

/// A note being written.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteForm {
    /// What the note is on.
    pub target: NoteTarget,
    /// The note as typed.
    pub text: String,
}

/// A marked difference the user clicked.
#[derive(Clone, Debug, PartialEq)]
pub struct DifferenceForm {
    /// The version it is in.
    pub quote_id: String,
    /// The reference's words there.
    pub reference_words: String,
    /// The version's words there.
    pub words: String,
    /// A note on it as typed.
    pub note: String,
}

/// Every correction popup, each open when `Some`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorrectionForms {
    /// "Edit speaker".
    pub speaker: Option<SpeakerForm>,
    /// A note on a statement.
    pub note: Option<NoteForm>,
    /// A clicked difference.
    pub difference: Option<DifferenceForm>,
}

/// Draws the open popups.
pub fn forms_ui(
    ctx: &egui::Context,
    doc: &Document,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    speaker_window(ctx, doc, forms, out);
    note_window(ctx, forms, out);
    difference_window(ctx, doc, forms, out);
}

fn speaker_window(
    ctx: &egui::Context,
    doc: &Document,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let Some(form) = &mut forms.speaker else {
        return;
    };
    let mut done = false;
    egui::Window::new("Edit speaker")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
        .show(ctx, |ui| {
            let now = if form.current.is_empty() {
                "no known speaker"
            } else {
                form.current.as_str()
            };
            ui.label(format!("Now: {now}"));
            ui.horizontal(|ui| {
                let label = ui.label("New speaker");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut form.speaker).hint_text(&form.current))
                    .labelled_by(label.id);
                if std::mem::take(&mut form.focus) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    done = apply_speaker(doc, form, out);
                }
            });
            ui.checkbox(
                &mut form.same_words,
                "Every quotation this source attributes to the same words",
            );
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    done = apply_speaker(doc, form, out);
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
            ui.label(egui::RichText::new("Empty means \"no known speaker\".").small());
        });
    if done {
        forms.speaker = None;
    }
}

fn apply_speaker(doc: &Document, form: &SpeakerForm, out: &mut Vec<Command>) -> bool {
    let Some(quote) = key_of(&doc.analysis, &form.quote_id) else {
        return true;
    };
    let speaker = form.speaker.trim();
    out.push(Command::Correct(CorrectCommand::Apply(
        Correction::SetSpeaker {
            quote,
            speaker: (!speaker.is_empty()).then(|| speaker.to_string()),
            scope: if form.same_words {
                SpeakerScope::SameWords
            } else {
                SpeakerScope::Quote
            },
        },
    )));
    true
}

fn note_window(ctx: &egui::Context, forms: &mut CorrectionForms, out: &mut Vec<Command>) {
    let Some(form) = &mut forms.note else {
        return;
    };
    let mut done = false;
    egui::Window::new("Note on this statement")
        .collapsible(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
        .show(ctx, |ui| {
            let label = ui.label("Note");
            ui.add(egui::TextEdit::multiline(&mut form.text).desired_rows(4))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button("Save note").clicked() {
                    out.push(Command::Correct(CorrectCommand::Apply(Correction::Note {
                        target: form.target.clone(),
                        text: form.text.trim().to_string(),
                    })));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done {
        forms.note = None;
    }
}

fn difference_window(
    ctx: &egui::Context,
    doc: &Document,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let Some(form) = &mut forms.difference else {
        return;
    };
    let Some(member) = key_of(&doc.analysis, &form.quote_id) else {
        forms.difference = None;
        return;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new("Difference")
        .open(&mut open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "This version: \"{}\" · reference: \"{}\"",
                form.words.trim(),
                form.reference_words.trim()
            ));
            let both = !form.words.trim().is_empty() && !form.reference_words.trim().is_empty();
            ui.add_enabled_ui(both, |ui| {
                ui.horizontal(|ui| {
                    let group = EquivalenceScope::Group {
                        member: member.clone(),
                    };
                    for (label, scope) in [
                        ("Treat as same in this statement", group),
                        ("Treat as same everywhere", EquivalenceScope::Everywhere),
                    ] {
                        if ui.button(label).clicked() {
                            out.push(Command::Correct(CorrectCommand::Apply(
                                Correction::Equivalent {
                                    wording: form.words.trim().to_string(),
                                    same_as: form.reference_words.trim().to_string(),
                                    scope,
                                },
                            )));
                            done = true;
                        }
                    }
                });
            });
            ui.separator();
            let label = ui.label("Note on this difference");
            ui.add(egui::TextEdit::multiline(&mut form.note).desired_rows(3))
                .labelled_by(label.id);
            if ui.button("Save note").clicked() {
                out.push(Command::Correct(CorrectCommand::Apply(Correction::Note {
                    target: NoteTarget::Difference {
                        member: member.clone(),
                        reference_words: form.reference_words.clone(),
                        words: form.words.clone(),
                    },
                    text: form.note.trim().to_string(),
                })));
                done = true;
            }
        });
    if done || !open {
        forms.difference = None;
    }
}

/// Lists the statements other than `except` (by group id) as buttons "speaker: opening words",
/// narrowed by a search field (speaker or words) and drawn only where visible, so every
/// statement can be reached however many there are; returns the reference of the one clicked,
/// to name its group in a correction.
pub fn statement_picker_ui(ui: &mut Ui, doc: &Document, except: &str) -> Option<QuoteKey> {
    let search_id = egui::Id::unique("statement picker search");
    let mut search: String = ui.data_mut(|d| d.get_temp(search_id).unwrap_or_default());
    let label = ui.label("Find a statement");
    ui.add(egui::TextEdit::singleline(&mut search).hint_text("speaker or words"))
        .labelled_by(label.id);
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    let rows = picker_rows(doc, except, &search);
    ui.label(format!("{} statements", rows.len()));
    let mut picked = None;
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical().max_height(360.0).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                let speaker = if row.speaker.is_empty() {
                    "unknown"
                } else {
                    row.speaker.as_str()
                };
                if ui.button(format!("{speaker}: {}", row.opening)).clicked() {
                    picked = doc
                        .analysis
                        .groups
                        .get(row.group_index)
                        .and_then(|g| key_of(&doc.analysis, &g.reference));
                    ui.close();
                }
            }
        },
    );
    picked
}

/// The statements a picker offers: all but `except`, those whose speaker or opening words
/// hold `search` (ignoring case).
fn picker_rows<'d>(
    doc: &'d Document,
    except: &str,
    search: &str,
) -> Vec<&'d crate::view::summary::GroupRow> {
    let needle = search.trim().to_lowercase();
    doc.derived
        .rows
        .iter()
        .filter(|r| r.group_id != except)
        .filter(|r| {
            needle.is_empty()
                || r.speaker.to_lowercase().contains(&needle)
                || r.opening.to_lowercase().contains(&needle)
        })
        .collect()
}
