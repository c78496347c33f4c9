//! Word lists the comparison keys use: stop words, negation words and a general table of
//! country and organisation aliases.
//!
//! The words are data in [`crate::lexicon`]. Kept by hand: the stop-word crates carry far larger
//! lists than grouping needs, and no crate offers acronym aliases ("UK" = "Britain"); keshvar
//! has country names but no acronyms.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Whether a case-folded word is a stop word.
pub fn is_stop_word(key: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| crate::lexicon::entries(crate::lexicon::STOP_WORDS).collect());
    SET.contains(key)
}

/// Whether a case-folded word (apostrophes unified to `'`) negates.
pub fn is_negation(key: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| crate::lexicon::entries(crate::lexicon::NEGATIONS).collect());
    SET.contains(key) || key.ends_with("n't")
}

/// Countries and organisations under their other names: the canonical name first, then the
/// variants. A variant written without lower-case letters (an acronym) only matches text
/// written the same way, so "US" is not "us" and "WHO" is not "who".
pub static ALIASES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(crate::lexicon::aliases);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negations_include_contractions() {
        assert!(is_negation("don't"));
        assert!(is_negation("never"));
        assert!(is_negation("cannot"));
        assert!(!is_negation("note"));
    }

    #[test]
    fn canonical_names_are_lower_case_and_unique() {
        let mut names: Vec<&str> = ALIASES.iter().map(|(c, _)| *c).collect();
        assert!(names.iter().all(|c| c.to_lowercase() == *c));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALIASES.len());
    }
}
