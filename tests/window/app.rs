//! Headless tests of the real app through egui_kittest: they click and type by label and check
//! what the window shows and what the app's state holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use crate::settle;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use std::path::PathBuf;
use std::sync::Arc;
use verbatim::app::command::{LoadCommand, ViewCommand};
use verbatim::app::{App, Command, Tab};
use verbatim::corrections::Correction;
use verbatim::model::{ChangeClass, DiffOp, Group, OpKind};

/// The app in a harness, its recovery file in a fresh temporary folder.
fn harness(mut app: App) -> Harness<'static, App> {
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    crate::harness_sized(app, [1500.0, 900.0])
}

/// The demo as the engine analyses it; it must hold a statement quoted by several sources
/// with a substantive difference in it.
fn comparison_app() -> App {
    let mut demo = App::with_paths(Vec::new());
    demo.wait_idle();
    assert!(
        find_changed_group(&demo).is_some(),
        "the engine found no statement with a substantive difference in the demo"
    );
    demo
}

/// A group with two or more versions and a substantive difference, and that difference.
fn find_changed_group(app: &App) -> Option<(Group, DiffOp)> {
    app.doc.analysis.groups.iter().find_map(|g| {
        if g.members.len() < 2 {
            return None;
        }
        let op = g.members.iter().flat_map(|m| &m.diff).find(|op| {
            op.op == OpKind::Replace && op.class.is_some_and(ChangeClass::is_substantive)
        })?;
        Some((g.clone(), op.clone()))
    })
}

/// Opens the actions menu of the `column`th version's column.
fn open_version_menu(h: &mut Harness<'_, App>, column: usize) {
    h.get_all_by_label("⋯").nth(column).unwrap().click();
    h.run_steps(2);
}

/// The list label of a group: its reference's opening words.
fn row_label(app: &App, group_id: &str) -> String {
    let row = app
        .doc
        .derived
        .rows
        .iter()
        .find(|r| r.group_id == group_id)
        .unwrap();
    row.opening.clone()
}

fn select(h: &mut Harness<'_, App>, group_id: &str) {
    let label = row_label(h.state(), group_id);
    h.get_by_label(&label).click();
    h.run_steps(2);
    assert_eq!(h.state().doc.selected_group.as_deref(), Some(group_id));
}

/// Whether a text field (the article view's paragraphs are selectable read-only fields) shows
/// `words`.
fn shows_text(h: &Harness<'_, App>, words: &str) -> bool {
    let by = By::new().predicate(move |n| n.value().is_some_and(|v| v.contains(words)));
    h.query_all(by).next().is_some()
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_demo_opens_with_every_article_listed() {
    let mut h = harness(App::with_paths(Vec::new()));
    settle(&mut h);
    let sources = &h.state().doc.sources;
    assert_eq!(sources.len(), 5);
    let titles: Vec<String> = sources
        .iter()
        .map(|s| s.loaded.as_ref().unwrap().title.clone())
        .collect();
    for title in titles {
        assert!(
            h.query_all_by_label(&title).next().is_some(),
            "{title} not shown"
        );
    }
    h.get_by_label_contains("5 articles");
}

#[test]
fn selecting_a_group_by_its_label_shows_each_source() {
    let app = comparison_app();
    let (group, _) = find_changed_group(&app).unwrap();
    let mut h = harness(app);
    h.run_steps(2);
    select(&mut h, &group.group_id);
    // One column per version (the pieces of a split quotation are one), each with its
    // actions menu; one of them is the reference.
    let versions = h
        .state()
        .drawn_comparison()
        .unwrap()
        .comparison
        .columns
        .len();
    assert!(versions >= 2 && versions <= group.members.len());
    assert_eq!(h.get_all_by_label("⋯").count(), versions);
    assert_eq!(h.query_all_by_label_contains("Reference").count(), 1);
    open_version_menu(&mut h, 1);
    h.get_by_label("Show in article");
    h.get_by_label("Set as reference");
    for member in &group.members {
        let doc = &h.state().doc;
        let quote = doc.quote(&member.quote_id).unwrap();
        let title = doc
            .analysis
            .article(&quote.article_id)
            .unwrap()
            .title
            .clone();
        // The title is in the sources panel and at the head of the version's column.
        assert!(
            h.query_all_by_label(&title).count() >= 2,
            "{title} has no column"
        );
    }
}

#[test]
fn a_known_difference_is_marked_with_its_class() {
    let app = comparison_app();
    let (group, op) = find_changed_group(&app).unwrap();
    let mut h = harness(app);
    h.run_steps(2);
    select(&mut h, &group.group_id);
    let marker = verbatim::app::theme::class_marker(op.class.unwrap());
    // The class's sign, the reference's words (struck), then the words this version printed.
    let space = if op.ref_text.ends_with(' ') { "" } else { " " };
    let label = format!("{marker}{}{space}{}", op.ref_text, op.text);
    assert!(
        h.query_all_by_label_contains(&label).count() >= 1,
        "no {label}"
    );
}

#[test]
fn hiding_cosmetic_differences_removes_their_marks() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    select(&mut h, "g1");
    let punctuation = format!(
        "{},",
        verbatim::app::theme::class_marker(ChangeClass::Punctuation)
    );
    h.get_by_label_contains(&punctuation);
    h.get_by_label("Hide punctuation and case").click();
    h.run_steps(2);
    assert!(h.state().doc.hide_cosmetic);
    assert!(h.query_by_label_contains(&punctuation).is_none());
}

#[test]
fn another_version_can_be_set_as_reference() {
    let app = comparison_app();
    let (group, _) = find_changed_group(&app).unwrap();
    let old_reference = group.reference.clone();
    let mut h = harness(app);
    h.run_steps(2);
    select(&mut h, &group.group_id);
    open_version_menu(&mut h, 1);
    h.get_by_label("Set as reference").click();
    settle(&mut h);
    let doc = &h.state().doc;
    let new_reference = doc.selected().unwrap().reference.clone();
    assert_ne!(new_reference, old_reference);
    // The choice is a correction, kept for the next analysis.
    let quote = doc.quote(&new_reference).unwrap();
    let key = quote.key(doc.analysis.article(&quote.article_id).unwrap());
    assert_eq!(
        doc.options.corrections.items,
        vec![Correction::ChooseReference { quote: key }]
    );
}

#[test]
fn filtering_by_speaker_leaves_only_their_statements() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.get_by_label("Show speaker").click();
    h.run_steps(2);
    h.get_by_label("Tomas Brandt (1)").click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert_eq!(doc.speaker_filter.as_deref(), Some("Tomas Brandt"));
    assert_eq!(doc.visible.len(), 1);
    assert!(h.query_by_label(&row_label(h.state(), "g1")).is_none());
    h.get_by_label(&row_label(h.state(), "g2"));
}

#[test]
fn typing_in_the_filter_narrows_the_list() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.get_by_label("Filter").type_text("tunnel");
    h.run_steps(2);
    let doc = &h.state().doc;
    assert_eq!(doc.text_filter, "tunnel");
    let shown: Vec<&str> = doc
        .visible
        .iter()
        .map(|&r| doc.derived.rows[r].group_id.as_str())
        .collect();
    assert_eq!(shown, ["g3"]);
}

#[test]
fn arrow_keys_walk_the_list() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    let first = h.state().doc.selected_group.clone().unwrap();
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    let second = h.state().doc.selected_group.clone().unwrap();
    assert_ne!(first, second);
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.selected_group.as_deref(),
        Some(first.as_str())
    );
}

#[test]
fn an_article_dropped_while_others_are_loaded_joins_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(
        &dir,
        "late.txt",
        "Late edition\n\n\u{201c}We will open a ferry line,\u{201d} Varga said.\n".as_bytes(),
    );
    let mut h = harness(App::with_paths(Vec::new()));
    settle(&mut h);
    let before: Vec<u64> = h.state().doc.sources.iter().map(|s| s.source_id).collect();
    h.input_mut()
        .dropped_files
        .push(Arc::new(support::Dropped(path)));
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.sources.len(), before.len() + 1);
    assert!(
        before
            .iter()
            .all(|id| doc.sources.iter().any(|s| s.source_id == *id))
    );
    assert_eq!(doc.analysis.articles.len(), before.len() + 1);
    // In the sources panel (and among the articles not quoting the statement shown).
    assert!(h.query_all_by_label("Late edition").next().is_some());
}

#[test]
fn a_broken_file_shows_its_error_and_the_rest_stays() {
    let dir = tempfile::tempdir().unwrap();
    let empty = temp_file(&dir, "empty.txt", b"  \n");
    let missing = dir.path().join("missing.txt");
    let mut h = harness(App::with_paths(Vec::new()));
    settle(&mut h);
    h.state_mut()
        .apply(Command::Load(LoadCommand::OpenPaths(vec![empty, missing])));
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.sources.len(), 7);
    assert_eq!(doc.sources.iter().filter(|s| s.loaded.is_ok()).count(), 5);
    assert_eq!(doc.analysis.articles.len(), 5);
    assert_eq!(
        h.query_all_by_label_contains("Could not be read: ").count(),
        2
    );
    assert!(h.query_all_by_label_contains("empty.txt").count() >= 1);
    assert!(h.query_all_by_label_contains("missing.txt").count() >= 1);
}

#[test]
fn excluding_a_source_takes_it_out_of_the_analysis() {
    let mut h = harness(App::with_paths(Vec::new()));
    settle(&mut h);
    h.get_all_by_label("Compare").next().unwrap().click();
    settle(&mut h);
    let doc = &h.state().doc;
    assert!(!doc.sources[0].included);
    assert_eq!(doc.analysis.articles.len(), 4);
    assert_eq!(doc.sources.len(), 5);
}

#[test]
fn show_in_article_opens_the_quotation_in_context() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    select(&mut h, "g1");
    open_version_menu(&mut h, 2);
    h.get_by_label("Show in article").click();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.tab, Tab::Article);
    assert_eq!(doc.selected_quote.as_deref(), Some("q5"));
    // In the sources panel and as the article view's heading.
    assert!(h.query_all_by_label("Bridge shut for 40 weeks").count() >= 2);
    assert!(shows_text(&h, support::BRIDGE_CHANGED));
}

#[test]
fn the_speakers_view_lists_how_each_source_named_them() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.get_by_label("Speakers").click();
    // The table settles its column widths over a few frames.
    h.run_steps(4);
    h.get_by_label("Harbour bridge to close for repairs: \"Transport Minister Elena Varga\" (1)");
    h.get_by_label("Bridge shut for 40 weeks: \"Varga\", \"she\" (2)");
    // Clicking a name (in the table, drawn after the statements list) lists only theirs.
    h.get_all_by_label("Elena Varga").last().unwrap().click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert_eq!(doc.speaker_filter.as_deref(), Some("Elena Varga"));
    assert_eq!(doc.tab, Tab::Comparison);
    assert_eq!(doc.visible.len(), 2);
}

#[test]
fn article_text_in_scripts_without_glyphs_does_not_panic() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::ShowInArticle("q6".into())));
    h.run_steps(3);
    assert!(shows_text(&h, "Thai readers saw"));
}

#[test]
fn a_pasted_article_is_added_with_its_title() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    h.get_by_label("Paste…").click();
    h.run_steps(2);
    assert!(h.state().doc.paste_open);
    // The window fades in over a few frames.
    h.run_steps(3);
    h.get_by_label("Title").focus();
    h.run_steps(1);
    h.get_by_label("Title").type_text("Evening bulletin");
    h.run_steps(1);
    h.get_by_label("Outlet").focus();
    h.run_steps(1);
    h.get_by_label("Outlet").type_text("Radio North");
    h.get_by_label("Text").focus();
    h.run_steps(1);
    h.get_by_label("Text")
        .type_text("Evening bulletin\n\nThe bridge closes on Monday.");
    h.run_steps(1);
    h.get_by_label("Add article").click();
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.sources.len(), 4);
    assert!(!doc.paste_open);
    let pasted = doc.sources[3].loaded.as_ref().unwrap();
    assert_eq!(pasted.title, "Evening bulletin");
    assert_eq!(pasted.meta.outlet.as_deref(), Some("Radio North"));
    // In the sources panel (and among the articles not quoting the statement shown).
    assert!(h.query_all_by_label("Evening bulletin").next().is_some());
}

/// Renders the main window on the hand-made analysis to `$VERBATIM_SHOT_DIR` (default
/// `target/shots`), light and dark, for a person to look at. Needs a software or real GPU
/// renderer, so it only runs when asked: `cargo test --test app -- --ignored render`.
#[test]
#[ignore = "renders with wgpu; run by hand to look at the window"]
fn render_main_window_for_review() {
    let dir = std::env::var("VERBATIM_SHOT_DIR").unwrap_or_else(|_| "target/shots".into());
    std::fs::create_dir_all(&dir).unwrap();
    for (theme, name) in [(egui::Theme::Dark, "dark"), (egui::Theme::Light, "light")] {
        let mut h = Harness::builder()
            .with_size([1500.0, 900.0])
            .with_theme(theme)
            .wgpu()
            .build_ui_state(
                |ui, app: &mut App| app.ui(ui),
                App::with_analysis(support::bridge_analysis()),
            );
        h.run_steps(3);
        select(&mut h, "g1");
        h.run_steps(3);
        let image = h.render().unwrap();
        image.save(format!("{dir}/comparison_{name}.png")).unwrap();
        h.state_mut()
            .apply(Command::View(ViewCommand::ShowInArticle("q5".into())));
        h.run_steps(4);
        h.render()
            .unwrap()
            .save(format!("{dir}/article_{name}.png"))
            .unwrap();
    }
}

#[test]
fn hovering_a_marked_word_names_its_class_and_the_reference_words() {
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    select(&mut h, "g1");
    // The third version's first row ends with the changed number.
    let rect = h.get_by_label_contains("for #14 40").rect();
    h.event(egui::Event::PointerMoved(
        rect.right_center() - egui::vec2(4.0, 0.0),
    ));
    h.run_steps(4);
    h.get_by_label_contains("number: the reference has \"14\"");
}

#[test]
fn cancelling_keeps_the_window_usable_and_says_the_analysis_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..400)
        .map(|i| {
            temp_file(
                &dir,
                &format!("n{i:03}.txt"),
                format!("Note {i}\n\nText {i}.").as_bytes(),
            )
        })
        .collect();
    let mut h = harness(App::with_analysis(support::bridge_analysis()));
    h.run_steps(2);
    // Cancel straight after starting, as the status bar's button does, before the worker can
    // finish reading.
    h.state_mut()
        .apply(Command::Load(LoadCommand::OpenPaths(paths)));
    h.state_mut().apply(Command::Load(LoadCommand::Cancel));
    settle(&mut h);
    let doc = &h.state().doc;
    assert!(doc.stale);
    assert!(doc.progress.is_none());
    // What was shown before stays.
    assert_eq!(doc.analysis.groups.len(), 3);
    h.get_by_label("The analysis is out of date.");
    h.get_by_label("Analyse again");
}

#[test]
fn a_dropped_folder_adds_the_files_in_it() {
    let dir = tempfile::tempdir().unwrap();
    temp_file(&dir, "one.txt", b"Morning edition\n\nFirst text.");
    temp_file(&dir, "two.txt", b"Evening edition\n\nSecond text.");
    let mut h = harness(App::new());
    h.run_steps(1);
    h.input_mut()
        .dropped_files
        .push(Arc::new(support::Dropped(dir.path().to_path_buf())));
    settle(&mut h);
    assert_eq!(h.state().doc.sources.len(), 2);
    h.get_by_label("Morning edition");
    h.get_by_label("Evening edition");
}
