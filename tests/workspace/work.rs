//! Keeping the user's work: corrections re-applied after save, open and an added article;
//! undo and redo; atomic saves; refused workspaces; the recovery file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::articles as common;

use common::*;
use verbatim::corrections::{Correction, CorrectionLog, SpeakerScope};
use verbatim::model::{Analysis, QuoteKey};
use verbatim::workspace::{self, Recovery, Workspace, WorkspaceError};
use verbatim::{AnalyzeOptions, analyze};

/// WIRE and LOCAL with one correction of each kind, saved and opened again, then LATER added
/// before them (so every per-analysis id shifts) and everything analysed.
fn saved_opened_and_extended() -> (Workspace, Workspace, Analysis) {
    let wire = article("wire.txt", WIRE);
    let local = article("local.txt", LOCAL);
    let first = analyze(vec![wire.clone(), local], &AnalyzeOptions::default());
    let mut ws = Workspace::new();
    ws.add_bytes("wire.txt", WIRE.as_bytes().to_vec()).unwrap();
    ws.add_bytes("local.txt", LOCAL.as_bytes().to_vec())
        .unwrap();
    ws.corrections = one_of_each(&first, &wire);
    ws.view = serde_json::json!({ "selected": "g2", "scroll": 120.5 });

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tram.verbatim");
    workspace::save_atomic(&path, &ws).unwrap();
    let opened = workspace::load(&path).unwrap();

    let (mut articles, problems) = opened.articles();
    assert!(problems.is_empty(), "{problems:?}");
    articles.insert(0, article("later.txt", LATER));
    let analysis = analyze(articles, &opened.analyze_options());
    (ws, opened, analysis)
}

#[test]
fn every_correction_kind_round_trips_through_save_and_open() {
    let (saved, opened, _) = saved_opened_and_extended();
    assert_eq!(opened.corrections, saved.corrections);
    assert_eq!(opened, saved, "articles, view and choices come back too");
}

#[test]
fn every_correction_still_applies_after_an_article_is_added() {
    let (_, _, a) = saved_opened_and_extended();
    assert!(a.unapplied.is_empty(), "{:?}", a.unapplied);
    assert_eq!(a.articles.len(), 3);
}

#[test]
fn speaker_corrections_survive_an_added_article() {
    let (_, _, a) = saved_opened_and_extended();
    assert_eq!(
        quote_in(&a, "wire.txt", "12 faults").speaker.as_deref(),
        Some("Ola Berg")
    );
    for needle in ["contractor", "not pay a cent"] {
        let q = quote_in(&a, "wire.txt", needle);
        assert_eq!(q.speaker.as_deref(), Some("Rosa Lind-Holm"), "{needle}");
    }
    let other = quote_in(&a, "wire.txt", "Nobody will lose");
    assert_eq!(
        other.speaker.as_deref(),
        Some("Rosa Lind"),
        "other words keep the engine's"
    );
}

#[test]
fn group_corrections_survive_an_added_article() {
    let (_, _, a) = saved_opened_and_extended();
    let year = group_with(&a, quote_in(&a, "wire.txt", "2027"));
    let local_year = quote_in(&a, "local.txt", "2026");
    assert!(
        year.members
            .iter()
            .any(|m| m.quote_id == local_year.quote_id),
        "merged"
    );
    let faults = group_with(&a, quote_in(&a, "wire.txt", "12 faults"));
    let moved = quote_in(&a, "local.txt", "21 faults");
    assert!(
        faults.members.iter().any(|m| m.quote_id == moved.quote_id),
        "moved"
    );
    let split = group_with(&a, quote_in(&a, "wire.txt", "Nobody will lose"));
    assert_eq!(split.members.len(), 1, "split off");
    let members: usize = a.groups.iter().map(|g| g.members.len()).sum();
    assert_eq!(
        members,
        a.quotes.len(),
        "every quotation in exactly one group"
    );
}

#[test]
fn removed_and_added_quotations_survive_an_added_article() {
    let (_, _, a) = saved_opened_and_extended();
    assert!(
        !a.quotes
            .iter()
            .any(|q| q.text.contains("sorry for the wait"))
    );
    let added = quote_in(&a, "wire.txt", MISSED);
    assert_eq!(added.text, MISSED);
    assert!(added.manual);
    assert_eq!(added.speaker.as_deref(), Some("Ida Brandt"));
    assert_eq!(&WIRE.as_bytes()[added.start..added.end], MISSED.as_bytes());
}

#[test]
fn reference_and_notes_survive_an_added_article() {
    let (_, _, a) = saved_opened_and_extended();
    let chosen = quote_in(&a, "local.txt", "2026");
    let group = group_with(&a, chosen);
    assert_eq!(group.reference, chosen.quote_id);
    assert_eq!(a.notes.len(), 2);
    assert!(a.notes.iter().all(|n| n.group_id == group.group_id));
    let on_difference = a.notes.iter().find(|n| n.quote_id.is_some()).unwrap();
    assert_eq!(on_difference.quote_id.as_ref(), Some(&chosen.quote_id));
    assert_eq!(on_difference.words.as_deref(), Some("2026,"));
}

#[test]
fn a_correction_whose_quotation_is_gone_is_kept_and_reported() {
    let wire = article("wire.txt", WIRE);
    let first = analyze(vec![wire.clone()], &AnalyzeOptions::default());
    let mut ws = Workspace::new();
    ws.add_bytes("wire.txt", WIRE.as_bytes().to_vec()).unwrap();
    ws.corrections.items.push(Correction::SplitOff {
        quote: QuoteKey {
            start: 3,
            end: 9,
            ..key(&first, "2027")
        },
    });
    ws.corrections.items.push(Correction::SplitOff {
        quote: QuoteKey {
            article_hash: "0000".into(),
            start: 0,
            end: 5,
        },
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.verbatim");
    workspace::save_atomic(&path, &ws).unwrap();
    let opened = workspace::load(&path).unwrap();
    assert_eq!(opened.corrections.items.len(), 2, "kept, not dropped");
    let a = analyze(opened.articles().0, &opened.analyze_options());
    assert_eq!(a.unapplied.len(), 2);
    assert!(
        a.unapplied[0].reason.contains("wire.txt"),
        "{}",
        a.unapplied[0].reason
    );
    assert!(
        a.unapplied[1].reason.contains("not loaded"),
        "{}",
        a.unapplied[1].reason
    );
}

#[test]
fn undo_and_redo_change_the_next_analysis() {
    let wire = article("wire.txt", WIRE);
    let options = AnalyzeOptions::default();
    let before = analyze(vec![wire.clone()], &options);
    let mut log = CorrectionLog::default();
    log.push(Correction::SetSpeaker {
        quote: key(&before, "12 faults"),
        speaker: None,
        scope: SpeakerScope::Quote,
    });
    let speaker = |log: &CorrectionLog| {
        let options = AnalyzeOptions {
            corrections: log.corrections().clone(),
            ..options.clone()
        };
        quote(&analyze(vec![wire.clone()], &options), "12 faults")
            .speaker
            .clone()
    };
    assert_eq!(speaker(&log), None);
    log.undo();
    assert_eq!(speaker(&log).as_deref(), Some("Ida Brandt"));
    log.redo();
    assert_eq!(speaker(&log), None);
}

fn saved_workspace(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let mut ws = Workspace::new();
    ws.add_bytes("wire.txt", WIRE.as_bytes().to_vec()).unwrap();
    let path = dir.join("story.verbatim");
    workspace::save_atomic(&path, &ws).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

fn only_file_is(dir: &std::path::Path, name: &str) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec![name.to_string()],
        "no temporary file left behind"
    );
}

#[test]
fn a_save_failing_midway_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = saved_workspace(dir.path());
    let result = workspace::write_atomic(&path, |w| {
        w.write_all(b"{\"kind\": \"verbatim-workspace\", \"articles\": [")?;
        Err(std::io::Error::other("the disk is full"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), old);
    only_file_is(dir.path(), "story.verbatim");
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = saved_workspace(dir.path());
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.path().join("probe"), b"").is_ok() {
        eprintln!("skipped: this user can write to read-only folders (root)");
        return;
    }
    let err = workspace::save_atomic(&path, &Workspace::new()).unwrap_err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(err.to_string().contains("story.verbatim"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), old);
}

#[test]
fn a_damaged_workspace_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old) = saved_workspace(dir.path());
    let damaged = &old[..old.len() / 2];
    std::fs::write(&path, damaged).unwrap();
    let err = workspace::load(&path).unwrap_err();
    assert!(matches!(err, WorkspaceError::Damaged { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("story.verbatim") && message.contains("damaged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
}

#[test]
fn a_workspace_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.verbatim");
    let future = br#"{"kind":"verbatim-workspace","schema_version":99,"articles":"a new shape"}"#;
    std::fs::write(&path, future).unwrap();
    let err = workspace::load(&path).unwrap_err();
    assert!(
        matches!(err, WorkspaceError::Newer { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("future.verbatim"), "{err}");
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), future);
}

#[test]
fn json_that_is_not_a_workspace_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.json");
    std::fs::write(&path, br#"{"articles": []}"#).unwrap();
    let err = workspace::load(&path).unwrap_err();
    assert!(
        matches!(err, WorkspaceError::NotAWorkspace { .. }),
        "{err:?}"
    );
}

#[test]
fn recovery_is_taken_once() {
    let data = tempfile::tempdir().unwrap();
    let mut ws = Workspace::new();
    ws.add_bytes("wire.txt", WIRE.as_bytes().to_vec()).unwrap();
    let recovery = Recovery {
        saved_as: Some("story.verbatim".into()),
        workspace: ws,
    };
    workspace::save_recovery(data.path(), &recovery).unwrap();
    assert!(workspace::recovery_path(data.path()).exists());
    let taken = workspace::take_recovery(data.path()).unwrap();
    assert_eq!(taken, Some(recovery));
    assert_eq!(workspace::take_recovery(data.path()).unwrap(), None);
}

#[test]
fn a_damaged_recovery_file_is_refused_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let path = workspace::recovery_path(data.path());
    std::fs::write(&path, b"{\"saved_as\": null, \"workspace\": {").unwrap();
    assert!(workspace::take_recovery(data.path()).is_err());
    assert!(path.exists());
    workspace::discard_recovery(data.path()).unwrap();
    assert!(!path.exists());
}

#[test]
fn a_speaker_set_by_a_correction_says_so() {
    let wire = article("wire.txt", WIRE);
    let before = analyze(vec![wire.clone()], &AnalyzeOptions::default());
    assert_eq!(
        quote(&before, "12 faults")
            .speaker_evidence
            .as_ref()
            .map(|e| e.via),
        Some(verbatim::model::SpeakerVia::Description)
    );
    let mut log = CorrectionLog::default();
    log.push(Correction::SetSpeaker {
        quote: key(&before, "12 faults"),
        speaker: Some("Rosa Lind".into()),
        scope: SpeakerScope::Quote,
    });
    let options = AnalyzeOptions {
        corrections: log.corrections().clone(),
        ..AnalyzeOptions::default()
    };
    let after = analyze(vec![wire], &options);
    let q = quote(&after, "12 faults");
    assert_eq!(q.speaker.as_deref(), Some("Rosa Lind"));
    assert_eq!(
        q.speaker_evidence.as_ref().map(|e| e.via),
        Some(verbatim::model::SpeakerVia::Correction)
    );
}
