//! The project's own fixture corpus (`tests/fixtures/corpus/`, described in its README), one
//! test per phenomenon the engine must read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;
use verbatim::model::{Analysis, ChangeClass, GroupFlag, Quote};
use verbatim::{AnalyzeOptions, analyze, ingest};

fn corpus() -> &'static Analysis {
    static ANALYSIS: OnceLock<Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| {
        let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let articles = paths
            .iter()
            .map(|p| ingest::load_path(p).unwrap())
            .collect();
        analyze(articles, &AnalyzeOptions::default())
    })
}

fn file_of(q: &Quote) -> String {
    corpus().article(&q.article_id).unwrap().path.clone()
}

/// The quotations of `file` whose text contains `words`.
fn quotes(file: &str, words: &str) -> Vec<&'static Quote> {
    corpus()
        .quotes
        .iter()
        .filter(|q| file_of(q).ends_with(file) && q.text.contains(words))
        .collect()
}

fn one(file: &str, words: &str) -> &'static Quote {
    let found = quotes(file, words);
    assert_eq!(
        found.len(),
        1,
        "{file}: {words:?} found {} times",
        found.len()
    );
    found[0]
}

fn speaker(file: &str, words: &str) -> String {
    one(file, words).speaker.clone().unwrap_or_default()
}

fn group_of(q: &Quote) -> &'static verbatim::Group {
    corpus()
        .groups
        .iter()
        .find(|g| g.members.iter().any(|m| m.quote_id == q.quote_id))
        .unwrap()
}

#[test]
fn reversed_marks_are_read() {
    assert!(
        one("a2_local_tv.txt", "No one was killed")
            .text
            .starts_with("No one was killed")
    );
}

#[test]
fn british_single_quotes_among_apostrophes() {
    let q = one("a4_british.txt", "No one was killed");
    assert!(!q.text.contains('\''), "{}", q.text);
    assert!(
        quotes("a4_british.txt", "precautionary").is_empty(),
        "a scare quote is not a quotation"
    );
}

#[test]
fn german_and_french_marks() {
    assert!(!quotes("b2_german.txt", "4.5 billion euros").is_empty());
    assert!(!quotes("b3_french.txt", "45 billion euros").is_empty());
}

#[test]
fn headline_quotes_are_not_quotations() {
    assert!(quotes("b3_french.txt", "Lisbon pact").is_empty());
}

#[test]
fn repeated_body_gives_each_quotation_once() {
    let article = corpus()
        .articles
        .iter()
        .find(|a| a.path.ends_with("a3_aggregator.txt"))
        .unwrap();
    assert!(
        article.warnings.iter().any(|w| w.contains("repeated copy")),
        "{:?}",
        article.warnings
    );
    let per_text = corpus()
        .quotes
        .iter()
        .filter(|q| q.article_id == article.article_id);
    let mut texts: Vec<&str> = per_text.map(|q| q.text.as_str()).collect();
    let before = texts.len();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), before);
}

#[test]
fn read_also_lines_are_boilerplate() {
    let article = corpus()
        .articles
        .iter()
        .find(|a| a.path.ends_with("a3_aggregator.txt"))
        .unwrap();
    assert!(!article.text.contains("Read also:"));
}

#[test]
fn attribution_inside_an_unclosed_quotation_splits_it() {
    let parts = quotes("a2_local_tv.txt", "Okonjo said");
    assert!(
        parts.is_empty(),
        "the attribution is not part of a quotation"
    );
}

#[test]
fn dash_attribution() {
    assert_eq!(
        speaker("a2_local_tv.txt", "Nobody has told us"),
        "Karen Doyle"
    );
}

#[test]
fn role_resolves_to_the_named_holder() {
    assert_eq!(
        speaker("b1_wire.txt", "3 million passengers"),
        "Marc Delorme"
    );
}

#[test]
fn surname_expands_to_the_full_name() {
    assert_eq!(speaker("b1_wire.txt", "4.5 billion euros"), "Marc Delorme");
}

#[test]
fn pronoun_resolves_by_gender() {
    let q = one("a5_blog.txt", "300 Guard members");
    assert_eq!(q.speaker.as_deref(), Some("Victor Strand"));
    assert_eq!(q.speaker_as_written.as_deref(), Some("he"));
}

#[test]
fn organisation_speaker() {
    assert_eq!(
        speaker("b1_wire.txt", "common booking"),
        "Continental Rail Forum"
    );
}

#[test]
fn splice_is_split_and_flagged() {
    let parts = quotes("b4_british.txt", "");
    let spliced: Vec<_> = parts.iter().filter(|q| q.spliced).collect();
    assert!(spliced.len() >= 2, "a splice gives two parts");
    assert!(group_of(spliced[0]).flags.contains(&GroupFlag::Splice));
}

#[test]
fn translations_group_with_their_original() {
    let german = one("b2_german.txt", "4.5 billion euros");
    let wire = one("b1_wire.txt", "4.5 billion euros");
    assert_eq!(group_of(german).group_id, group_of(wire).group_id);
}

#[test]
fn changed_number_is_classed_and_flagged() {
    let french = one("b3_french.txt", "45 billion euros");
    let group = group_of(french);
    assert!(
        group.flags.contains(&GroupFlag::NumberChange),
        "{:?}",
        group.flags
    );
    let member = group
        .members
        .iter()
        .find(|m| m.quote_id == french.quote_id)
        .unwrap();
    assert!(
        member
            .diff
            .iter()
            .any(|op| op.class == Some(ChangeClass::Number) && op.text.contains("45"))
    );
}

#[test]
fn number_words_equal_digits() {
    let german = one("b2_german.txt", "three million");
    let member = group_of(german)
        .members
        .iter()
        .find(|m| m.quote_id == german.quote_id)
        .unwrap();
    assert!(
        !member
            .diff
            .iter()
            .any(|op| op.class == Some(ChangeClass::Number)),
        "three million = 3 million"
    );
}

#[test]
fn dropped_negation_is_flagged() {
    let q = one("a2_local_tv.txt", "private wells");
    assert!(group_of(q).flags.contains(&GroupFlag::NegationChange));
}

#[test]
fn misattribution_is_a_speaker_conflict() {
    let q = one("b5_roundup.txt", "For the first time");
    assert_eq!(
        q.speaker.as_deref(),
        Some("Marc Delorme"),
        "the source's own attribution is kept"
    );
    assert!(
        group_of(q).flags.contains(&GroupFlag::SpeakerConflict),
        "{:?}",
        group_of(q).flags
    );
}

use crate::support::news;

/// Generated coverage, read into articles.
fn coverage(articles: usize, seed: u64) -> Vec<verbatim::Article> {
    news::coverage(articles, seed)
        .iter()
        .map(|(name, text)| ingest::ingest_bytes(name, text.as_bytes()).unwrap())
        .collect()
}

#[test]
fn the_result_is_the_same_on_one_thread_and_on_four() {
    let articles = coverage(120, 7);
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let analysis = analyze(articles.clone(), &AnalyzeOptions::default());
            verbatim::report::json::to_string(&analysis)
        })
    };
    let one = on(1);
    assert!(one.contains("\"members\""));
    assert_eq!(one, on(4));
}

#[test]
fn generated_coverage_groups_the_versions_of_each_statement() {
    let analysis = analyze(coverage(200, 3), &AnalyzeOptions::default());
    assert!(
        analysis.quotes.len() > 400,
        "{} quotes",
        analysis.quotes.len()
    );
    // Every event's statements are quoted by several articles: most quotations have company,
    // and no group mixes events (each statement names its event's place).
    let grouped: usize = analysis
        .groups
        .iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| g.members.len())
        .sum();
    assert!(
        grouped * 10 >= analysis.quotes.len() * 8,
        "{grouped} grouped"
    );
    for g in &analysis.groups {
        let places: std::collections::BTreeSet<&str> = g
            .members
            .iter()
            .filter_map(|m| analysis.quote(&m.quote_id))
            .filter_map(|q| q.text.split(" in ").nth(1))
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        assert!(places.len() <= 1, "{} mixes {places:?}", g.group_id);
    }
}

#[test]
fn six_reports_of_one_statement_are_one_group_even_with_a_surname_only() {
    // The blog names the mayor by surname alone and shares no other name with the rest.
    let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/six_sources")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let articles: Vec<_> = paths
        .iter()
        .map(|p| ingest::load_path(p).unwrap())
        .collect();
    let analysis = analyze(articles, &AnalyzeOptions::default());
    let sizes: Vec<usize> = analysis.groups.iter().map(|g| g.members.len()).collect();
    assert_eq!(sizes, [6]);
    // "Calloway" and "Ines Calloway" are one speaker, not a conflict.
    let flags = &analysis.groups[0].flags;
    assert!(!flags.contains(&GroupFlag::SpeakerConflict), "{flags:?}");
}
