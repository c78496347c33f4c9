//! Headless tests of closing and reopening: "Close all" asks when work is unsaved and can be
//! undone, Undo on the emptied workspace never takes back an older correction, Open recent
//! reopens a whole set, and a file dialog that cannot be shown leaves a path field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use crate::{harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use verbatim::app::command::{CorrectCommand, FileCommand, LoadCommand};
use verbatim::app::{App, Command};
use verbatim::corrections::{Correction, key_of};

/// The demo analysed, with one correction made.
fn corrected_demo(data_dir: &Path) -> App {
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(data_dir.to_path_buf()));
    app.wait_idle();
    let quote = key_of(&app.doc.analysis, &app.doc.analysis.quotes[0].quote_id).unwrap();
    app.apply(Command::Correct(CorrectCommand::Apply(
        Correction::SplitOff { quote },
    )));
    app.wait_idle();
    app
}

fn close_all_by_key(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run_steps(3);
}

#[test]
fn close_all_with_unsaved_work_asks_and_cancel_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(corrected_demo(dir.path()));
    h.run_steps(2);
    close_all_by_key(&mut h);
    assert!(h.state().doc.close_all_prompt);
    h.get_by_label("Close all articles?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert!(!doc.close_all_prompt);
    assert_eq!(doc.sources.len(), 5);
    assert_eq!(doc.log.corrections().items.len(), 1);
}

#[test]
fn close_all_is_undone_whole_and_undo_never_reaches_an_older_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(corrected_demo(dir.path()));
    h.run_steps(2);
    let corrections = h.state().doc.log.corrections().clone();
    close_all_by_key(&mut h);
    h.get_by_label("Close all").click();
    settle(&mut h);
    let doc = &h.state().doc;
    assert!(doc.sources.is_empty());
    assert!(doc.analysis.groups.is_empty());
    assert!(
        !doc.log.can_undo(),
        "the empty workspace has nothing to undo"
    );
    // Undo brings back the articles and their correction, not a correction taken back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.sources.len(), 5);
    assert_eq!(doc.log.corrections(), &corrections);
    assert!(!doc.analysis.groups.is_empty());
    // A second Undo is the correction's own.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(h.state().doc.log.corrections().items.is_empty());
}

#[test]
fn close_all_without_unsaved_work_closes_at_once() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    close_all_by_key(&mut h);
    assert!(!h.state().doc.close_all_prompt);
    assert!(h.state().doc.sources.is_empty());
}

fn written(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn open_recent_reopens_the_whole_set_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![
        written(dir.path(), "one.txt", "Morning edition\n\nFirst text."),
        written(dir.path(), "two.txt", "Evening edition\n\nSecond text."),
        written(dir.path(), "three.txt", "Late edition\n\nThird text."),
    ];
    let mut app = App::with_paths(paths.clone());
    app.wait_idle();
    let mut h = harness(app);
    h.run_steps(2);
    close_all_by_key(&mut h);
    assert!(h.state().doc.sources.is_empty());
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Open recent").hover();
    h.run_steps(3);
    h.get_by_label("3 articles: one.txt, two.txt, three.txt")
        .click();
    settle(&mut h);
    let opened: Vec<String> = h
        .state()
        .doc
        .sources
        .iter()
        .map(|s| s.path().to_string())
        .collect();
    let wanted: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(opened, wanted);
}

#[test]
fn a_file_dialog_that_cannot_be_shown_says_so_and_offers_a_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = written(dir.path(), "typed.txt", "Typed edition\n\nText.");
    let mut h = harness(App::new());
    h.run_steps(1);
    h.state_mut()
        .dialog_unavailable(verbatim::app::PathPurpose::OpenArticles);
    h.run_steps(3);
    h.get_by_label_contains("file dialog could not be shown");
    h.get_by_label("Path").focus();
    h.run_steps(1);
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run_steps(1);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(h.state().doc.sources.len(), 1);
    h.get_by_label("Typed edition");
}

#[test]
fn a_pasted_articles_title_and_outlet_survive_saving_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new();
    app.set_data_dir(Some(dir.path().to_path_buf()));
    app.apply(Command::Load(LoadCommand::AddPasted(
        verbatim::app::Pasted {
            title: "Evening bulletin".into(),
            outlet: "Radio North".into(),
            text: "A headline the text suggests\n\nThe bridge closes on Monday.".into(),
        },
    )));
    app.wait_idle();
    let path = dir.path().join("pasted.verbatim");
    app.apply(Command::File(FileCommand::SaveAs(path.clone())));
    let mut reopened = App::with_paths(vec![path]);
    reopened.wait_idle();
    let article = reopened.doc.sources[0].loaded.as_ref().unwrap();
    assert_eq!(article.title, "Evening bulletin");
    assert_eq!(article.meta.outlet.as_deref(), Some("Radio North"));
}

/// A workspace of `n` invented articles.
fn big_workspace(n: usize, edition: &str) -> verbatim::workspace::Workspace {
    let articles = (0..n)
        .map(|i| {
            let text = format!(
                "{edition} story {i}\n\n\u{201c}The ferry runs at {i} o'clock,\u{201d} Ana Ruiz said. {}",
                "Filler words for a longer file. ".repeat(400)
            );
            let input = verbatim::ingest::Input::Bytes {
                name: format!("story{i}.txt"),
                bytes: text.into_bytes(),
            };
            verbatim::workspace::StoredArticle::read(&input)
                .unwrap()
                .0
        })
        .collect();
    verbatim::workspace::Workspace {
        articles,
        ..verbatim::workspace::Workspace::new()
    }
}

/// Run as a child process by the test below: saves the workspace and the recovery file over
/// and over until killed.
#[test]
#[ignore = "a child process of a_kill_during_save_leaves_the_last_workspace_and_recovery_usable"]
fn save_forever() {
    let Ok(dir) = std::env::var("VERBATIM_SAVE_FOREVER") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let workspace = big_workspace(40, "Second");
    let recovery = verbatim::workspace::Recovery {
        saved_as: None,
        workspace: workspace.clone(),
    };
    loop {
        verbatim::workspace::save_atomic(&dir.join("story.verbatim"), &workspace).unwrap();
        verbatim::workspace::save_recovery(&dir, &recovery).unwrap();
    }
}

#[test]
fn a_kill_during_save_leaves_the_last_workspace_and_recovery_usable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.verbatim");
    let first = big_workspace(40, "First");
    verbatim::workspace::save_atomic(&path, &first).unwrap();
    for wait in [150, 400, 900] {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_forever", "--ignored", "--nocapture"])
            .env("VERBATIM_SAVE_FOREVER", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        // SIGKILL: the saver gets no chance to clean up.
        child.kill().unwrap();
        child.wait().unwrap();
        let saved = verbatim::workspace::load(&path).expect("the workspace still opens");
        assert_eq!(saved.articles.len(), 40);
        if let Some(recovered) = verbatim::workspace::take_recovery(dir.path()).unwrap() {
            assert_eq!(recovered.workspace.articles.len(), 40);
        }
        // And the app opens it.
        let mut app = App::with_paths(vec![path.clone()]);
        app.wait_idle();
        assert_eq!(app.doc.sources.len(), 40);
    }
}

#[test]
fn two_speaker_entries_joined_are_one_until_undone_and_the_join_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(dir.path().to_path_buf()));
    app.wait_idle();
    let speakers: Vec<(String, usize)> = (app.doc.derived.speakers.iter())
        .map(|s| (s.name.clone(), s.quotes))
        .collect();
    assert!(speakers.len() >= 2, "the demo has fewer than two speakers");
    let ((joined, joined_quotes), (kept, kept_quotes)) = (speakers[0].clone(), speakers[1].clone());
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("Speakers").click();
    h.run_steps(4);
    let menu = h
        .get_all_by_label("Same speaker as…")
        .next()
        .unwrap()
        .rect();
    h.get_all_by_label("Same speaker as…")
        .next()
        .unwrap()
        .click();
    h.run_steps(4);
    // The entry in the menu that opened under the button, not the name in the table.
    h.get_all_by_label(&kept)
        .find(|n| n.rect().left() >= menu.left() - 10.0)
        .unwrap()
        .click();
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(
        doc.log.corrections().items,
        vec![Correction::SameSpeaker {
            speaker: joined.clone(),
            same_as: kept.clone()
        }]
    );
    assert!(doc.derived.speakers.iter().all(|s| s.name != joined));
    let now = doc
        .derived
        .speakers
        .iter()
        .find(|s| s.name == kept)
        .unwrap();
    assert_eq!(now.quotes, joined_quotes + kept_quotes);
    // Saved with the workspace and re-applied when it is opened.
    let path = dir.path().join("joined.verbatim");
    h.state_mut()
        .apply(Command::File(verbatim::app::command::FileCommand::SaveAs(
            path.clone(),
        )));
    let mut reopened = App::with_paths(vec![path]);
    reopened.wait_idle();
    assert!(
        reopened
            .doc
            .derived
            .speakers
            .iter()
            .all(|s| s.name != joined)
    );
    // Undo gives both entries back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        h.state()
            .doc
            .derived
            .speakers
            .iter()
            .any(|s| s.name == joined)
    );
}
