//! Tests of the statement summaries and the speaker table.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{Article, DiffOp, Group, Member, OpKind};

fn quote(quote_id: &str, article_id: &str, text: &str, speaker: &str, written: &str) -> Quote {
    Quote {
        quote_id: quote_id.into(),
        article_id: article_id.into(),
        text: text.into(),
        speaker: Some(speaker.into()),
        speaker_as_written: Some(written.into()),
        ..Quote::default()
    }
}

fn group(group_id: &str, speaker: &str, members: &[(&str, usize)]) -> Group {
    let changed = DiffOp {
        op: OpKind::Replace,
        text: "two".into(),
        ref_text: "three".into(),
        class: Some(ChangeClass::Number),
    };
    Group {
        group_id: group_id.into(),
        speaker: Some(speaker.into()),
        reference: members[0].0.into(),
        flags: Vec::new(),
        members: members
            .iter()
            .map(|(quote_id, changes)| Member {
                quote_id: (*quote_id).into(),
                diff: vec![changed.clone(); *changes],
            })
            .collect(),
    }
}

fn analysis() -> Analysis {
    let article = |id: &str, title: &str| Article {
        article_id: id.into(),
        title: title.into(),
        ..Article::default()
    };
    Analysis {
        articles: vec![article("a1", "First"), article("a2", "Second")],
        quotes: vec![
            quote(
                "q1",
                "a1",
                "The ferry runs three times a day",
                "Ana Ruiz",
                "Mayor Ana Ruiz",
            ),
            quote(
                "q2",
                "a2",
                "The ferry runs two times a day",
                "Ana Ruiz",
                "she",
            ),
            quote(
                "q3",
                "a1",
                "Tickets stay at the old price",
                "Ivo Petrak",
                "Petrak",
            ),
        ],
        groups: vec![
            group("g1", "Ivo Petrak", &[("q3", 0)]),
            group("g2", "Ana Ruiz", &[("q1", 0), ("q2", 2)]),
        ],
        ..Analysis::default()
    }
}

fn ids(derived: &Derived, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&r| derived.rows[r].group_id.clone())
        .collect()
}

#[test]
fn rows_count_sources_and_substantive_differences() {
    let derived = Derived::new(&analysis());
    let row = &derived.rows[1];
    assert_eq!((row.sources, row.differences), (2, 2));
    assert_eq!(row.opening, "The ferry runs three times a day");
}

#[test]
fn sorting_by_sources_puts_the_most_quoted_first() {
    let derived = Derived::new(&analysis());
    assert_eq!(
        ids(&derived, &derived.visible_rows(SortKey::Sources, None, "")),
        ["g2", "g1"]
    );
    assert_eq!(
        ids(&derived, &derived.visible_rows(SortKey::Found, None, "")),
        ["g1", "g2"]
    );
    assert_eq!(
        ids(&derived, &derived.visible_rows(SortKey::Speaker, None, "")),
        ["g2", "g1"]
    );
}

#[test]
fn the_text_filter_searches_every_version_ignoring_case() {
    let derived = Derived::new(&analysis());
    // "two times" is only in the second version, not the reference.
    assert_eq!(
        ids(
            &derived,
            &derived.visible_rows(SortKey::Found, None, "TWO times")
        ),
        ["g2"]
    );
}

#[test]
fn the_speaker_filter_keeps_only_that_speaker() {
    let derived = Derived::new(&analysis());
    assert_eq!(
        ids(
            &derived,
            &derived.visible_rows(SortKey::Found, Some("Ivo Petrak"), "")
        ),
        ["g1"]
    );
}

#[test]
fn speakers_list_each_way_a_source_named_them() {
    let derived = Derived::new(&analysis());
    let ana = derived
        .speakers
        .iter()
        .find(|s| s.name == "Ana Ruiz")
        .unwrap();
    assert_eq!(ana.quotes, 2);
    let written: Vec<&[String]> = ana
        .sources
        .iter()
        .map(|s| s.as_written.as_slice())
        .collect();
    assert_eq!(
        written,
        [["Mayor Ana Ruiz".to_string()], ["she".to_string()]]
    );
}

#[test]
fn opening_words_are_cut_with_an_ellipsis() {
    assert_eq!(opening_words("a b c"), "a b c");
    assert_eq!(
        opening_words("1 2 3 4 5 6 7 8 9 10 11 12"),
        "1 2 3 4 5 6 7 8 9 10…"
    );
}

#[test]
fn counts_are_written_with_thousands_separators() {
    assert_eq!(count(1, "article"), "1 article");
    assert_eq!(count(999, "article"), "999 articles");
    assert_eq!(count(10_000, "article"), "10,000 articles");
    assert_eq!(thousands(119_397), "119,397");
    assert_eq!(thousands(1_234_567), "1,234,567");
    assert_eq!(thousands(0), "0");
}

/// Articles for "Not quoted by": `a1` and `a2` tell of the Kellam ferry, `a3` of a bridge
/// elsewhere, `a4` names no one but quotes a statement `a1` quotes too, and `fillers` more
/// articles of other events follow.
fn story_analysis(fillers: usize) -> Analysis {
    let article = |id: &str, text: &str| Article {
        article_id: id.into(),
        title: id.into(),
        text: text.into(),
        ..Article::default()
    };
    let mut analysis = analysis();
    analysis.articles = vec![
        article(
            "a1",
            "The ferry to Kellam sails again, said Ana Ruiz of the Harbour Board.",
        ),
        article("a2", "Boats for Kellam are back, and Ana Ruiz is pleased."),
        article(
            "a3",
            "The bridge at Westvale shut, said Ivo Petrak of Roadways.",
        ),
        article("a4", "nothing named here."),
    ];
    const PLACES: [&str; 12] = [
        "Aldmere", "Brisk", "Corran", "Dunmore", "Elsby", "Farrow", "Gask", "Holm", "Ister",
        "Jarrow", "Kilby", "Lorne",
    ];
    for i in 0..fillers {
        let (one, other) = (PLACES[i % 12], PLACES[(i + 5) % 12]);
        let text = format!("The storm hit {one} and {other}, said Pia Sol{i}.");
        analysis
            .articles
            .push(article(&format!("a{}", i + 5), &text));
    }
    analysis
        .quotes
        .push(quote("q4", "a4", "Fares stay", "Ana Ruiz", "she"));
    analysis
        .quotes
        .push(quote("q5", "a1", "Fares stay", "Ana Ruiz", "Ruiz"));
    analysis
        .groups
        .push(group("g3", "Ana Ruiz", &[("q5", 0), ("q4", 0)]));
    analysis
}

#[test]
fn in_a_large_set_only_articles_of_the_same_story_are_listed_as_not_quoting() {
    let analysis = story_analysis(ONE_STORY_ARTICLES);
    let derived = Derived::new(&analysis);
    let one_article = &analysis.groups[0]; // quoted by a1 only
    // a2 shares names with a1, a4 quotes what a1 quotes; a3 and the others are elsewhere.
    assert_eq!(derived.not_quoted_by(&analysis, one_article), [1, 3]);
    let both = &analysis.groups[1]; // quoted by a1 and a2
    assert_eq!(derived.not_quoted_by(&analysis, both), [3]);
}

#[test]
fn among_a_few_articles_every_one_that_does_not_quote_a_statement_is_listed() {
    let analysis = story_analysis(ONE_STORY_ARTICLES - 4);
    let derived = Derived::new(&analysis);
    let listed = derived.not_quoted_by(&analysis, &analysis.groups[0]);
    assert_eq!(listed, (1..ONE_STORY_ARTICLES).collect::<Vec<_>>());
}
