use super::*;

fn keys(text: &str) -> Vec<String> {
    units(text).into_iter().map(|u| u.key).collect()
}

fn rebuilt(text: &str) -> String {
    units(text)
        .iter()
        .map(|u| text.get(u.span.clone()).unwrap_or("<bad span>"))
        .collect()
}

#[test]
fn spans_tile_the_text() {
    for text in [
        "  Leading space, “curly” marks…  and trailing  ",
        "",
        "   ",
        "9 000 people — and 4.5 million more!",
        "Ça coûte 12 €, n’est-ce pas ?",
    ] {
        assert_eq!(rebuilt(text), text);
    }
}

#[test]
fn keys_fold_case_and_quote_marks() {
    assert_eq!(keys("Don’t"), keys("don't"));
    assert_eq!(keys("«Yes»"), keys("\"yes\""));
    assert_eq!(keys("It’s HERE"), vec!["it's", "here"]);
}

#[test]
fn punctuation_is_split_from_words() {
    let units = units("Stop, now!");
    let kinds: Vec<UnitKind> = units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        vec![
            UnitKind::Word,
            UnitKind::Punct,
            UnitKind::Word,
            UnitKind::Punct
        ]
    );
}

#[test]
fn digit_grouping_does_not_change_the_key() {
    assert_eq!(keys("9,000 troops"), keys("9000 troops"));
    assert_eq!(keys("9 000 troops"), keys("9000 troops"));
    assert_eq!(keys("nine thousand troops"), keys("9000 troops"));
    assert_ne!(keys("900 troops"), keys("9,000 troops"));
    assert_ne!(keys("4.5 tons"), keys("45 tons"));
}

#[test]
fn number_words_become_values() {
    assert_eq!(keys("two dozen boats"), keys("24 boats"));
    assert_eq!(keys("a dozen boats"), keys("12 boats"));
    assert_eq!(keys("twenty-five boats"), keys("25 boats"));
    assert_eq!(keys("twenty boats")[0], "#20");
    assert_eq!(keys("half the boats")[0], "#0.5");
}

#[test]
fn negations_are_marked() {
    let marked: Vec<String> = units("We didn't and never will, not without help")
        .into_iter()
        .filter(|u| u.negation)
        .map(|u| u.key)
        .collect();
    assert_eq!(marked, vec!["didn't", "never", "not", "without"]);
}

#[test]
fn aliases_share_a_canonical_name() {
    let alias = |text: &str| units(text).into_iter().find_map(|u| u.alias);
    assert_eq!(alias("talks with the DPRK"), Some("north korea"));
    assert_eq!(alias("talks with North Korea"), Some("north korea"));
    assert_eq!(
        alias("the Democratic People's Republic of Korea said"),
        Some("north korea")
    );
    assert_eq!(alias("aid from the U.S. today"), Some("united states"));
    assert_eq!(alias("aid from America"), Some("united states"));
    assert_eq!(alias("Britain and France"), Some("united kingdom"));
    assert_eq!(alias("the UN said"), Some("united nations"));
    assert_eq!(alias("rules of the European Union"), Some("european union"));
}

#[test]
fn acronym_aliases_need_capitals() {
    let alias = |text: &str| units(text).into_iter().find_map(|u| u.alias);
    assert_eq!(alias("give it to us"), None);
    assert_eq!(alias("those who left"), None);
    assert_eq!(alias("the WHO warned"), Some("world health organization"));
}

#[test]
fn alias_is_one_unit() {
    let units = units("Iran and the DPRK.");
    assert_eq!(units.len(), 4);
    assert_eq!(units.get(2).map(|u| u.key.as_str()), Some("the dprk"));
}

#[test]
fn names_are_capitalised_words_past_the_sentence_start() {
    let names: Vec<String> = units("Officials said Maria Lund met I think. Then Oslo")
        .into_iter()
        .filter(|u| u.name)
        .map(|u| u.key)
        .collect();
    assert_eq!(names, vec!["maria", "lund", "oslo"]);
}

#[test]
fn stems_match_inflections() {
    let stem = |text: &str| units(text).into_iter().next().map(|u| u.stem);
    assert_eq!(stem("launched"), stem("launching"));
    assert_eq!(stem("official's"), stem("official"));
}

#[test]
fn signature_keeps_content_and_numbers() {
    let sig = signature("We will send 9,000 of the new trucks to North Korea.");
    assert_eq!(
        sig.terms,
        vec!["send", "#9000", "new", "truck", "@north korea"]
    );
    assert_eq!(sig.numbers, vec!["#9000"]);
}

#[test]
fn merged_phrase_compares_as_one_unit() {
    let mut units = units("the old harbour bridge");
    let phrase = vec!["harbour".to_string(), "bridge".to_string()];
    merge_phrase(&mut units, &phrase, "=0");
    let keys: Vec<&str> = units.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, vec!["the", "old", "=0"]);
    assert_eq!(units.last().map(|u| u.span.clone()), Some(8..22));
}

#[test]
fn limiting_idioms_are_not_negations() {
    let negated = |text: &str| units(text).iter().any(|u| u.negation);
    assert!(!negated("no fewer than 900 rockets"));
    assert!(!negated("not only the port"));
    assert!(negated("no rockets"));
    assert!(negated("not the port"));
}

#[test]
fn a_negative_contraction_has_the_shape_of_its_two_words() {
    let stems = |text: &str| super::signature(text).stems;
    assert_eq!(stems("I don’t know"), stems("I do not know"));
    assert_eq!(stems("We won't stop"), stems("We will not stop"));
    assert_eq!(stems("They can't wait"), stems("They can not wait"));
    assert_ne!(stems("We won't stop"), stems("We want to stop"));
}
