//! Opening folders of generated coverage in the window: progress and the finished analysis
//! drawn with no input event (the worker wakes the window), Cancel while reading and while
//! analysing keeps the analysis shown, and the files a folder left out are listed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::settle;
use crate::support::news;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;
use verbatim::app::command::LoadCommand;
use verbatim::app::{App, Command};

/// A folder holding `articles` generated articles and the scale generator's `expected.json`.
fn coverage_folder(articles: usize, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in news::coverage(articles, seed) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("expected.json"), "{\"groups\": []}").unwrap();
    dir
}

/// The app in a harness, with no recovery file.
fn harness(mut app: App) -> Harness<'static, App> {
    app.set_data_dir(None);
    crate::harness(app)
}

fn open(h: &mut Harness<'_, App>, dir: &Path) {
    h.state_mut()
        .apply(Command::Load(LoadCommand::OpenPaths(vec![
            dir.to_path_buf(),
        ])));
}

/// An app that has analysed a first folder, with its analysis.
fn loaded(h: &mut Harness<'_, App>) -> tempfile::TempDir {
    let first = coverage_folder(12, 5);
    open(h, first.path());
    settle(h);
    assert_eq!(h.state().doc.analysis.articles.len(), 12);
    first
}

#[test]
fn progress_and_the_analysis_are_drawn_when_the_worker_wakes_the_window() {
    let dir = coverage_folder(60, 1);
    let mut h = harness(App::new());
    open(&mut h, dir.path());
    // The way to wake the window is given after the job started, as a window does on its
    // first frame.
    let (woke, wakes) = channel();
    h.state_mut().set_repaint(Arc::new(move |_| {
        let _ = woke.send(());
    }));
    let mut labels: Vec<String> = Vec::new();
    // Frames are drawn only when the worker wakes the window: no mouse, no key.
    while h.state().is_busy() {
        wakes
            .recv_timeout(Duration::from_secs(60))
            .expect("the worker woke the window");
        h.step();
        if let Some(p) = &h.state().doc.progress
            && labels.last() != Some(&p.label)
        {
            labels.push(p.label.clone());
        }
    }
    let stage = |start: &str| labels.iter().any(|l| l.starts_with(start));
    // The stages come in order, each with its counts.
    assert!(stage("Reading "), "{labels:?}");
    assert!(labels.iter().any(|l| l.ends_with(" of 60")), "{labels:?}");
    assert!(stage("Finding quotations (0 of 60)"), "{labels:?}");
    let position = |start: &str| labels.iter().position(|l| l.starts_with(start));
    assert!(position("Reading") < position("Finding"), "{labels:?}");
    h.step();
    let doc = &h.state().doc;
    assert_eq!(doc.analysis.articles.len(), 60);
    assert!(doc.progress.is_none());
    let first = doc
        .visible
        .first()
        .map(|&r| doc.derived.rows[r].opening.clone());
    h.get_by_label(&first.unwrap());
}

#[test]
fn cancel_while_reading_keeps_the_analysis_shown() {
    let mut h = harness(App::new());
    let _first = loaded(&mut h);
    let before = h.state().doc.analysis.clone();
    let sources = h.state().doc.sources.len();
    let more = coverage_folder(200, 2);
    open(&mut h, more.path());
    h.state_mut().apply(Command::Load(LoadCommand::Cancel));
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.analysis, before);
    assert_eq!(doc.sources.len(), sources, "nothing read in");
    assert!(doc.stale);
    h.get_by_label("The analysis is out of date.");
}

#[test]
fn cancel_while_analysing_keeps_the_analysis_shown_and_analysing_again_adds_the_files() {
    let mut h = harness(App::new());
    let _first = loaded(&mut h);
    let before = h.state().doc.analysis.clone();
    let more = coverage_folder(40, 3);
    open(&mut h, more.path());
    // Cancel once the files are read and the analysis has begun.
    loop {
        h.state_mut().poll_worker();
        let label = h.state().doc.progress.as_ref().map(|p| p.label.clone());
        if label.is_some_and(|l| l.starts_with("Finding quotations")) {
            h.state_mut().apply(Command::Load(LoadCommand::Cancel));
            break;
        }
        assert!(
            h.state().is_busy(),
            "the analysis ended before it was cancelled"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.analysis, before);
    assert_eq!(doc.sources.len(), 52, "the files read are listed");
    assert!(doc.stale);
    h.get_by_label("Analyse again").click();
    settle(&mut h);
    let doc = &h.state().doc;
    assert!(!doc.stale);
    let articles: Vec<verbatim::Article> = doc
        .sources
        .iter()
        .map(|s| s.loaded.clone().unwrap())
        .collect();
    let full = verbatim::analyze(articles, &doc.options);
    assert_eq!(doc.analysis, full);
}

#[test]
fn the_sources_panel_lists_what_a_folder_left_out() {
    let dir = coverage_folder(3, 4);
    std::fs::write(dir.path().join("notes.md"), "# notes").unwrap();
    let mut h = harness(App::new());
    h.run_steps(1);
    open(&mut h, dir.path());
    settle(&mut h);
    assert_eq!(
        h.state().doc.sources.len(),
        3,
        "expected.json is not an article"
    );
    h.get_by_label("Left out of the folders: 2 files").click();
    h.run_steps(2);
    h.get_by_label("expected.json: not a format Verbatim reads (.json)");
    h.get_by_label("notes.md: not a format Verbatim reads (.md)");
}

#[test]
fn a_file_added_to_an_analysis_shows_its_statements() {
    let mut h = harness(App::new());
    let _first = loaded(&mut h);
    let late = coverage_folder(13, 5);
    // The thirteenth article of the same coverage: it quotes the first folder's statements.
    let path = late.path().join("art_000012.txt");
    h.state_mut()
        .apply(Command::Load(LoadCommand::OpenPaths(vec![path])));
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.analysis.articles.len(), 13);
    let articles: Vec<verbatim::Article> = doc
        .sources
        .iter()
        .map(|s| s.loaded.clone().unwrap())
        .collect();
    assert_eq!(doc.analysis, verbatim::analyze(articles, &doc.options));
    let added = &doc.analysis.articles[12].article_id;
    assert!(doc.analysis.quotes.iter().any(|q| &q.article_id == added));
}

#[test]
fn a_folder_opened_twice_adds_nothing_the_second_time() {
    let dir = coverage_folder(4, 6);
    let mut h = harness(App::new());
    open(&mut h, dir.path());
    settle(&mut h);
    let before = h.state().doc.analysis.clone();
    open(&mut h, dir.path());
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.sources.len(), 4);
    assert_eq!(doc.analysis, before, "analysed again without the copies");
}

#[test]
fn many_sources_are_listed_compactly_and_only_where_visible() {
    use verbatim::app::command::ViewCommand;
    let dir = coverage_folder(240, 2);
    let mut h = harness(App::new());
    open(&mut h, dir.path());
    settle(&mut h);
    h.state_mut()
        .apply(Command::View(ViewCommand::ShowSources(true)));
    h.run_steps(2);
    let sources = &h.state().doc.sources;
    assert_eq!(sources.len(), 240);
    // Each file's name is on its row's second line.
    let name = |i: usize| {
        let path = sources[i].path();
        path.rsplit('/').next().unwrap_or_default().to_string()
    };
    let (first, last) = (name(0), name(239));
    let drawn = |name: &str| h.query_all_by_label_contains(name).count();
    assert_eq!(drawn(&first), 1, "the first source is drawn");
    assert_eq!(drawn(&last), 0, "a source far below the view is not drawn");
    assert!(
        h.query_by_label("240 sources · right-click one to remove it")
            .is_some()
    );
    // What a folder left out is still said.
    assert!(
        h.query_by_label_contains("Left out of the folders: 1 file")
            .is_some()
    );
}
