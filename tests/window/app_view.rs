//! Headless tests of the comparison as the window draws it: every column shows exactly the
//! words its version printed, the reference's words it lacks struck; the layout holds on small
//! screens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use crate::settle;
use egui::text::LayoutJob;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use verbatim::app::command::ViewCommand;
use verbatim::app::{App, Command};
use verbatim::model::{ChangeClass, DiffOp, OpKind};

fn harness(mut app: App, size: [f32; 2]) -> Harness<'static, App> {
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    crate::harness_sized(app, size)
}

/// A drawn cell's text by what a reader sees: words drawn plain or marked (printed), words
/// struck through, and signs (drawn smaller than the words).
fn read_job(job: &LayoutJob, body_size: f32) -> (String, String) {
    let (mut printed, mut struck) = (String::new(), String::new());
    for section in &job.sections {
        let range = section.byte_range.start.0..section.byte_range.end.0;
        let text = job.text.get(range).unwrap();
        if section.format.strikethrough != egui::Stroke::NONE {
            struck.push_str(text);
        } else if section.format.font_id.size >= body_size {
            printed.push_str(text);
        }
    }
    (printed, struck)
}

/// The reference's words a version's diff says it lacks (changes hidden by the view excluded).
fn lacked(diff: &[DiffOp], hide_cosmetic: bool) -> String {
    diff.iter()
        .filter(|op| op.op != OpKind::Equal)
        .filter(|op| !(hide_cosmetic && op.class == Some(ChangeClass::Punctuation)))
        .map(|op| op.ref_text.as_str())
        .collect()
}

/// Walks every version of every statement, with punctuation shown and hidden, and checks each
/// column as drawn. Returns how many columns were checked and how many had struck words.
fn assert_columns_truthful(app: App) -> (usize, usize) {
    let mut h = harness(app, [1600.0, 1000.0]);
    settle(&mut h);
    let body = egui::TextStyle::Body.resolve(&h.ctx.global_style()).size;
    let group_ids: Vec<String> = (h.state().doc.analysis.groups.iter())
        .map(|g| g.group_id.clone())
        .collect();
    assert!(!group_ids.is_empty(), "no statements found");
    let (mut checked, mut with_struck) = (0, 0);
    for hide in [false, true] {
        h.state_mut()
            .apply(Command::View(ViewCommand::SetHideCosmetic(hide)));
        for group_id in &group_ids {
            h.state_mut()
                .apply(Command::View(ViewCommand::SelectGroup(group_id.clone())));
            h.run_steps(1);
            let app = h.state();
            let group = app.doc.selected().unwrap();
            let drawn = app.drawn_comparison().expect("the comparison was drawn");
            let columns = &drawn.comparison.columns;
            let mut pieces: Vec<&str> = (columns.iter())
                .flat_map(|c| c.pieces.iter().map(String::as_str))
                .collect();
            pieces.sort_unstable();
            let mut members: Vec<&str> = (group.members.iter())
                .map(|m| m.quote_id.as_str())
                .collect();
            members.sort_unstable();
            assert_eq!(pieces, members, "{group_id}: each version in one column");
            assert_eq!(columns[0].quote_id, group.reference);
            let reference_pieced = columns[0].pieces.len() > 1;
            for (c, column) in columns.iter().enumerate() {
                let quote = app.doc.quote(&column.quote_id).unwrap();
                let texts: Vec<&str> = (column.pieces.iter())
                    .map(|id| app.doc.quote(id).unwrap().text.as_str())
                    .collect();
                let printed_text = texts.join(" ");
                let member = group.members.iter().find(|m| m.quote_id == column.quote_id);
                if column.pieces.len() == 1 && !reference_pieced && c > 0 {
                    assert_eq!(column.diff, member.unwrap().diff, "{group_id}: own diff");
                }
                let (mut printed, mut struck) = (String::new(), String::new());
                for row in &drawn.cells {
                    let (p, s) = read_job(&row[c].job, body);
                    printed.push_str(&p);
                    struck.push_str(&s);
                    let text = &row[c].job.text;
                    if !text.trim().is_empty() {
                        assert!(
                            h.query_all_by_label(text).next().is_some(),
                            "{group_id}: cell {text:?} is not on screen"
                        );
                    }
                }
                assert_eq!(
                    printed, printed_text,
                    "{group_id} {}: printed",
                    quote.quote_id
                );
                let expected = lacked(&column.diff, hide);
                assert_eq!(struck, expected, "{group_id} {}: struck", quote.quote_id);
                checked += 1;
                with_struck += usize::from(!struck.is_empty());
            }
        }
    }
    (checked, with_struck)
}

#[test]
fn every_demo_column_shows_exactly_what_its_version_printed() {
    let (checked, with_struck) = assert_columns_truthful(App::with_paths(Vec::new()));
    assert!(with_struck > 0, "the demo has no version lacking words");
    assert!(checked > 10);
}

/// The `.txt` files of a fixture folder, sorted.
fn fixture_files(folder: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_column_of_a_six_source_statement_shows_exactly_what_it_printed() {
    let (checked, with_struck) =
        assert_columns_truthful(App::with_paths(fixture_files("six_sources")));
    assert!(with_struck >= 3);
    assert!(checked >= 6);
}

#[test]
fn every_corpus_column_shows_exactly_what_its_version_printed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let (checked, with_struck) = assert_columns_truthful(App::with_paths(paths));
    assert!(with_struck > 0, "the corpus has no version lacking words");
    assert!(checked > 10);
}

#[test]
fn a_dropped_negation_is_struck_in_the_column_not_drawn_as_printed() {
    let mut h = harness(
        App::with_analysis(support::bridge_analysis()),
        [1600.0, 1000.0],
    );
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g1".into())));
    h.run_steps(2);
    let body = egui::TextStyle::Body.resolve(&h.ctx.global_style()).size;
    let drawn = h.state().drawn_comparison().unwrap();
    let column = (drawn.comparison.columns.iter())
        .position(|c| c.quote_id == "q5")
        .unwrap();
    let (mut printed, mut struck) = (String::new(), String::new());
    for row in &drawn.cells {
        let (p, s) = read_job(&row[column].job, body);
        printed.push_str(&p);
        struck.push_str(&s);
    }
    assert_eq!(printed, support::BRIDGE_CHANGED);
    assert_eq!(struck, "14nobody");
}

/// The on-screen rectangle of the column head titled `title` in the comparison.
fn title_rect(h: &Harness<'_, App>, title: &str) -> egui::Rect {
    h.get_all_by_label(title).last().unwrap().rect()
}

#[test]
fn on_a_laptop_screen_the_reference_stays_pinned_while_the_others_scroll() {
    let mut h = harness(App::with_paths(Vec::new()), [1024.0, 768.0]);
    settle(&mut h);
    // The statement with the most versions is listed first.
    let first = h.state().doc.visible[0];
    let group_id = h.state().doc.derived.rows[first].group_id.clone();
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup(group_id)));
    h.run_steps(2);
    let titles: Vec<String> = {
        let app = h.state();
        let drawn = app.drawn_comparison().unwrap();
        (drawn.comparison.columns.iter())
            .map(|c| {
                app.doc
                    .analysis
                    .article(&c.article_id)
                    .unwrap()
                    .title
                    .clone()
            })
            .collect()
    };
    assert!(
        titles.len() >= 4,
        "the demo's top statement has few versions"
    );
    let (pinned, other) = (title_rect(&h, &titles[0]), title_rect(&h, &titles[1]));
    // The last column does not fit: the comparison scrolls sideways.
    let last = title_rect(&h, titles.last().unwrap());
    assert!(last.left() > 1024.0 - 100.0, "every column fits: {last:?}");
    h.event(egui::Event::PointerMoved(other.center()));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-400.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(10);
    let (pinned_after, other_after) = (title_rect(&h, &titles[0]), title_rect(&h, &titles[1]));
    assert_eq!(pinned_after.left(), pinned.left(), "the reference moved");
    assert!(
        other_after.left() < other.left() - 100.0,
        "the others did not scroll: {other:?} → {other_after:?}"
    );
    // The narrow screen started with the sources panel collapsed.
    assert!(!h.state().doc.panels.sources);
}

/// Every marked change of every listed statement in list order, as the comparison shows them:
/// (statement, version, op index).
fn expected_changes(app: &App) -> Vec<(String, String, usize)> {
    let doc = &app.doc;
    let rank = |a: &str| {
        doc.analysis
            .articles
            .iter()
            .position(|x| x.article_id == a)
            .unwrap()
    };
    let mut out = Vec::new();
    for &row in &doc.visible {
        let gi = doc.derived.rows[row].group_index;
        let group = &doc.analysis.groups[gi];
        let c =
            verbatim::view::compare(group, |id| doc.quote(id), rank, doc.hide_cosmetic).unwrap();
        for at in c.changes() {
            let quote_id = c.columns[at.column].quote_id.clone();
            out.push((group.group_id.clone(), quote_id, at.change));
        }
    }
    out
}

fn current_change(app: &App) -> Option<(String, String, usize)> {
    let (quote_id, change) = app.doc.difference.clone()?;
    Some((app.doc.selected_group.clone()?, quote_id, change))
}

#[test]
fn f7_walks_every_difference_of_every_statement_and_shift_f7_goes_back() {
    let mut h = harness(App::with_paths(Vec::new()), [1280.0, 720.0]);
    settle(&mut h);
    let expected = expected_changes(h.state());
    assert!(expected.len() > 10, "the demo has few differences");
    let first = h.state().doc.visible[0];
    let group_id = h.state().doc.derived.rows[first].group_id.clone();
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup(group_id)));
    h.run_steps(1);
    let mut seen = Vec::new();
    for _ in 0..expected.len() + 2 {
        h.key_press(egui::Key::F7);
        h.run_steps(1);
        let now = current_change(h.state()).unwrap();
        if seen.last() != Some(&now) {
            seen.push(now);
        }
    }
    assert_eq!(seen, expected);
    // The current difference is framed on screen, in the selected statement's comparison.
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F7);
    h.run_steps(1);
    assert_eq!(
        current_change(h.state()).as_ref(),
        expected.iter().rev().nth(1)
    );
    // Alt+Up and "p" go back too; Alt+Down and "n" forward.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    h.run_steps(1);
    assert_eq!(
        current_change(h.state()).as_ref(),
        expected.iter().rev().nth(2)
    );
    h.key_press(egui::Key::P);
    h.run_steps(1);
    assert_eq!(
        current_change(h.state()).as_ref(),
        expected.iter().rev().nth(3)
    );
    h.key_press(egui::Key::N);
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run_steps(1);
    assert_eq!(
        current_change(h.state()).as_ref(),
        expected.iter().rev().nth(1)
    );
}

#[test]
fn filtering_by_class_lists_only_those_statements_and_moves_a_hidden_selection() {
    let mut h = harness(App::with_paths(Vec::new()), [1280.0, 720.0]);
    settle(&mut h);
    let without_negation = {
        let doc = &h.state().doc;
        let row = (doc.derived.rows.iter())
            .find(|r| !r.classes.contains(&ChangeClass::Negation))
            .unwrap();
        row.group_id.clone()
    };
    h.state_mut().apply(Command::View(ViewCommand::SelectGroup(
        without_negation.clone(),
    )));
    h.run_steps(1);
    h.get_by_label("Show changes").click();
    h.run_steps(2);
    h.get_by_label("With negation changes").click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert!(!doc.visible.is_empty());
    let with_negation = (doc.derived.rows.iter())
        .filter(|r| r.classes.contains(&ChangeClass::Negation))
        .count();
    assert_eq!(doc.visible.len(), with_negation);
    for &row in &doc.visible {
        let group = &doc.analysis.groups[doc.derived.rows[row].group_index];
        let negation = (group.members.iter().flat_map(|m| &m.diff))
            .any(|op| op.class == Some(ChangeClass::Negation));
        assert!(negation, "{} has no negation change", group.group_id);
    }
    // The statement shown is one of those listed, never the hidden one.
    let selected = doc.selected_group.clone().unwrap();
    assert_ne!(selected, without_negation);
    assert!(doc.selected_pos.is_some());
}

/// The colour of the first marked words drawn in the selected statement's comparison.
fn first_marked_colour(app: &App) -> egui::Color32 {
    let drawn = app.drawn_comparison().unwrap();
    (drawn.cells.iter().flatten())
        .flat_map(|c| &c.job.sections)
        .find(|s| s.format.strikethrough != egui::Stroke::NONE)
        .unwrap()
        .format
        .color
}

#[test]
fn the_view_menu_switches_between_light_and_dark() {
    let mut h = harness(
        App::with_analysis(support::bridge_analysis()),
        [1280.0, 720.0],
    );
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g1".into())));
    let mut colours = Vec::new();
    for (label, theme) in [("Light", egui::Theme::Light), ("Dark", egui::Theme::Dark)] {
        h.get_by_label("View").click();
        h.run_steps(2);
        h.get_by_label(label).click();
        h.run_steps(3);
        assert_eq!(h.ctx.theme(), theme);
        colours.push(first_marked_colour(h.state()));
    }
    // The columns were laid out again in the new theme's colours.
    assert_ne!(colours[0], colours[1]);
    assert_eq!(h.state().doc.theme, verbatim::app::ThemeChoice::Dark);
}

#[test]
fn help_lists_every_shortcut_and_escape_closes_it() {
    let mut h = harness(
        App::with_analysis(support::bridge_analysis()),
        [1280.0, 720.0],
    );
    h.run_steps(2);
    h.key_press(egui::Key::F1);
    h.run_steps(3);
    assert!(h.state().doc.help_open);
    for what in [
        "Undo the last correction (or Close all)",
        "Redo",
        "Save the workspace",
        "Quit",
        "Next difference",
        "Previous difference",
        "Zoom in / out / reset",
        "Close all articles",
    ] {
        assert!(
            h.query_all_by_label(what).next().is_some(),
            "help omits {what}"
        );
    }
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(!h.state().doc.help_open);
}

#[test]
fn a_statement_names_the_articles_that_do_not_quote_it_and_links_to_them() {
    let mut h = harness(
        App::with_analysis(support::bridge_analysis()),
        [1280.0, 720.0],
    );
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g2".into())));
    h.run_steps(2);
    h.get_by_label("Not quoted by:");
    h.get_by_label("Bridge shut for 40 weeks").click();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.tab, verbatim::app::Tab::Article);
    assert_eq!(doc.article_shown.as_deref(), Some("a3"));
    // A statement every article quotes names none.
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g1".into())));
    h.run_steps(2);
    assert!(h.query_by_label("Not quoted by:").is_none());
}

#[test]
fn not_quoted_by_opens_the_article_at_its_nearest_wording_highlighted() {
    let mut analysis = support::bridge_analysis();
    let near = "Drivers were told that traffic would go through the old tunnel for now.";
    analysis.articles.push(support::article(
        "a4",
        "Detour plans published",
        "Evening Post",
        &["Detour plans published", "The works start soon.", near],
    ));
    let mut h = harness(App::with_analysis(analysis), [1280.0, 720.0]);
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g3".into())));
    h.run_steps(2);
    h.get_by_label("Detour plans published").click();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.tab, verbatim::app::Tab::Article);
    assert_eq!(doc.article_shown.as_deref(), Some("a4"));
    let article = doc.analysis.article("a4").unwrap();
    let span = doc.wording_shown.clone().expect("a nearest wording");
    assert_eq!(&article.text[span], near);
    h.get_by_label_contains("highlighted: its nearest wording");
}

#[test]
fn the_article_view_picks_any_article() {
    let mut h = harness(
        App::with_analysis(support::bridge_analysis()),
        [1280.0, 720.0],
    );
    h.run_steps(2);
    h.get_by_label("Article").click();
    h.run_steps(2);
    h.get_by_label("Show article").click();
    h.run_steps(2);
    h.get_by_label("Bridge closure announced").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.article_shown.as_deref(), Some("a2"));
    // Its quotations are shown in the text.
    let by = egui_kittest::kittest::By::new()
        .predicate(|n| n.value().is_some_and(|v| v.contains(support::WORKERS_PARA)));
    assert!(h.query_all(by).next().is_some());
}

#[test]
fn each_version_says_whether_it_is_spliced_or_cut() {
    let mut analysis = support::bridge_analysis();
    for quote in &mut analysis.quotes {
        quote.spliced |= quote.quote_id == "q3";
        quote.truncated |= quote.quote_id == "q5";
    }
    let mut h = harness(App::with_analysis(analysis), [1280.0, 720.0]);
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup("g1".into())));
    h.run_steps(2);
    assert_eq!(h.query_all_by_label("spliced at …").count(), 1);
    assert_eq!(h.query_all_by_label("cut at end").count(), 1);
    assert!(h.query_by_label("cut at start").is_none());
}

#[test]
fn the_overview_strip_goes_to_the_statement_at_its_height() {
    let mut h = harness(App::with_paths(Vec::new()), [1280.0, 720.0]);
    settle(&mut h);
    let strip = h.get_by_label("Overview of changes").rect();
    let at = egui::pos2(strip.center().x, strip.bottom() - 2.0);
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.selected_pos, Some(doc.visible.len() - 1));
}

#[test]
fn flag_chips_stay_inside_the_statements_list_on_small_screens() {
    let chips: Vec<String> = ["# number", "! negation", "@ speaker", "… splice", "cut"]
        .iter()
        .flat_map(|t| [t.to_string(), t.split(' ').next().unwrap().to_string()])
        .chain((1..6).map(|n| format!("+{n}")))
        .collect();
    for size in [[1280.0, 720.0], [1024.0, 768.0]] {
        let mut h = harness(App::with_paths(Vec::new()), size);
        settle(&mut h);
        // The detail area starts where the list ends; the list's rows start under its header.
        let detail = h.get_by_label("Sources panel").rect().left();
        let rows_top = h.get_by_label("Flags").rect().bottom();
        let mut seen = 0;
        for chip in &chips {
            for node in h.query_all_by_label(chip) {
                let rect = node.rect();
                if rect.left() < detail && rect.top() > rows_top {
                    seen += 1;
                    assert!(
                        rect.right() <= detail - 4.0,
                        "{size:?}: chip {chip:?} runs out of the list: {rect:?}, detail at {detail}"
                    );
                }
            }
        }
        assert!(seen >= 5, "{size:?}: only {seen} chips in the list");
    }
}
