//! The sources panel: each opened article with its title, file and outlet, quotation count and
//! warnings, or why it could not be read; remove it or leave it out of the comparison.
//!
//! Below them: why the last workspace could not be opened, and the user's corrections that
//! found nothing to act on (kept, never dropped).
//!
//! In: the document. Out: commands (remove, include/exclude, open).

use crate::app::command::Command;
use crate::app::command::{LoadCommand, ViewCommand};
use crate::app::state::{Document, Source};
use crate::app::theme;
use egui::{RichText, Ui};

/// Draws the sources panel.
pub fn sources_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Sources");
        if ui
            .button("Open…")
            .on_hover_text("Open article files")
            .clicked()
        {
            out.push(Command::Load(LoadCommand::ShowOpenDialog));
        }
        if ui
            .button("Paste…")
            .on_hover_text("Paste an article's text")
            .clicked()
        {
            out.push(Command::View(ViewCommand::ShowPasteDialog(true)));
        }
    });
    ui.separator();
    if let Some(error) = &doc.file.error {
        ui.add(
            egui::Label::new(
                RichText::new(error.as_str())
                    .small()
                    .color(theme::error_color(ui.visuals())),
            )
            .wrap(),
        );
        ui.separator();
    }
    unapplied_ui(ui, doc);
    if doc.sources.is_empty() {
        ui.label("No articles yet. Open files, drop them on the window, or paste text.");
        if ui.button("Open the demo articles").clicked() {
            out.push(Command::Load(LoadCommand::OpenDemo));
        }
        return;
    }
    if doc.sources.len() >= COMPACT_FROM {
        compact_ui(ui, doc, out);
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for source in &doc.sources {
                ui.push_id(source.source_id, |ui| source_ui(ui, doc, source, out));
                ui.separator();
            }
            skipped_ui(ui, doc);
        });
}

/// From this many sources on, the panel lists each in two lines of fixed height, drawn only
/// where visible; details on hover, actions in the row and its context menu.
pub const COMPACT_FROM: usize = 200;

/// Many sources: two lines each (title; file, outlet, quotations, notes), only the visible ones.
fn compact_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    skipped_ui(ui, doc);
    ui.label(
        RichText::new(format!(
            "{} sources · right-click one to remove it",
            crate::app::worker::count(doc.sources.len())
        ))
        .small(),
    );
    let row_height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, doc.sources.len(), |ui, range| {
            for source in doc.sources.get(range).unwrap_or_default() {
                ui.push_id(source.source_id, |ui| compact_row_ui(ui, doc, source, out));
            }
        });
}

/// One source in the compact list.
fn compact_row_ui(ui: &mut Ui, doc: &Document, source: &Source, out: &mut Vec<Command>) {
    let (title, details, problem) = match &source.loaded {
        Ok(article) => {
            let mut details = file_name(&article.path).to_string();
            if let Some(outlet) = &article.meta.outlet {
                details = format!("{outlet} · {details}");
            }
            if let Some(n) = doc.quote_count(source) {
                details = format!("{details} · {}", crate::app::view::count(n, "quotation"));
            }
            if !article.warnings.is_empty() {
                details = format!(
                    "{details} · {}",
                    crate::app::view::count(article.warnings.len(), "note")
                );
            }
            (article.title.clone(), details, None)
        }
        Err(problem) => (
            file_name(&problem.path).to_string(),
            format!("Could not be read: {}", problem.reason),
            Some(()),
        ),
    };
    let response = ui
        .vertical(|ui| {
            ui.horizontal(|ui| {
                if source.loaded.is_ok() {
                    let mut included = source.included;
                    if ui
                        .checkbox(&mut included, "")
                        .on_hover_text("Compare this article")
                        .changed()
                    {
                        out.push(Command::Load(LoadCommand::SetIncluded(
                            source.source_id,
                            included,
                        )));
                    }
                }
                let title = RichText::new(title).strong();
                let title = match problem {
                    Some(()) => title.color(theme::error_color(ui.visuals())),
                    None if !source.included => title.weak(),
                    None => title,
                };
                ui.add(egui::Label::new(title).truncate());
            });
            ui.add(egui::Label::new(RichText::new(details).small()).truncate());
        })
        .response
        .interact(egui::Sense::click());
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(source.path());
        if let Ok(article) = &source.loaded {
            for warning in &article.warnings {
                ui.label(format!("Note: {warning}"));
            }
        }
    });
    response.context_menu(|ui| {
        if ui.button("Remove").clicked() {
            out.push(Command::Load(LoadCommand::RemoveSource(source.source_id)));
            ui.close();
        }
    });
}

fn source_ui(ui: &mut Ui, doc: &Document, source: &Source, out: &mut Vec<Command>) {
    match &source.loaded {
        Ok(article) => {
            let title = RichText::new(article.title.as_str()).strong();
            let title = if source.included { title } else { title.weak() };
            ui.add(egui::Label::new(title).wrap());
            let mut details = file_name(&article.path).to_string();
            if let Some(outlet) = &article.meta.outlet {
                details = format!("{outlet} · {details}");
            }
            ui.label(RichText::new(details).small().weak());
            match doc.quote_count(source) {
                Some(n) => ui.label(crate::app::view::count(n, "quotation")),
                None if source.included => ui.label(RichText::new("not analysed yet").weak()),
                None => ui.label(RichText::new("left out of the comparison").weak()),
            };
            for warning in &article.warnings {
                ui.label(
                    RichText::new(format!("Note: {warning}"))
                        .small()
                        .color(theme::warning_color(ui.visuals())),
                );
            }
        }
        Err(problem) => {
            ui.label(
                RichText::new(file_name(&problem.path))
                    .strong()
                    .color(theme::error_color(ui.visuals())),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(format!("Could not be read: {}", problem.reason))
                        .small()
                        .color(theme::error_color(ui.visuals())),
                )
                .wrap(),
            );
        }
    }
    ui.horizontal(|ui| {
        if source.loaded.is_ok() {
            let mut included = source.included;
            if ui.checkbox(&mut included, "Compare").changed() {
                out.push(Command::Load(LoadCommand::SetIncluded(
                    source.source_id,
                    included,
                )));
            }
        }
        if ui
            .small_button("Remove")
            .on_hover_text(source.path())
            .clicked()
        {
            out.push(Command::Load(LoadCommand::RemoveSource(source.source_id)));
        }
    });
}

/// Corrections the analysis could not apply, each with its summary and why.
fn unapplied_ui(ui: &mut Ui, doc: &Document) {
    let unapplied = &doc.analysis.unapplied;
    if unapplied.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Corrections not applied ({})", unapplied.len()))
        .default_open(true)
        .show(ui, |ui| {
            for u in unapplied {
                let summary = doc
                    .log
                    .corrections()
                    .items
                    .get(u.index)
                    .map_or_else(String::new, |c| c.summary());
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{summary}: {}", u.reason))
                            .small()
                            .color(theme::warning_color(ui.visuals())),
                    )
                    .wrap(),
                );
            }
        });
    ui.separator();
}

/// The last part of a path, for display.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// What the opened folders left out, each file with the reason.
fn skipped_ui(ui: &mut Ui, doc: &Document) {
    if doc.skipped.is_empty() {
        return;
    }
    let n = doc.skipped.len();
    let title = format!(
        "Left out of the folders: {n} file{}",
        if n == 1 { "" } else { "s" }
    );
    egui::CollapsingHeader::new(title)
        .id_salt("skipped files")
        .show(ui, |ui| {
            for skipped in &doc.skipped {
                let name = skipped.path.file_name().map_or_else(
                    || skipped.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.label(RichText::new(format!("{name}: {}", skipped.reason)).small())
                    .on_hover_text(skipped.path.display().to_string());
            }
        });
}
