//! Word lists as data: one `.txt` file per list in this folder, compiled in with
//! `include_str!`. One entry a line; a line starting with `#` is a comment. The rules that read
//! a list live with the rule ([`crate::speakers::lexicon`], [`crate::normalize`]); this module
//! only holds the words and reads them.

use rustc_hash::FxHashSet;

/// Verbs that report speech, in every form news prints them.
pub const SPEECH_VERBS: &str = include_str!("speech_verbs.txt");
/// Speech verbs of other languages the rules read.
pub const SPEECH_VERBS_FOREIGN: &str = include_str!("speech_verbs_foreign.txt");
/// Two-word speech verbs ("shot back"): the verb and the particle that must follow it.
pub const SPEECH_PHRASES: &str = include_str!("speech_phrases.txt");
/// Verbs that frame a quoted fragment as someone's words ("called it").
pub const FRAMING_VERBS: &str = include_str!("framing_verbs.txt");
/// Titles written before a name.
pub const TITLES: &str = include_str!("titles.txt");
/// Nouns naming what a speaker is.
pub const ROLE_NOUNS: &str = include_str!("role_nouns.txt");
/// Words that make a name an organisation's.
pub const ORG_WORDS: &str = include_str!("org_words.txt");
/// Documents that speak for their author.
pub const DOCUMENTS: &str = include_str!("documents.txt");
/// Men's given names.
pub const GIVEN_NAMES_MALE: &str = include_str!("given_names_male.txt");
/// Women's given names.
pub const GIVEN_NAMES_FEMALE: &str = include_str!("given_names_female.txt");
/// Capitalised words that never name a speaker.
pub const NOT_NAMES: &str = include_str!("not_names.txt");
/// Capitalised words that open a sentence or clause and never start a name.
pub const OPENERS: &str = include_str!("openers.txt");
/// English function words.
pub const STOP_WORDS: &str = include_str!("stop_words.txt");
/// Words that negate a clause.
pub const NEGATIONS: &str = include_str!("negations.txt");
/// Countries and organisations under their other names.
pub const ALIASES: &str = include_str!("aliases.txt");

/// Every plain list by file name, for checks.
pub const LISTS: &[(&str, &str)] = &[
    ("speech_verbs", SPEECH_VERBS),
    ("speech_verbs_foreign", SPEECH_VERBS_FOREIGN),
    ("speech_phrases", SPEECH_PHRASES),
    ("framing_verbs", FRAMING_VERBS),
    ("titles", TITLES),
    ("role_nouns", ROLE_NOUNS),
    ("org_words", ORG_WORDS),
    ("documents", DOCUMENTS),
    ("given_names_male", GIVEN_NAMES_MALE),
    ("given_names_female", GIVEN_NAMES_FEMALE),
    ("not_names", NOT_NAMES),
    ("openers", OPENERS),
    ("stop_words", STOP_WORDS),
    ("negations", NEGATIONS),
];

/// The entries of a list: trimmed lines, comments and blank lines left out.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of several lists as one set.
pub fn set_of(lists: &[&'static str]) -> FxHashSet<&'static str> {
    lists.iter().flat_map(|l| entries(l)).collect()
}

/// The alias table: each canonical name with its variants.
pub fn aliases() -> Vec<(&'static str, Vec<&'static str>)> {
    entries(ALIASES)
        .filter_map(|line| {
            let (canonical, variants) = line.split_once(':')?;
            Some((
                canonical.trim(),
                variants.split('|').map(str::trim).collect(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_list_parses_into_lower_case_unique_entries() {
        for (name, list) in LISTS {
            let words: Vec<&str> = entries(list).collect();
            assert!(words.len() >= 3, "{name} has {} entries", words.len());
            let mut seen = HashSet::new();
            for w in &words {
                assert_eq!(w.to_lowercase(), *w, "{name}: {w} is not lower case");
                assert!(!w.contains('\t'), "{name}: {w} holds a tab");
                assert!(seen.insert(*w), "{name}: {w} is listed twice");
            }
        }
    }

    #[test]
    fn speech_phrases_are_a_verb_and_a_particle() {
        for phrase in entries(SPEECH_PHRASES) {
            assert_eq!(phrase.split(' ').count(), 2, "{phrase}");
        }
    }

    #[test]
    fn every_alias_line_has_a_lower_case_canonical_name_and_variants() {
        let table = aliases();
        assert_eq!(table.len(), entries(ALIASES).count());
        let mut names = HashSet::new();
        for (canonical, variants) in &table {
            assert_eq!(canonical.to_lowercase(), *canonical);
            assert!(names.insert(*canonical), "{canonical} twice");
            assert!(!variants.is_empty() && variants.iter().all(|v| !v.is_empty()));
        }
    }
}
