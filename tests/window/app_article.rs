//! The Article tab: every quotation links to its statement; a selection snaps to whole words,
//! its bar never moves the text, and "Not a quotation" is offered only on a quotation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use verbatim::app::command::ViewCommand;
use verbatim::app::{App, Command, Tab};
use verbatim::corrections::{Correction, key_of};

fn bridge_in_article(article_id: &str) -> Harness<'static, App> {
    let mut app = App::with_analysis(support::bridge_analysis());
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    let mut h = crate::harness_sized(app, [1280.0, 720.0]);
    h.run_steps(2);
    h.state_mut()
        .apply(Command::View(ViewCommand::ShowArticle(article_id.into())));
    h.run_steps(3);
    h
}

/// The on-screen rectangle of the paragraph whose text is `text`.
fn paragraph_rect(h: &Harness<'_, App>, text: &str) -> egui::Rect {
    let text = text.to_string();
    let by = By::new().predicate(move |n| n.value().is_some_and(|v| v == text));
    // The article's paragraph is the widest of the nodes with that text (a list may name it).
    h.query_all(by)
        .map(|n| n.rect())
        .max_by(|a, b| a.width().total_cmp(&b.width()))
        .unwrap()
}

/// The bridge analysis's paragraph with the union leader's words.
fn workers_paragraph() -> String {
    format!(
        "Union leader Tomas Brandt said: \u{201c}{}\u{201d}",
        support::WORKERS
    )
}

/// Drags the pointer across a paragraph from `from` to `to` points right of its left edge.
fn drag_across(h: &mut Harness<'_, App>, paragraph: &str, from: f32, to: f32) {
    let rect = paragraph_rect(h, paragraph);
    let (from, to) = (
        rect.left_top() + egui::vec2(from, 8.0),
        rect.left_top() + egui::vec2(to, 8.0),
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
}

/// The selected words, as the article view recorded them.
fn selected_words(h: &Harness<'_, App>, article_id: &str) -> String {
    let label = h.get_by_label_contains("Selected: ");
    let article = h.state().doc.analysis.article(article_id).unwrap();
    let shown = (label.value())
        .or_else(|| label.accesskit_node().label())
        .unwrap_or_default();
    assert!(!article.text.is_empty());
    shown
        .trim_start_matches("Selected: “")
        .trim_end_matches('”')
        .to_string()
}

#[test]
fn each_quotation_in_the_article_links_to_its_statement() {
    let mut h = bridge_in_article("a2");
    assert_eq!(h.state().doc.tab, Tab::Article);
    let link = h.get_by_label_contains("“No one asked the workers");
    link.click();
    h.run_steps(2);
    let doc = &h.state().doc;
    assert_eq!(doc.tab, Tab::Comparison);
    let group = doc.selected().unwrap();
    assert!(
        group.members.iter().any(|m| m.quote_id == "q4"),
        "{group:?}"
    );
}

#[test]
fn a_selection_snaps_to_whole_words_and_its_bar_does_not_move_the_text() {
    let mut h = bridge_in_article("a1");
    let before = paragraph_rect(&h, &workers_paragraph());
    // From inside "Union" to inside "leader".
    drag_across(&mut h, &workers_paragraph(), 14.0, 70.0);
    let after = paragraph_rect(&h, &workers_paragraph());
    assert_eq!(
        before, after,
        "the text moved when the selection bar appeared"
    );
    let words = selected_words(&h, "a1");
    assert!(words.starts_with("Union"), "{words:?}");
    let article = h.state().doc.analysis.article("a1").unwrap().text.clone();
    let at = article.find(&words).unwrap();
    let next = article[at + words.len()..].chars().next().unwrap();
    assert!(
        !next.is_alphanumeric(),
        "cut mid-word: {words:?} then {next:?}"
    );
}

#[test]
fn not_a_quotation_is_offered_only_on_a_quotation_and_names_that_quotation() {
    let mut h = bridge_in_article("a1");
    drag_across(&mut h, "Harbour bridge to close for repairs", 4.0, 90.0);
    h.get_by_label_contains("Selected: ");
    assert!(h.query_by_label("Not a quotation").is_none());
    drag_across(&mut h, &workers_paragraph(), 230.0, 330.0);
    h.get_by_label_contains("Selected: ");
    h.get_by_label("Not a quotation").click();
    h.run_steps(2);
    let doc = &h.state().doc;
    let expected = key_of(&doc.analysis, "q2").unwrap();
    let items = &doc.log.corrections().items;
    assert!(
        matches!(items.as_slice(), [Correction::NotAQuote { span }] if *span == expected),
        "{items:?}"
    );
}

#[test]
fn no_version_says_its_speaker_is_not_named_where_the_article_names_them() {
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    let mut h = crate::harness_sized(app, [1600.0, 1000.0]);
    crate::settle(&mut h);
    let quotes: Vec<String> = (h.state().doc.analysis.quotes.iter())
        .map(|q| q.quote_id.clone())
        .collect();
    assert!(!quotes.is_empty());
    for quote_id in quotes {
        h.state_mut()
            .apply(Command::View(ViewCommand::ShowInArticle(quote_id.clone())));
        h.run_steps(2);
        assert!(
            h.query_by_label_contains("not named here").is_none(),
            "{quote_id}"
        );
    }
}
