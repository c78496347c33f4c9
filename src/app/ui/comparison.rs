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

use super::columns::{self, DrawnComparison};
use super::edit::{CorrectionForms, DifferenceForm, SpeakerForm, statement_picker_ui};
use crate::app::command::Command;
use crate::app::command::{CorrectCommand, ViewCommand};
use crate::app::state::Document;
use crate::app::theme;
use crate::app::view::count;
use crate::corrections::{Correction, NoteTarget, key_of};
use crate::model::{Group, Quote};
use crate::view::{SpanRole, VersionMarks, compare};
use egui::{RichText, Ui};

/// Draws the comparison of the selected statement. `cache` holds the laid-out columns of the
/// statement last drawn and is rebuilt only when the statement or a view setting changes.
pub fn comparison_ui(
    ui: &mut Ui,
    doc: &Document,
    cache: &mut Option<DrawnComparison>,
    forms: &mut CorrectionForms,
    scroll: &mut bool,
    out: &mut Vec<Command>,
) {
    let Some(group) = doc.selected() else {
        ui.label("Select a statement in the list to compare its versions.");
        return;
    };
    header_ui(ui, doc, group, forms, out);
    ui.separator();
    let Some(drawn) = drawn_comparison(ui, doc, group, cache) else {
        ui.label("This statement has no versions.");
        return;
    };
    let columns = drawn.comparison.columns.len();
    let width = columns::column_width(ui.available_width(), columns);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            let heads = drawn.comparison.columns.iter();
            columns::grid_row_ui(ui, width, heads, |ui, _, column| {
                if let Some(quote) = doc.quote(&column.quote_id) {
                    version_header_ui(ui, doc, group, quote, column.marks, forms, out);
                }
            });
            let current = doc.difference.as_ref().and_then(|(quote_id, change)| {
                let columns = &drawn.comparison.columns;
                let column = columns.iter().position(|c| c.quote_id == *quote_id)?;
                Some((column, *change))
            });
            if let Some((column, span)) = columns::rows_ui(ui, drawn, width, current, scroll)
                && let Some(c) = drawn.comparison.columns.get(column)
            {
                let (words, reference_words) = match span.role {
                    SpanRole::Printed => (span.text.clone(), span.counterpart.clone()),
                    SpanRole::Struck | SpanRole::Gap => {
                        (span.counterpart.clone(), span.text.clone())
                    }
                };
                forms.difference = Some(DifferenceForm {
                    quote_id: c.quote_id.clone(),
                    reference_words,
                    words,
                    note: String::new(),
                });
            }
        });
}

/// The laid-out columns of `group`, from `cache` when it was built for the same settings.
fn drawn_comparison<'c>(
    ui: &Ui,
    doc: &Document,
    group: &Group,
    cache: &'c mut Option<DrawnComparison>,
) -> Option<&'c DrawnComparison> {
    let (generation, hide) = (doc.generation, doc.hide_cosmetic);
    let fresh = cache
        .as_ref()
        .is_some_and(|d| d.is_for(ui, generation, &group.group_id, hide));
    if !fresh {
        let rank = |article_id: &str| doc.article_rank(article_id);
        *cache = compare(group, |id| doc.quote(id), rank, hide)
            .map(|c| DrawnComparison::new(ui, c, generation, &group.group_id, hide));
    }
    cache.as_ref()
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
    ui.horizontal_wrapped(|ui| {
        let row = doc
            .derived
            .group_index(&group.group_id)
            .and_then(|gi| doc.derived.rows.get(gi));
        if let Some(row) = row.filter(|r| r.group_id == group.group_id) {
            let members: Vec<(&Quote, &[crate::model::DiffOp])> = (group.members.iter())
                .filter_map(|m| Some((doc.quote(&m.quote_id)?, m.diff.as_slice())))
                .collect();
            let versions = crate::view::pieces::versions(&members).len();
            ui.label(format!(
                "{} from {} · {}",
                count(versions, "version"),
                count(row.sources, "source"),
                count(row.differences, "substantive difference"),
            ));
        }
        let mut hide = doc.hide_cosmetic;
        if ui
            .checkbox(&mut hide, "Hide punctuation and case")
            .changed()
        {
            out.push(Command::View(ViewCommand::SetHideCosmetic(hide)));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Previous difference")
            .on_hover_text("Shift+F7, Alt+Up or P")
            .clicked()
        {
            out.push(Command::View(ViewCommand::StepDifference(-1)));
        }
        if ui
            .button("Next difference")
            .on_hover_text("F7, Alt+Down or N")
            .clicked()
        {
            out.push(Command::View(ViewCommand::StepDifference(1)));
        }
        statement_actions_ui(ui, doc, group, forms, out);
    });
    statement_notes_ui(ui, doc, group);
    not_quoted_by_ui(ui, doc, out);
    theme::legend_ui(ui, doc.hide_cosmetic);
}

/// Most articles named one by one in "Not quoted by".
const NOT_QUOTED_NAMED: usize = 8;

/// "Not quoted by": the articles of the same story that carry no version of this statement,
/// each a link to its nearest wording ([`Document::not_quoted`]).
fn not_quoted_by_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    if doc.not_quoted.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Not quoted by:").on_hover_text(
            "Articles of the same story (they name some of the same less common people, \
             places or organisations as an article that quotes it) with no version of this \
             statement",
        );
        let missing = doc
            .not_quoted
            .iter()
            .filter_map(|&i| doc.analysis.articles.get(i));
        for article in missing.take(NOT_QUOTED_NAMED) {
            let link = ui.link(article.title.as_str());
            if link
                .on_hover_text("Open this article at its nearest wording of the statement")
                .clicked()
            {
                out.push(Command::View(ViewCommand::ShowNearestWording(
                    article.article_id.clone(),
                )));
            }
        }
        if doc.not_quoted.len() > NOT_QUOTED_NAMED {
            ui.label(format!(
                "and {} more",
                crate::view::summary::thousands(doc.not_quoted.len() - NOT_QUOTED_NAMED)
            ));
        }
    });
}

/// The statement's notes.
fn statement_notes_ui(ui: &mut Ui, doc: &Document, group: &Group) {
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
}

/// "Merge with…" and "Note…" on the statement.
fn statement_actions_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let Some(member) = key_of(&doc.analysis, &group.reference) else {
        return;
    };
    ui.menu_button("Merge with…", |ui| {
        if let Some(other) = statement_picker_ui(ui, doc, &group.group_id) {
            out.push(Command::Correct(CorrectCommand::Apply(
                Correction::MergeGroups {
                    group_of: member.clone(),
                    with_group_of: other,
                },
            )));
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
}

/// A version's column head: its source and attribution, then one menu of what can be done
/// with it, so the words come right after.
fn version_header_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    quote: &Quote,
    marks: VersionMarks,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let article = doc.analysis.article(&quote.article_id);
    let title = article.map_or(quote.article_id.as_str(), |a| a.title.as_str());
    ui.horizontal_top(|ui| {
        ui.menu_button("⋯", |ui| {
            version_menu_ui(ui, doc, group, quote, forms, out)
        })
        .response
        .on_hover_text("Actions on this version");
        let title = egui::Label::new(RichText::new(title).strong()).wrap();
        ui.add(title);
    });
    let mut line = String::new();
    if quote.quote_id == group.reference {
        line.push_str("Reference");
    }
    if let Some(outlet) = article.and_then(|a| a.meta.outlet.as_deref()) {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(outlet);
    }
    if !line.is_empty() {
        ui.add(egui::Label::new(RichText::new(line).strong()).wrap())
            .on_hover_text("The others are compared with the reference version");
    }
    let pieced = marks.pieced;
    let marks = marks.labels();
    if !marks.is_empty() {
        ui.horizontal_wrapped(|ui| {
            let color = theme::class_color(crate::model::ChangeClass::Omission, ui.visuals());
            for mark in marks {
                let hover = if pieced && mark == VersionMarks::PIECED {
                    columns::GAP_HOVER
                } else {
                    "How this version was quoted"
                };
                theme::badge_ui(ui, mark, color).on_hover_text(hover);
            }
        });
    }
    attribution_ui(ui, group, quote);
}

/// A version's actions: choose it as reference, show it in its article, correct its speaker,
/// and say where it belongs.
fn version_menu_ui(
    ui: &mut Ui,
    doc: &Document,
    group: &Group,
    quote: &Quote,
    forms: &mut CorrectionForms,
    out: &mut Vec<Command>,
) {
    let is_reference = quote.quote_id == group.reference;
    if ui
        .add_enabled(!is_reference, egui::Button::new("Set as reference"))
        .clicked()
    {
        out.push(Command::Correct(CorrectCommand::SetReference(
            quote.quote_id.clone(),
        )));
    }
    if ui.button("Show in article").clicked() {
        out.push(Command::View(ViewCommand::ShowInArticle(
            quote.quote_id.clone(),
        )));
    }
    let Some(key) = key_of(&doc.analysis, &quote.quote_id) else {
        return;
    };
    ui.separator();
    if ui.button("Edit speaker…").clicked() {
        forms.speaker = Some(SpeakerForm {
            quote_id: quote.quote_id.clone(),
            current: quote.speaker.clone().unwrap_or_default(),
            speaker: String::new(),
            same_words: false,
            focus: true,
        });
    }
    let alone = group.members.len() < 2;
    if ui
        .add_enabled(!alone, egui::Button::new("Split into its own statement"))
        .clicked()
    {
        out.push(Command::Correct(CorrectCommand::Apply(
            Correction::SplitOff { quote: key.clone() },
        )));
    }
    ui.menu_button("Move to statement", |ui| {
        if let Some(to) = statement_picker_ui(ui, doc, &group.group_id) {
            out.push(Command::Correct(CorrectCommand::Apply(
                Correction::MoveToGroup {
                    quote: key.clone(),
                    to_group_of: to,
                },
            )));
        }
    });
    if ui.button("Not a quotation").clicked() {
        out.push(Command::Correct(CorrectCommand::Apply(
            Correction::NotAQuote { span: key },
        )));
    }
}

/// "said by": the words the article used, the person they resolve to and how; a conflict with
/// the group's speaker is coloured and spelt out.
fn attribution_ui(ui: &mut Ui, group: &Group, quote: &Quote) {
    let resolved = quote.speaker.as_deref();
    let conflict = crate::view::speakers::names_another_speaker(group.speaker.as_deref(), resolved);
    let text = crate::view::speakers::said_by(quote);
    if conflict {
        let color = theme::warning_color(ui.visuals());
        ui.add(egui::Label::new(RichText::new(format!("{text} (differs)")).color(color)).wrap())
            .on_hover_text("This source names a different speaker than the others");
    } else {
        ui.add(egui::Label::new(text).wrap());
    }
}
