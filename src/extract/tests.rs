//! Extraction end to end on short articles: what is a quotation, and whose.

use super::*;

pub(crate) fn article(text: &str) -> Article {
    Article {
        article_id: "a1".into(),
        text: text.to_string(),
        paragraphs: tests_support::paragraphs(text),
        offsets: crate::model::OffsetMap::identity(text.len()),
        byte_len: text.len(),
        ..Article::default()
    }
}

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    extract(&article(text))
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

#[test]
fn multi_paragraph_quote_takes_the_attribution_at_its_end() {
    let q = quotes(
        "“We are worried about the cost,\n\n“and about who will pay for it,” said opposition leader Rui Matos.",
    );
    assert_eq!(q.len(), 2);
    assert!(
        q.iter().all(|(_, s)| s.as_deref() == Some("Rui Matos")),
        "{q:?}"
    );
}

#[test]
fn a_short_sentence_quote_is_kept() {
    let q = quotes("“We expect growth,” Governor Luis Ortega said. “Inflation will fall.”");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].1.as_deref(), Some("Luis Ortega"));
}

#[test]
fn labelled_quotes_are_dropped_even_with_a_verb_nearby() {
    assert!(quotes("The board said it wanted a so-called “soft landing” this year.").is_empty());
}

#[test]
fn a_quoted_label_after_a_possessive_is_not_a_quotation() {
    assert!(
        quotes("Councillor Ana Ruiz said the estate’s “green zone” would bring jobs.").is_empty()
    );
}

#[test]
fn a_stray_opening_mark_mid_sentence_is_not_a_quotation() {
    assert!(
        quotes("The plant, which opened amid talk of ‘green jobs, employs 60 people.").is_empty()
    );
}

#[test]
fn scare_quotes_are_dropped() {
    assert!(quotes("The opposition called the plan a “vanity project” on Monday.").is_empty());
}

#[test]
fn attribution_in_the_next_paragraph() {
    let q = quotes(
        "“We welcome the decision of the council.”\n\nThe Transport Ministry said in a statement.",
    );
    assert_eq!(q[0].1.as_deref(), Some("Transport Ministry"));
}

#[test]
fn attribution_inside_an_unclosed_quotation_splits_it() {
    let q = quotes(
        "“Prices rose by a third this year. Finance Minister Jane Holt said in a statement. Markets like these show that the plan works. »",
    );
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Prices rose by a third this year.",
            "Markets like these show that the plan works."
        ]
    );
    assert!(q.iter().all(|(_, s)| s.as_deref() == Some("Jane Holt")));
}

#[test]
fn attribution_ending_a_sentence_inside_an_unclosed_quotation() {
    let q = quotes(
        "“Levels peaked on Sunday and have fallen since, Okafor said. We found no trace in the water.",
    );
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Levels peaked on Sunday and have fallen since",
            "We found no trace in the water."
        ]
    );
    assert!(
        q.iter().all(|(_, s)| s.as_deref() == Some("Okafor")),
        "{q:?}"
    );
}

#[test]
fn splice_splits_a_quotation() {
    let q = quotes(
        "“We will build the quay…As part of the plan, the city pays half,” Mayor Ana Ruiz said.",
    );
    assert_eq!(q.len(), 2);
    let parts = extract(&article(
        "“We will build the quay…As part of the plan, the city pays half,” Mayor Ana Ruiz said.",
    ));
    assert!(parts.iter().all(|p| p.spliced));
}

#[test]
fn pronoun_resolves_to_the_last_person_of_its_gender() {
    let q = quotes(
        "Mayor Ana Ruiz spoke first. Port chief Tom Varga spoke next.\n\n“We are ready,” she said.\n\n“So are we,” he said.",
    );
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(q[1].1.as_deref(), Some("Tom Varga"));
}

#[test]
fn role_resolves_to_the_named_holder() {
    let q = quotes(
        "Transport Department spokeswoman Lena Brandt said the line was safe.\n\n“There is no risk to passengers,” the spokeswoman said.",
    );
    assert_eq!(q[0].1.as_deref(), Some("Lena Brandt"));
}

#[test]
fn surname_expands_to_the_full_name() {
    let q = quotes(
        "Finance Minister Jane Holt met the unions.\n\n“We will not cut pensions,” Holt said.",
    );
    assert_eq!(q[0].1.as_deref(), Some("Jane Holt"));
}

#[test]
fn unattributed_quote_takes_the_previous_speaker() {
    let q = quotes(
        "“The first trams will run in spring,” Mayor Ana Ruiz said. “They will be free for a month.”",
    );
    assert_eq!(q[1].1.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn attribution_after_several_quotes_in_one_sentence() {
    let q = quotes(
        "Lee “confirmed the deal was ready” and, in talks with officials, “agreed to the terms,” said the Port Authority.",
    );
    assert_eq!(q.len(), 2);
    assert!(
        q.iter()
            .all(|(_, s)| s.as_deref() == Some("Port Authority")),
        "{q:?}"
    );
}

#[test]
fn according_to_before_a_partial_quote() {
    let q = quotes(
        "According to the Health Ministry, Ruritania “provided a few boats months before the war.” Others, meanwhile, maintain that this is untrue.",
    );
    assert_eq!(
        q,
        [(
            "provided a few boats months before the war.".to_string(),
            Some("Health Ministry".to_string())
        )]
    );
}

#[test]
fn titles_slogans_and_subheads_are_not_quotations() {
    for text in [
        "In her book “The Quiet Crash”, the economist Ada Fairweather argues that land is the problem.",
        "Protesters carried banners reading “Fair Fares Now” and “Hands Off Our Buses” through the city.",
        "Walk past any building site and you will see the banner: “Homes for Everyone by 2030.”",
        "Chief Wilfred Tsa’kwalas said the community was never consulted.\n\n‘We were never consulted’\n\nThe band will go to court.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
}

#[test]
fn a_short_fragment_framed_by_its_speaker_is_a_partial_quotation() {
    let q = quotes(
        "Opposition councillor Victor Hallam later called the vote “a stitch-up” on Tuesday.",
    );
    assert_eq!(
        q,
        [("a stitch-up".to_string(), Some("Victor Hallam".to_string()))]
    );
}

#[test]
fn doubled_single_marks_read_as_double_quotes() {
    let q = quotes(
        "‘‘This project has met every condition we set,’’ Environment Minister Josée Tremblay said.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Josée Tremblay"));
}

#[test]
fn an_apostrophe_s_does_not_open_a_quotation() {
    assert!(quotes("N.B.’s environment minister approved the mine on Tuesday.").is_empty());
}

#[test]
fn what_someone_calls_a_thing_is_a_label() {
    assert!(
        quotes(
            "What Meridian calls “right-sizing” will leave the yard with a handful of inspectors."
        )
        .is_empty()
    );
}

#[test]
fn a_sentence_about_someone_inside_a_quotation_stays_in_it() {
    let q = quotes(
        "“Nobody will lose their job,” said council spokeswoman Rosa Lind.\n\n“The contractor has agreed to pay for the repairs,” the spokeswoman said.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("Rosa Lind"));
}
