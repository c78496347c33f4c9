//! Properties of grouping and alignment over whole quotation sets: every op list rebuilds both
//! texts, every quotation lands in exactly one group, and a small multi-article set groups and
//! classes as a reader would expect.

use proptest::prelude::*;
use verbatim::Quote;
use verbatim::align::{AlignOptions, build_group};
use verbatim::group::group;
use verbatim::model::{ChangeClass, GroupFlag, OpKind};
use verbatim::normalize;

fn quote(id: &str, article: &str, text: &str) -> Quote {
    Quote {
        quote_id: id.to_string(),
        article_id: article.to_string(),
        text: text.to_string(),
        ..Quote::default()
    }
}

/// Text built from pieces that stress tokenising: words, numbers, grouped digits, curly marks,
/// aliases, spacing runs and non-ASCII letters.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "the",
        "The",
        "dam",
        "held",
        "not",
        "never",
        "9,000",
        "9 000",
        "4.5",
        "two",
        "dozen",
        "twenty",
        "-",
        "five",
        "U.S.",
        "US",
        "the DPRK",
        "North Korea",
        ",",
        ".",
        "…",
        "“",
        "”",
        "’",
        "don’t",
        "Ça",
        "coûte",
        "  ",
        "\n",
        "\u{a0}",
        "Marta",
        "Lind",
        "%",
        "a",
        "half",
    ]);
    prop::collection::vec((piece, prop::bool::ANY), 0..24).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, space)| {
                if space {
                    format!("{p} ")
                } else {
                    p.to_string()
                }
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn ops_rebuild_both_texts(reference in text_strategy(), member in text_strategy()) {
        let (r, m) = (quote("q1", "a1", &reference), quote("q2", "a2", &member));
        let options = AlignOptions {
            equivalences: vec![("North Korea".into(), "the DPRK".into())],
        };
        let group = build_group("g1".into(), &[&r, &m], Some(0), &options);
        let diff = &group.members[1].diff;
        let text: String = diff.iter().map(|op| op.text.as_str()).collect();
        let ref_text: String = diff.iter().map(|op| op.ref_text.as_str()).collect();
        prop_assert_eq!(text, member);
        prop_assert_eq!(ref_text, reference);
        for op in diff {
            prop_assert_eq!(op.class.is_none(), op.op == OpKind::Equal);
        }
    }

    #[test]
    fn every_quote_is_in_exactly_one_group(texts in prop::collection::vec(text_strategy(), 0..30)) {
        let quotes: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| quote(&format!("q{i}"), &format!("a{}", i % 4), t))
            .collect();
        let groups = group(&quotes);
        let mut seen: Vec<usize> = groups.iter().flatten().copied().collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..quotes.len()).collect::<Vec<_>>());
        let firsts: Vec<usize> = groups.iter().filter_map(|g| g.first().copied()).collect();
        prop_assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn one_article_shares_a_group_only_by_repeating_words(
        texts in prop::collection::vec(text_strategy(), 0..30),
    ) {
        // Far apart in their articles: adjacent pieces of one split quotation may share a
        // group without sharing words, and that is not what this property is about.
        let quotes: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut q = quote(&format!("q{i}"), &format!("a{}", i % 3), t);
                q.span = i * 1000..i * 1000 + t.len();
                q
            })
            .collect();
        let keys = |i: usize| normalize::signature(&quotes[i].text).keys;
        for members in group(&quotes) {
            for (n, &a) in members.iter().enumerate() {
                for &b in &members[n + 1..] {
                    if quotes[a].article_id != quotes[b].article_id {
                        continue;
                    }
                    let (ka, kb) = (keys(a), keys(b));
                    let (short, long) = if ka.len() <= kb.len() { (ka, kb) } else { (kb, ka) };
                    prop_assert!(long.windows(short.len().max(1)).any(|w| w == short.as_slice()));
                }
            }
        }
    }
}

#[test]
fn three_reports_of_one_statement_group_and_class() {
    let quotes = [
        quote(
            "q1",
            "a1",
            "We will not reopen the northern ferry line before 2,000 inspections are done.",
        ),
        quote(
            "q2",
            "a1",
            "The harbour board met on Tuesday to discuss the winter timetable.",
        ),
        quote(
            "q3",
            "a2",
            "We will reopen the northern ferry line before 2,000 inspections are done.",
        ),
        quote(
            "q4",
            "a3",
            "We will not reopen the northern ferry line before 200 inspections are finished.",
        ),
        quote("q5", "a4", "reopen the northern ferry line"),
    ];
    let clusters = group(&quotes);
    assert_eq!(clusters, vec![vec![0, 2, 3, 4], vec![1]]);
    let members: Vec<&Quote> = clusters[0].iter().map(|&i| &quotes[i]).collect();
    let built = build_group("g1".into(), &members, None, &AlignOptions::default());
    assert_eq!(built.reference, "q1");
    assert_eq!(
        built.flags,
        vec![
            GroupFlag::NumberChange,
            GroupFlag::NegationChange,
            GroupFlag::Truncated
        ]
    );
    let classes = |id: &str| -> Vec<ChangeClass> {
        built
            .members
            .iter()
            .filter(|m| m.quote_id == id)
            .flat_map(|m| m.diff.iter().filter_map(|op| op.class))
            .collect()
    };
    assert_eq!(classes("q3"), vec![ChangeClass::Negation]);
    assert_eq!(
        classes("q4"),
        vec![ChangeClass::Number, ChangeClass::Paraphrase]
    );
}

#[test]
fn ten_thousand_quotes_group_quickly() {
    // Sentences of 8 to 32 words drawn from a skewed 3,000-word vocabulary, like the common and
    // rare words of real quotations.
    let mut seed: u64 = 42;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocabulary: Vec<String> = (0..3000).map(|i| format!("w{i}x")).collect();
    let quotes: Vec<Quote> = (0..10_000)
        .map(|i| {
            let len = 8 + (next() % 25) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| {
                    let u = (next() % 10_000) as f64 / 10_000.0;
                    vocabulary[(u * u * u * 3000.0) as usize].as_str()
                })
                .collect();
            quote(&format!("q{i}"), &format!("a{}", i % 200), &words.join(" "))
        })
        .collect();
    let start = std::time::Instant::now();
    let groups = group(&quotes);
    let elapsed = start.elapsed();
    assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), quotes.len());
    // Debug builds run this in a few seconds; release is many times faster.
    assert!(elapsed.as_secs_f64() < 20.0, "grouping took {elapsed:?}");
}

#[test]
fn copied_statements_across_many_articles_group_quickly() {
    // 200 statements, each reported by 50 articles: 10,000 quotations, 200 groups of 50.
    let subjects = [
        "ferry", "council", "budget", "storm", "school", "bridge", "tunnel", "clinic",
    ];
    let statement = |s: usize| {
        format!(
            "The {} board will review plan {} and decide on route {} before the vote in ward {}.",
            subjects[s % 8],
            s * 37 + 11,
            s * 53 + 7,
            s * 71 + 3
        )
    };
    let quotes: Vec<Quote> = (0..10_000)
        .map(|i| {
            let (s, article) = (i % 200, i / 200);
            quote(&format!("q{i}"), &format!("a{article}"), &statement(s))
        })
        .collect();
    let start = std::time::Instant::now();
    let groups = group(&quotes);
    let elapsed = start.elapsed();
    assert_eq!(groups.len(), 200);
    assert!(groups.iter().all(|g| g.len() == 50));
    assert!(elapsed.as_secs_f64() < 20.0, "grouping took {elapsed:?}");
}
