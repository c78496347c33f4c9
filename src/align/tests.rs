use super::*;
use crate::model::ChangeClass as C;

fn quote(id: &str, text: &str) -> Quote {
    Quote {
        quote_id: id.to_string(),
        article_id: format!("a-{id}"),
        text: text.to_string(),
        ..Quote::default()
    }
}

/// The classes of `member`'s ops against `reference`.
fn classes_with(reference: &str, member: &str, options: &AlignOptions) -> Vec<C> {
    let (r, m) = (quote("r", reference), quote("m", member));
    let group = build_group("g".into(), &[&r, &m], Some(0), options);
    group.members[1]
        .diff
        .iter()
        .filter_map(|op| op.class)
        .collect()
}

fn classes(reference: &str, member: &str) -> Vec<C> {
    classes_with(reference, member, &AlignOptions::default())
}

fn group_of(texts: &[&str], reference: Option<usize>) -> Group {
    let quotes: Vec<Quote> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| quote(&format!("q{}", i + 1), t))
        .collect();
    let refs: Vec<&Quote> = quotes.iter().collect();
    build_group("g1".into(), &refs, reference, &AlignOptions::default())
}

#[test]
fn identical_texts_have_one_equal_op() {
    let group = group_of(
        &["The ferry leaves at noon.", "The ferry leaves at noon."],
        Some(0),
    );
    let diff = &group.members[1].diff;
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].op, OpKind::Equal);
    assert_eq!(diff[0].class, None);
}

#[test]
fn punctuation_case_and_quote_marks_are_punctuation() {
    assert_eq!(
        classes("It’s over, truly.", "it's over truly!"),
        vec![C::Punctuation; 3]
    );
    assert_eq!(
        classes("We sent 9,000 tents.", "We sent 9000 tents."),
        vec![C::Punctuation]
    );
}

#[test]
fn changed_number_is_number() {
    assert_eq!(
        classes("We sent 9,000 tents.", "We sent 900 tents."),
        vec![C::Number]
    );
    assert_eq!(
        classes("It grew 4.5 percent.", "It grew 45 percent."),
        vec![C::Number]
    );
    assert_eq!(
        classes("Two dozen boats left.", "24 boats left."),
        Vec::<C>::new()
    );
}

#[test]
fn negation_on_one_side_is_negation() {
    assert_eq!(
        classes("We will raise fees.", "We will not raise fees."),
        vec![C::Negation]
    );
    assert_eq!(
        classes("We never said that.", "We always said that."),
        vec![C::Negation]
    );
    assert_eq!(
        classes("We did not say that.", "We didn't say that."),
        vec![C::Paraphrase]
    );
}

#[test]
fn negation_outranks_number() {
    assert_eq!(
        classes("They sent 40 trucks.", "They sent no trucks."),
        vec![C::Negation]
    );
}

#[test]
fn different_name_is_name() {
    assert_eq!(
        classes(
            "Aid went to Estrania and North Korea.",
            "Aid went to Estrania and the DPRK."
        ),
        vec![C::Name]
    );
    assert_eq!(
        classes("She met Marta Lind today.", "She met Anna Berg today."),
        vec![C::Name]
    );
    assert_eq!(
        classes("Aid from the U.S. arrived.", "Aid from the US arrived."),
        vec![C::Punctuation]
    );
}

#[test]
fn declared_equivalence_is_equal() {
    let options = AlignOptions {
        equivalences: vec![("the DPRK".into(), "north korea".into())],
    };
    let found = classes_with(
        "Aid went to Estrania and North Korea.",
        "Aid went to Estrania and the DPRK.",
        &options,
    );
    assert_eq!(found, Vec::<C>::new());
}

#[test]
fn deleted_words_are_omission_and_inserted_are_addition() {
    assert_eq!(
        classes("The old mill will close soon.", "The mill will close soon."),
        vec![C::Omission]
    );
    assert_eq!(
        classes("The mill will close soon.", "The old mill will close soon."),
        vec![C::Addition]
    );
}

#[test]
fn other_words_are_paraphrase() {
    assert_eq!(
        classes(
            "Ploys like this show our limits.",
            "Schemes like this show our limits."
        ),
        vec![C::Paraphrase]
    );
}

#[test]
fn reference_is_most_central_then_longest_then_first() {
    let group = group_of(
        &[
            "The dam held overnight.",
            "The dam held firm overnight, he said.",
            "The dam held firm overnight.",
        ],
        None,
    );
    assert_eq!(group.reference, "q3");
    assert_eq!(group.members[0].quote_id, "q3");
    assert!(group.members[0].diff.is_empty());
    let tie = group_of(&["The dam held.", "The dam held firm."], None);
    assert_eq!(tie.reference, "q2");
    let same = group_of(&["The dam held.", "The dam held."], None);
    assert_eq!(same.reference, "q1");
}

#[test]
fn a_trimmed_version_is_not_the_reference_while_a_fuller_one_is_there() {
    let full = "Households will not face rationing this summer, but every garden hose in the \
                region will have to be turned off from Monday.";
    let group = group_of(
        &[
            "Households will not face rationing this summer.",
            full,
            "Households will not face rationing this summer,",
            "will not suffer rationing this summer",
        ],
        None,
    );
    assert_eq!(group.reference, "q2");
    assert!(
        group.flags.contains(&GroupFlag::Truncated),
        "{:?}",
        group.flags
    );
}

#[test]
fn caller_reference_is_kept() {
    let group = group_of(
        &["The dam held.", "The dam held firm.", "The dam held firm."],
        Some(0),
    );
    assert_eq!(group.reference, "q1");
    let ids: Vec<&str> = group.members.iter().map(|m| m.quote_id.as_str()).collect();
    assert_eq!(ids, vec!["q1", "q2", "q3"]);
}

#[test]
fn speaker_conflict_ignores_unknown_speakers() {
    let mut quotes: Vec<Quote> = ["q1", "q2", "q3"]
        .iter()
        .map(|id| quote(id, "The dam held."))
        .collect();
    quotes[0].speaker = Some("Ida Holm".into());
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = build_group("g".into(), &refs, Some(0), &AlignOptions::default());
    assert!(!group.flags.contains(&GroupFlag::SpeakerConflict));
    // The surname alone is the same person.
    quotes[1].speaker = Some("Holm".into());
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = build_group("g".into(), &refs, Some(0), &AlignOptions::default());
    assert!(!group.flags.contains(&GroupFlag::SpeakerConflict));
    quotes[2].speaker = Some("Oskar Rue".into());
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = build_group("g".into(), &refs, Some(0), &AlignOptions::default());
    assert_eq!(group.flags, vec![GroupFlag::SpeakerConflict]);
}

#[test]
fn group_speaker_is_most_common_then_reference() {
    let mut quotes: Vec<Quote> = ["q1", "q2", "q3"]
        .iter()
        .map(|id| quote(id, "The dam held."))
        .collect();
    quotes[0].speaker = Some("Ida Holm".into());
    quotes[1].speaker = Some("Oskar Rue".into());
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = build_group("g".into(), &refs, Some(1), &AlignOptions::default());
    assert_eq!(group.speaker.as_deref(), Some("Oskar Rue"));
    quotes[2].speaker = Some("Ida Holm".into());
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = build_group("g".into(), &refs, Some(1), &AlignOptions::default());
    assert_eq!(group.speaker.as_deref(), Some("Ida Holm"));
}

#[test]
fn number_and_negation_flags_follow_ops() {
    let group = group_of(
        &[
            "We moved 300 families.",
            "We moved 30 families.",
            "We never moved families.",
        ],
        Some(0),
    );
    assert_eq!(
        group.flags,
        vec![GroupFlag::NumberChange, GroupFlag::NegationChange]
    );
}

#[test]
fn spliced_member_flags_splice() {
    let a = quote("q1", "The dam held.");
    let b = Quote {
        spliced: true,
        ..quote("q2", "The dam held.")
    };
    let group = build_group("g".into(), &[&a, &b], Some(0), &AlignOptions::default());
    assert_eq!(group.flags, vec![GroupFlag::Splice]);
}

#[test]
fn truncated_member_or_short_cover_flags_truncated() {
    let a = quote("q1", "The dam held.");
    let b = Quote {
        truncated: true,
        ..quote("q2", "The dam held.")
    };
    let group = build_group("g".into(), &[&a, &b], Some(0), &AlignOptions::default());
    assert_eq!(group.flags, vec![GroupFlag::Truncated]);
    let cut = group_of(
        &[
            "The new dam held firm through three nights of record rain upstream.",
            "The new dam held firm",
        ],
        Some(0),
    );
    assert_eq!(cut.flags, vec![GroupFlag::Truncated]);
    let nearly = group_of(
        &[
            "The new dam held firm through three nights of record rain.",
            "The new dam held firm through three nights of rain.",
        ],
        Some(0),
    );
    assert!(nearly.flags.is_empty());
}

#[test]
fn single_member_group_has_reference_only() {
    let group = group_of(&["Alone here."], None);
    assert_eq!(group.reference, "q1");
    assert_eq!(group.members.len(), 1);
    assert!(group.members[0].diff.is_empty());
    assert!(group.flags.is_empty());
    // A lone version keeps its speaker and its own flags.
    let alone = Quote {
        speaker: Some("Ada Okafor".into()),
        truncated: true,
        spliced: true,
        ..quote("q7", "We will not close it.")
    };
    let group = build_group("g".into(), &[&alone], None, &AlignOptions::default());
    assert_eq!(group.reference, "q7");
    assert_eq!(group.speaker.as_deref(), Some("Ada Okafor"));
    assert_eq!(group.flags, vec![GroupFlag::Splice, GroupFlag::Truncated]);
}

#[test]
fn ops_carry_exact_text_and_spacing() {
    let group = group_of(
        &["We will  raise fees.", "We will not raise fees!"],
        Some(0),
    );
    let diff = &group.members[1].diff;
    let text: String = diff.iter().map(|op| op.text.as_str()).collect();
    let reference: String = diff.iter().map(|op| op.ref_text.as_str()).collect();
    assert_eq!(text, "We will not raise fees!");
    assert_eq!(reference, "We will  raise fees.");
}

#[test]
fn dropped_number_is_number_but_dropped_clause_is_omission() {
    assert_eq!(
        classes("We sent 9,000 tents.", "We sent tents."),
        vec![C::Number]
    );
    assert_eq!(
        classes("The dam held for three nights of rain.", "The dam held."),
        vec![C::Omission]
    );
}

#[test]
fn dropped_name_inside_is_name_but_cut_at_the_end_is_omission() {
    assert_eq!(
        classes(
            "Aid went to Estrania and Marta Lind yesterday.",
            "Aid went to Estrania yesterday."
        ),
        vec![C::Name]
    );
    assert_eq!(
        classes(
            "Aid went to Estrania and Marta Lind.",
            "Aid went to Estrania"
        ),
        vec![C::Omission]
    );
}

#[test]
fn percent_sign_and_word_are_equal() {
    assert_eq!(
        classes("Prices rose 5 percent.", "Prices rose 5%."),
        Vec::<C>::new()
    );
}

#[test]
fn sentence_initial_word_is_a_name_when_another_version_names_it() {
    let group = group_of(
        &[
            "Estrania has sent rockets, and Estrania will send more.",
            "Arvonia has sent rockets, and Estrania will send more.",
        ],
        Some(0),
    );
    let classes: Vec<C> = group.members[1]
        .diff
        .iter()
        .filter_map(|op| op.class)
        .collect();
    assert_eq!(classes, vec![C::Name]);
}

#[test]
fn replaced_wording_around_a_number_is_split_at_the_number() {
    assert_eq!(
        classes(
            "They sent at least 9,000 rockets.",
            "They shipped no fewer than 900 rockets."
        ),
        vec![C::Paraphrase, C::Number]
    );
}

#[test]
fn dropped_clause_holding_a_negation_is_an_omission() {
    let got = classes(
        "Levels fell to a low, and we cannot wait for the autumn rains to fix this.",
        "Levels fell to a low.",
    );
    assert!(got.contains(&C::Omission), "{got:?}");
    assert!(!got.contains(&C::Negation), "{got:?}");
}
