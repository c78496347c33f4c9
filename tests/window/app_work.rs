//! Headless tests of the user's work in the app: corrections made through the window (by
//! clicking and typing by label), undo and redo, workspaces saved and opened, the recovery file,
//! and exports. Each app keeps its recovery file in its own temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use crate::{harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use std::path::Path;
use verbatim::app::command::{CorrectCommand, FileCommand, ViewCommand};
use verbatim::app::{App, Command};
use verbatim::corrections::{Correction, SpeakerScope, key_of};
use verbatim::model::{Group, QuoteKey};
use verbatim::report::export::ExportFormat;

const NEW_SPEAKER: &str = "Nadia Okafor";

/// The demo articles analysed, the recovery file kept in `data_dir`.
fn demo_app(data_dir: &Path) -> App {
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(data_dir.to_path_buf()));
    app.wait_idle();
    app
}

/// Selects the statement shown on row `row` of the list by clicking its opening words.
fn select_row(h: &mut Harness<'_, App>, row: usize) -> Group {
    let doc = &h.state().doc;
    let data = &doc.derived.rows[doc.visible[row]];
    let (label, group_id) = (data.opening.clone(), data.group_id.clone());
    h.get_by_label(&label).click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert_eq!(doc.selected_group.as_deref(), Some(group_id.as_str()));
    doc.selected().unwrap().clone()
}

/// Selects the statement `group_id` by clicking its opening words in the list.
fn select_group(h: &mut Harness<'_, App>, group_id: &str) {
    let doc = &h.state().doc;
    let row = doc
        .derived
        .rows
        .iter()
        .find(|r| r.group_id == group_id)
        .unwrap();
    h.get_by_label(&row.opening.clone()).click();
    h.run_steps(2);
    assert_eq!(h.state().doc.selected_group.as_deref(), Some(group_id));
}

fn key(app: &App, quote_id: &str) -> QuoteKey {
    key_of(&app.doc.analysis, quote_id).unwrap()
}

/// The group now holding the quotation with this key.
fn group_holding(app: &App, wanted: &QuoteKey) -> Group {
    let analysis = &app.doc.analysis;
    analysis
        .groups
        .iter()
        .find(|g| {
            g.members
                .iter()
                .any(|m| key_of(analysis, &m.quote_id).as_ref() == Some(wanted))
        })
        .unwrap()
        .clone()
}

fn speaker_of(app: &App, wanted: &QuoteKey) -> Option<String> {
    let analysis = &app.doc.analysis;
    let quote = analysis
        .quotes
        .iter()
        .find(|q| key_of(analysis, &q.quote_id).as_ref() == Some(wanted))?;
    quote.speaker.clone()
}

/// Opens "Edit speaker…" on the first version of the selected statement, types the new name
/// and applies it; returns the key of the version corrected.
fn correct_speaker_through_ui(h: &mut Harness<'_, App>) -> QuoteKey {
    let group = select_row(h, 0);
    let corrected = key(h.state(), &group.reference);
    // The reference's column comes first; its actions are in its "⋯" menu.
    h.get_all_by_label("⋯").next().unwrap().click();
    h.run_steps(2);
    h.get_by_label("Edit speaker…").click();
    h.run_steps(2);
    h.get_by_label("New speaker").type_text(NEW_SPEAKER);
    h.run_steps(1);
    h.get_by_label("Apply").click();
    settle(h);
    corrected
}

#[test]
fn a_speaker_corrected_in_the_popup_shows_in_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let corrected = correct_speaker_through_ui(&mut h);
    assert_eq!(
        speaker_of(h.state(), &corrected).as_deref(),
        Some(NEW_SPEAKER)
    );
    assert!(h.query_by_label_contains(NEW_SPEAKER).is_some());
    assert!(h.state().doc.file.dirty);
    assert!(matches!(
        h.state().doc.log.corrections().items.as_slice(),
        [Correction::SetSpeaker {
            scope: SpeakerScope::Quote,
            ..
        }]
    ));
}

#[test]
fn merging_through_the_picker_leaves_one_row_holding_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let rows_before = h.state().doc.derived.rows.len();
    let other = {
        let doc = &h.state().doc;
        let row = &doc.derived.rows[doc.visible[1]];
        let group = &doc.analysis.groups[row.group_index];
        let label = format!("{}: {}", row.speaker, row.opening);
        (label, key(h.state(), &group.reference), group.members.len())
    };
    let first = select_row(&mut h, 0);
    let first_key = key(h.state(), &first.reference);
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    h.get_by_label(&other.0).click();
    settle(&mut h);
    assert_eq!(h.state().doc.derived.rows.len(), rows_before - 1);
    let merged = group_holding(h.state(), &first_key);
    assert_eq!(merged, group_holding(h.state(), &other.1));
    assert_eq!(merged.members.len(), first.members.len() + other.2);
}

#[test]
fn undo_restores_and_redo_makes_the_correction_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let before = {
        let group = h.state().doc.selected().unwrap().reference.clone();
        key(h.state(), &group)
    };
    let original = speaker_of(h.state(), &before);
    let corrected = correct_speaker_through_ui(&mut h);
    assert_eq!(corrected, before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(speaker_of(h.state(), &corrected), original);
    assert!(h.state().doc.log.can_redo());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut h);
    assert_eq!(
        speaker_of(h.state(), &corrected).as_deref(),
        Some(NEW_SPEAKER)
    );
}

#[test]
fn a_saved_workspace_opens_in_a_new_app_with_its_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let corrected = correct_speaker_through_ui(&mut h);
    let path = dir.path().join("story.verbatim");
    h.state_mut()
        .apply(Command::File(FileCommand::SaveAs(path.clone())));
    h.run_steps(2);
    assert!(!h.state().doc.file.dirty);
    assert!(h.query_by_label_contains("story.verbatim").is_some());

    let mut opened = App::new();
    opened.set_data_dir(Some(dir.path().join("other")));
    opened.apply(Command::File(FileCommand::OpenWorkspace(path.clone())));
    opened.wait_idle();
    assert_eq!(opened.doc.log, h.state().doc.log);
    assert_eq!(opened.doc.sources.len(), 5);
    assert_eq!(
        speaker_of(&opened, &corrected).as_deref(),
        Some(NEW_SPEAKER)
    );
    assert_eq!(opened.doc.file.path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_damaged_workspace_shows_its_error_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.verbatim");
    let bytes = b"{\"kind\": \"verbatim-workspace\", \"schema_version\": 1, \"articles\": [";
    std::fs::write(&path, bytes).unwrap();
    let mut app = demo_app(dir.path());
    app.apply(Command::File(FileCommand::OpenWorkspace(path.clone())));
    let mut h = harness(app);
    h.run_steps(3);
    assert!(h.query_by_label_contains("workspace is damaged").is_some());
    assert!(h.query_by_label_contains("broken.verbatim").is_some());
    // The session is the one before, and saving it does not go to the damaged file.
    assert_eq!(h.state().doc.sources.len(), 5);
    assert_eq!(h.state().doc.file.path, None);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_workspace_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.verbatim");
    let text = r#"{"kind": "verbatim-workspace", "schema_version": 99, "articles": []}"#;
    std::fs::write(&path, text).unwrap();
    let mut app = App::new();
    app.apply(Command::File(FileCommand::OpenWorkspace(path.clone())));
    let error = app.doc.file.error.clone().unwrap();
    assert!(error.contains("newer version"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unsaved_work_is_autosaved_and_offered_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let corrected = correct_speaker_through_ui(&mut h);
    h.state_mut().wait_autosave();
    let log = h.state().doc.log.clone();

    let mut next = App::new();
    next.set_data_dir(Some(dir.path().to_path_buf()));
    assert!(next.doc.recovery_offer);
    let mut h = harness(next);
    h.run_steps(2);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().doc.log.corrections(), log.corrections());
    assert_eq!(
        speaker_of(h.state(), &corrected).as_deref(),
        Some(NEW_SPEAKER)
    );
    assert!(h.state().doc.file.dirty);
}

#[test]
fn discarding_the_recovery_file_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path());
    let quote = key(&app, &app.doc.analysis.quotes[0].quote_id);
    app.apply(Command::Correct(CorrectCommand::Apply(
        Correction::SplitOff { quote },
    )));
    let mut h = harness(app);
    h.run_steps(2);
    h.state_mut().wait_autosave();
    let recovery = verbatim::workspace::recovery_path(dir.path());
    assert!(recovery.exists());
    let mut next = App::new();
    next.set_data_dir(Some(dir.path().to_path_buf()));
    let mut h = harness(next);
    h.run_steps(2);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert!(!recovery.exists());
    assert!(!h.state().doc.recovery_offer);
}

#[test]
fn each_export_format_is_written_with_the_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    correct_speaker_through_ui(&mut h);
    for format in ExportFormat::ALL {
        let path = dir.path().join(format!("report.{}", format.extension()));
        h.state_mut()
            .apply(Command::File(FileCommand::Export(format, path.clone())));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(NEW_SPEAKER),
            "{format:?} lacks the corrected speaker"
        );
    }
}

#[test]
fn the_undo_menu_item_is_greyed_until_there_is_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    assert!(
        h.get_by_label_contains("Undo")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    correct_speaker_through_ui(&mut h);
    let close = |h: &mut Harness<'_, App>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run_steps(2);
    };
    close(&mut h);
    assert!(h.state().doc.close_prompt);
    h.get_by_label("Save your changes?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!h.state().doc.close_prompt);
    // Once saved there is nothing to ask.
    let path = dir.path().join("saved.verbatim");
    h.state_mut()
        .apply(Command::File(FileCommand::SaveAs(path)));
    close(&mut h);
    assert!(!h.state().doc.close_prompt);
}

#[test]
fn a_workspace_among_opened_files_opens_as_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(dir.path());
    let quote = key(&app, &app.doc.analysis.quotes[0].quote_id);
    app.apply(Command::Correct(CorrectCommand::Apply(
        Correction::SplitOff { quote },
    )));
    app.wait_idle();
    let path = dir.path().join("drop.verbatim");
    app.apply(Command::File(FileCommand::SaveAs(path.clone())));
    let mut opened = App::with_paths(vec![path.clone()]);
    opened.wait_idle();
    assert_eq!(opened.doc.file.path.as_deref(), Some(path.as_path()));
    assert_eq!(opened.doc.log.corrections(), app.doc.log.corrections());
}

#[test]
fn clicking_a_marked_word_offers_to_treat_it_as_the_same() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    select_group(&mut h, "g1");
    let rect = h.get_by_label_contains("for #14 40").rect();
    let at = rect.right_center() - egui::vec2(4.0, 0.0);
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(2);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
    h.get_by_label("Treat as same everywhere").click();
    h.run_steps(2);
    let items = &h.state().doc.log.corrections().items;
    assert!(
        matches!(items.as_slice(), [Correction::Equivalent { wording, same_as, .. }]
            if wording.contains("40") && same_as.contains("14")),
        "{items:?}"
    );
}

#[test]
fn words_selected_in_the_article_can_be_added_as_a_quotation() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::ShowInArticle("q5".into())));
    h.run_steps(3);
    let by = By::new().predicate(|n| {
        n.value()
            .is_some_and(|v| v.contains(support::BRIDGE_CHANGED))
    });
    let rect = h.query_all(by).next().unwrap().rect();
    let (from, to) = (
        rect.left_top() + egui::vec2(2.0, 8.0),
        rect.left_top() + egui::vec2(160.0, 8.0),
    );
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(from));
    h.event(button(from, true));
    h.run_steps(1);
    h.event(egui::Event::PointerMoved(to));
    h.run_steps(1);
    h.event(button(to, false));
    h.run_steps(2);
    h.get_by_label_contains("Selected: ");
    h.get_by_label("Add as quotation").click();
    h.run_steps(2);
    let items = &h.state().doc.log.corrections().items;
    assert!(
        matches!(items.as_slice(), [Correction::AddQuote { span, speaker: None }] if span.end > span.start),
        "{items:?}"
    );
}

#[test]
fn the_picker_search_narrows_the_statements_to_those_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(demo_app(dir.path()));
    h.run_steps(2);
    let (wanted, others) = {
        let doc = &h.state().doc;
        let row = &doc.derived.rows[doc.visible[1]];
        let label = format!("{}: {}", row.speaker, row.opening);
        let others: Vec<String> = doc
            .visible
            .iter()
            .skip(2)
            .map(|&i| &doc.derived.rows[i])
            .filter(|r| !r.opening.contains(&row.opening) && !row.opening.contains(&r.opening))
            .map(|r| format!("{}: {}", r.speaker, r.opening))
            .collect();
        (label, others)
    };
    assert!(!others.is_empty(), "the demo has more than two statements");
    select_row(&mut h, 0);
    h.get_by_label("Merge with…").click();
    h.run_steps(2);
    assert!(h.query_by_label(&others[0]).is_some());
    let opening = wanted.split_once(": ").map_or(wanted.as_str(), |(_, o)| o);
    h.get_by_label("Find a statement").focus();
    h.run_steps(1);
    h.get_by_label("Find a statement").type_text(opening);
    h.run_steps(3);
    assert!(h.query_by_label(&wanted).is_some());
    for other in &others {
        assert!(h.query_by_label(other).is_none(), "{other} still listed");
    }
}
