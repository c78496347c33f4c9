//! The Speakers tab's inverse of a join: the entries joined into one are listed with "Not the
//! same speaker as…", which takes the join back as a correction of its own (undoable, saved).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::settle;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use verbatim::app::command::{CorrectCommand, FileCommand};
use verbatim::app::{App, Command};
use verbatim::corrections::Correction;

fn has_speaker(app: &App, name: &str) -> bool {
    app.doc.derived.speakers.iter().any(|s| s.name == name)
}

#[test]
fn a_speaker_join_can_be_taken_back_undone_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(dir.path().to_path_buf()));
    app.wait_idle();
    let names: Vec<String> = (app.doc.derived.speakers.iter())
        .map(|s| s.name.clone())
        .collect();
    assert!(names.len() >= 2, "the demo has fewer than two speakers");
    let (joined, kept) = (names[0].clone(), names[1].clone());
    let join = Correction::SameSpeaker {
        speaker: joined.clone(),
        same_as: kept.clone(),
    };
    let mut h = crate::harness_sized(app, [1280.0, 720.0]);
    h.run_steps(2);
    h.state_mut()
        .apply(Command::Correct(CorrectCommand::Apply(join.clone())));
    settle(&mut h);
    assert!(!has_speaker(h.state(), &joined));
    h.get_by_label("Speakers").click();
    h.run_steps(3);
    h.get_by_label(&format!("Joined: {joined}"));
    h.get_by_label(&format!("Not the same speaker as {joined}"))
        .click();
    settle(&mut h);
    let taken_back = Correction::NotSameSpeaker {
        speaker: joined.clone(),
        same_as: kept.clone(),
    };
    assert_eq!(
        h.state().doc.log.corrections().items,
        vec![join.clone(), taken_back.clone()]
    );
    assert!(has_speaker(h.state(), &joined) && has_speaker(h.state(), &kept));
    assert!(h.query_by_label(&format!("Joined: {joined}")).is_none());
    // Kept in the workspace: reopened, the two entries stay apart.
    let path = dir.path().join("apart.verbatim");
    h.state_mut()
        .apply(Command::File(FileCommand::SaveAs(path.clone())));
    let mut reopened = App::with_paths(vec![path]);
    reopened.wait_idle();
    assert_eq!(reopened.doc.log.corrections().items, vec![join, taken_back]);
    assert!(has_speaker(&reopened, &joined));
    // Undoing the take-back joins them again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(!has_speaker(h.state(), &joined));
}
