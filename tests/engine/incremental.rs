//! Adding articles one at a time equals analysing them all again: generated coverage added in
//! several orders, with and without the user's corrections, compared with a full analysis as
//! the JSON a report writes, byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use crate::support::news::{self, Rng};
use verbatim::corrections::{Correction, Corrections, EquivalenceScope, SpeakerScope};
use verbatim::pipeline::Extracted;
use verbatim::report::json;
use verbatim::{AnalyzeOptions, Article, analyze, ingest};

/// Articles in the set.
const ARTICLES: usize = 200;
/// Articles analysed at once before the rest are added one at a time.
const START: usize = 120;
/// A full analysis is compared after this many additions (and after the last).
const CHECK_EVERY: usize = 20;

fn coverage(seed: u64) -> Vec<Article> {
    news::coverage(ARTICLES, seed)
        .iter()
        .map(|(name, text)| ingest::ingest_bytes(name, text.as_bytes()).unwrap())
        .collect()
}

/// `items` in an order drawn from `seed` (Fisher–Yates).
fn shuffled<T>(mut items: Vec<T>, seed: u64) -> Vec<T> {
    let mut rng = Rng::new(seed);
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
    items
}

/// Corrections of every kind that acts on an analysis, made on the full set's analysis.
fn corrections(articles: &[Article]) -> Corrections {
    let analysis = analyze(articles.to_vec(), &AnalyzeOptions::default());
    let key = |quote_id: &str| {
        let q = analysis.quotes.iter().find(|q| q.quote_id == quote_id)?;
        let a = analysis
            .articles
            .iter()
            .find(|a| a.article_id == q.article_id)?;
        Some(q.key(a))
    };
    let shared: Vec<&verbatim::Group> = analysis
        .groups
        .iter()
        .filter(|g| g.members.len() >= 3)
        .collect();
    let member = |g: usize, m: usize| {
        shared
            .get(g)
            .and_then(|g| g.members.get(m))
            .and_then(|m| key(&m.quote_id))
            .unwrap()
    };
    let speaker = analysis
        .quotes
        .iter()
        .find_map(|q| q.speaker.clone())
        .unwrap();
    let items = vec![
        Correction::SetSpeaker {
            quote: member(0, 1),
            speaker: Some("Tamsin Okoro".into()),
            scope: SpeakerScope::Quote,
        },
        Correction::SameSpeaker {
            speaker,
            same_as: "Joined Speaker".into(),
        },
        Correction::MergeGroups {
            group_of: member(1, 0),
            with_group_of: member(2, 0),
        },
        Correction::SplitOff {
            quote: member(3, 1),
        },
        Correction::ChooseReference {
            quote: member(4, 2),
        },
        Correction::NotAQuote { span: member(5, 0) },
        Correction::Equivalent {
            wording: "repair".into(),
            same_as: "fix".into(),
            scope: EquivalenceScope::Group {
                member: member(6, 0),
            },
        },
    ];
    Corrections { items }
}

/// Adds `articles` after the first [`START`] one at a time, analysing after each, and compares
/// with a full analysis now and then.
fn added_one_at_a_time_equals_full(articles: Vec<Article>, options: &AnalyzeOptions) {
    let (first, rest) = articles.split_at(START);
    let mut extracted = Extracted::new(first.to_vec());
    let mut incremental = extracted.analyze(options);
    for (i, article) in rest.iter().enumerate() {
        extracted.add(article.clone());
        incremental = extracted.analyze(options);
        let added = i + 1;
        if added % CHECK_EVERY == 0 || added == rest.len() {
            let all = articles.get(..START + added).unwrap().to_vec();
            let full = analyze(all, options);
            assert_eq!(
                json::to_string(&incremental),
                json::to_string(&full),
                "after adding {added} articles one at a time"
            );
        }
    }
    assert_eq!(incremental.articles.len(), ARTICLES);
    assert!(incremental.groups.iter().any(|g| g.members.len() >= 3));
}

#[test]
fn articles_added_in_any_order_give_the_full_analysis() {
    for seed in [1, 2] {
        added_one_at_a_time_equals_full(
            shuffled(coverage(seed), seed + 10),
            &AnalyzeOptions::default(),
        );
    }
}

#[test]
fn corrections_and_speakers_hold_when_articles_are_added() {
    let articles = coverage(3);
    let options = AnalyzeOptions {
        corrections: corrections(&articles),
        ..AnalyzeOptions::default()
    };
    let articles = shuffled(articles, 7);
    added_one_at_a_time_equals_full(articles.clone(), &options);
    let full = analyze(articles, &options);
    // The corrections found what they name, and speakers were unified across articles.
    assert!(full.unapplied.len() < options.corrections.items.len());
    assert!(
        full.quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Joined Speaker"))
    );
    assert!(
        full.quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Tamsin Okoro"))
    );
}

#[test]
fn the_stories_kept_after_an_analysis_are_those_read_from_the_articles() {
    let articles: Vec<Article> = coverage(4).into_iter().take(60).collect();
    let (first, rest) = articles.split_at(40);
    let mut extracted = Extracted::new(first.to_vec());
    extracted.analyze(&AnalyzeOptions::default());
    for article in rest {
        extracted.add(article.clone());
    }
    // Before the next analysis the kept keys hold fewer articles: they are read again.
    let unanalysed = extracted.stories();
    let analysis = extracted.analyze(&AnalyzeOptions::default());
    let kept = extracted.stories();
    let fresh = verbatim::group::stories(&analysis.articles);
    let ids: Vec<&str> = analysis
        .articles
        .iter()
        .map(|a| a.article_id.as_str())
        .collect();
    let (mut shared, mut apart) = (0, 0);
    for a in &ids {
        for b in &ids {
            let want = fresh.shared(a, b);
            assert_eq!(kept.shared(a, b), want, "{a} and {b}");
            assert_eq!(
                unanalysed.shared(a, b),
                want,
                "{a} and {b}, before analysing"
            );
            if a != b {
                if want { shared += 1 } else { apart += 1 }
            }
        }
    }
    // Generated coverage tells several stories: some pairs share one, some do not.
    assert!(
        shared > 0 && apart > 0,
        "{shared} pairs share a story, {apart} do not"
    );
}
