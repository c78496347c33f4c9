use super::*;
use crate::model::QuoteKind;

fn quote(article: &str, text: &str) -> Quote {
    Quote {
        article_id: article.to_string(),
        text: text.to_string(),
        ..Quote::default()
    }
}

fn partial(article: &str, text: &str) -> Quote {
    Quote {
        kind: QuoteKind::Partial,
        ..quote(article, text)
    }
}

const LOAN_A: &str = "Tricks like the loan requested by this banker show that Dravik is turning \
                      to lenders of last resort like Estrania and the United Kingdom.";
const LOAN_B: &str = "Manoeuvres like the bridge loan pursued by this banker show that Dravik is \
                      turning to creditors of last resort like Estrania and Britain.";
const LOAN_C: &str = "Ploys like this banker's bridge loan show that Dravik is turning to \
                      creditors of last resort, like Estrania and the UK.";
const TOPIC_D: &str = "Estrania keeps buying fuel from Britain, and the loan talks should worry \
                       every investor.";
const TOPIC_E: &str = "Britain shipped more fuel to Estrania this month than in any month of the \
                       past year.";

#[test]
fn translated_versions_group_together() {
    let quotes = [
        quote("a1", LOAN_A),
        quote("a2", LOAN_B),
        quote("a3", LOAN_C),
    ];
    assert_eq!(group(&quotes), vec![vec![0, 1, 2]]);
}

#[test]
fn topical_but_different_statements_stay_apart() {
    let quotes = [
        quote("a1", LOAN_A),
        quote("a2", TOPIC_D),
        quote("a3", TOPIC_E),
        quote(
            "a4",
            "Dravik said the loan from Estrania would be repaid long before Britain asks.",
        ),
    ];
    assert_eq!(group(&quotes), vec![vec![0], vec![1], vec![2], vec![3]]);
}

#[test]
fn fragment_goes_with_its_full_quotation() {
    let quotes = [
        quote("a1", LOAN_A),
        quote("a2", TOPIC_D),
        quote("a3", LOAN_B),
        partial("a4", "lenders of last resort"),
        quote("a5", LOAN_C),
    ];
    assert_eq!(group(&quotes), vec![vec![0, 2, 3, 4], vec![1]]);
}

#[test]
fn one_article_holds_one_member_unless_repeated() {
    let quotes = [
        quote(
            "a1",
            "The new tunnel will open to lorries in early March, the agency confirmed.",
        ),
        quote(
            "a1",
            "The new tunnel will open to lorries in early April, the agency confirmed.",
        ),
        quote(
            "a2",
            "The new tunnel will open to lorries in early March, the agency confirmed.",
        ),
        quote("a2", "tunnel will open to lorries in early March"),
    ];
    let groups = group(&quotes);
    assert_eq!(groups, vec![vec![0, 2, 3], vec![1]]);
}

#[test]
fn same_speaker_is_not_required() {
    let mut a = quote("a1", LOAN_A);
    let mut b = quote("a2", LOAN_B);
    a.speaker = Some("Lina Ostrova".into());
    b.speaker = Some("Piet Varga".into());
    assert_eq!(group(&[a, b]), vec![vec![0, 1]]);
}

#[test]
fn changed_number_still_groups() {
    let quotes = [
        quote(
            "a1",
            "We have moved 9,000 families out of the flood zone since Sunday night.",
        ),
        quote(
            "a2",
            "We have moved 900 families out of the flood zone since Sunday night.",
        ),
    ];
    assert_eq!(group(&quotes), vec![vec![0, 1]]);
}

#[test]
fn every_quote_is_in_exactly_one_group() {
    let texts = [
        LOAN_A,
        LOAN_B,
        LOAN_C,
        TOPIC_D,
        TOPIC_E,
        "",
        "Yes.",
        "lenders of last resort",
    ];
    let quotes: Vec<Quote> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| quote(&format!("a{}", i % 3), t))
        .collect();
    let mut seen: Vec<usize> = group(&quotes).into_iter().flatten().collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..quotes.len()).collect::<Vec<_>>());
}

#[test]
fn lcs_counts_terms_in_order() {
    assert_eq!(lcs(&[1, 2, 3, 4], &[2, 9, 4, 1]), 2);
    assert_eq!(lcs(&[], &[1]), 0);
}

#[test]
fn many_quotes_group_without_scoring_all_pairs() {
    // Distinct sentences from a small vocabulary: candidates stay far below n².
    let words = [
        "harbour", "ferry", "council", "budget", "storm", "school", "bridge", "tunnel",
    ];
    let quotes: Vec<Quote> = (0..2000)
        .map(|i| {
            let text = format!(
                "{} {} {} item{} code{} ref{}",
                words[i % 8],
                words[(i / 8) % 8],
                words[(i / 64) % 8],
                i,
                i * 7,
                i * 13
            );
            quote(&format!("a{}", i % 50), &text)
        })
        .collect();
    let stories = Stories::unknown();
    let index = Index::new(&quotes, &stories);
    // Each quotation proposes a bounded number of pairs, whatever the size of the set.
    assert!(index.candidates().len() <= quotes.len() * candidates::PER_QUOTE);
    assert_eq!(group(&quotes).len(), quotes.len());
}

#[test]
fn negated_short_statement_groups_with_original() {
    let quotes = [
        quote("a1", "We will not raise taxes."),
        quote("a2", "We will raise taxes."),
    ];
    assert_eq!(group(&quotes), vec![vec![0, 1]]);
}

#[test]
fn short_quotes_sharing_one_word_stay_apart() {
    let quotes = [
        quote("a1", "Taxes are too high."),
        quote("a2", "We will cut taxes for farmers."),
    ];
    assert_eq!(group(&quotes), vec![vec![0], vec![1]]);
}

/// Versions of five statements (reworded as translations reword) among topical sentences that
/// share their words but say something else.
fn story() -> Vec<Quote> {
    let versions: [&[&str]; 5] = [
        &[
            "We are deeply concerned about the growing cooperation between these two \
             governments, which threatens the security of the whole region.",
            "We are very worried about the increasing cooperation between the two governments, \
             which endangers the security of the entire region.",
        ],
        &[
            "The harbour authority will not allow any tanker to dock until the spill has been \
             fully contained.",
            "No tanker will be allowed to dock by the port authority until the spill is \
             completely contained.",
        ],
        &[
            "Estrania has sent at least 9,000 rockets to the front since the spring, according \
             to our estimates.",
            "By our estimates, Estrania has delivered at least 9,000 rockets to the front line \
             since spring.",
            "Estrania has shipped no fewer than 900 rockets to the front since the spring, by \
             our estimates.",
        ],
        &[
            "This is a desperate attempt by a government that has run out of friends and out \
             of options.",
            "It is a desperate move by a government that has run out of both friends and \
             options.",
            "What we see is the desperation of a government with no friends and no options left.",
        ],
        &[
            "The minister said the new border checks would start in March and cost about 40 \
             million euros.",
            "The new border checks will begin in March and will cost around 40 million euros.",
        ],
    ];
    let topical = [
        "Estrania continues to receive rockets from its neighbours, and the front is moving east.",
        "The government of Estrania has run out of rockets, our estimates show.",
        "Security in the region depends on cooperation between all governments.",
        "The harbour will reopen to tankers in March, the authority said.",
        "We have no options left but to close the border to all tankers.",
        "Both governments signed a new security agreement in the spring.",
    ];
    let mut quotes = Vec::new();
    for family in versions {
        for (i, text) in family.iter().enumerate() {
            quotes.push(quote(&format!("a{i}"), text));
        }
    }
    for (i, text) in topical.iter().enumerate() {
        quotes.push(quote(&format!("a{}", 10 + i), text));
    }
    quotes
}

#[test]
fn reworded_versions_group_among_topical_sentences() {
    let groups = group(&story());
    for family in [
        vec![0, 1],
        vec![2, 3],
        vec![4, 5, 6],
        vec![7, 8, 9],
        vec![10, 11],
    ] {
        assert!(
            groups.contains(&family),
            "{family:?} not grouped in {groups:?}"
        );
    }
    for topical in 12..18 {
        assert!(
            groups.contains(&vec![topical]),
            "{topical} grouped in {groups:?}"
        );
    }
}

#[test]
fn a_changed_number_does_not_keep_versions_apart() {
    let quotes = [
        quote(
            "a1",
            "The lease requires 95 percent of the berths to stay open, and we expect them to keep it whether the strike ends or not.",
        ),
        quote(
            "a2",
            "The lease requires 90 percent of the berths to stay open,",
        ),
    ];
    let groups = group(&quotes);
    assert_eq!(groups.len(), 1, "{groups:?}");
}

/// Two articles that share no story (one names the speaker by surname only, and little else).
fn unrelated_articles() -> Vec<Article> {
    let article = |id: &str, title: &str, text: &str| Article {
        article_id: id.into(),
        title: title.into(),
        text: text.into(),
        ..Article::default()
    };
    vec![
        article(
            "a1",
            "Harbour fees frozen",
            "Mayor Ada Okafor met traders at Brennick quay on Friday.",
        ),
        article(
            "a2",
            "What the mayor promised",
            "The mayor was clear on Thursday, Okafor said.",
        ),
    ]
}

#[test]
fn a_surname_alone_joins_the_full_name_across_stories() {
    let stories = stories(&unrelated_articles());
    let said = |article: &str, speaker: &str| Quote {
        speaker: Some(speaker.into()),
        ..quote(
            article,
            "We will not raise the harbour fees this year, and the ferry stays free for pupils.",
        )
    };
    let quotes = [said("a1", "Ada Okafor"), said("a2", "Okafor")];
    assert_eq!(group_in_stories(&quotes, &stories), vec![vec![0, 1]]);
    // Another surname is another person: no shared story, no group.
    let quotes = [said("a1", "Ada Okafor"), said("a2", "Mensah")];
    assert_eq!(group_in_stories(&quotes, &stories), vec![vec![0], vec![1]]);
}

#[test]
fn a_short_statement_reworded_by_its_speaker_groups() {
    let said = |article: &str, speaker: &str, text: &str| Quote {
        speaker: Some(speaker.into()),
        ..quote(article, text)
    };
    // One word in five replaced: half the content terms in common, the words in place.
    let built = "I did not build more shelters before the storm by March.";
    let reworded = "I did not construct more shelters before the flood by March.";
    let quotes = [
        said("a1", "Ada Okafor", built),
        said("a2", "Okafor", reworded),
    ];
    assert_eq!(group(&quotes), vec![vec![0, 1]]);
    // The same words from two people share too little to be one statement.
    let quotes = [
        said("a1", "Ada Okafor", built),
        said("a2", "Ben Tull", reworded),
    ];
    assert_eq!(group(&quotes), vec![vec![0], vec![1]]);
    // Two statements made on one pattern keep too few words in place.
    let quotes = [
        said(
            "a1",
            "Ada Okafor",
            "Prices in the north will fall by March.",
        ),
        said(
            "a2",
            "Ada Okafor",
            "Schools in the north will close by March.",
        ),
    ];
    assert_eq!(group(&quotes), vec![vec![0], vec![1]]);
}
