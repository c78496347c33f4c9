//! Word lists the comparison keys use: stop words, negation words and a general table of
//! country and organisation aliases.
//!
//! Kept by hand: the stop-word crates carry far larger lists than grouping needs, and no crate
//! offers acronym aliases ("UK" = "Britain"); keshvar has country names but no acronyms.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// English function words that carry little of a statement's content.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "let", "like", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
    "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your", "yours", "yourself", "yourselves", "i'm", "it's", "we're", "we've", "we'll",
    "they're", "that's", "there's", "he's", "she's", "i've", "i'll", "you're", "de", "la", "le",
    "el", "les", "los", "et", "y", "que",
];

/// Words that negate a clause; a negation present on one side only flips a statement.
#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "nowhere", "ne", "pas", "jamais", "nunca", "nicht", "kein", "keine",
];

/// Whether a case-folded word is a stop word.
pub fn is_stop_word(key: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    SET.contains(key)
}

/// Whether a case-folded word (apostrophes unified to `'`) negates.
pub fn is_negation(key: &str) -> bool {
    NEGATIONS.contains(&key) || key.ends_with("n't")
}

/// Countries and organisations under their other names: the canonical name first, then the
/// variants. A variant written without lower-case letters (an acronym) only matches text
/// written the same way, so "US" is not "us" and "WHO" is not "who".
#[rustfmt::skip]
pub const ALIASES: &[(&str, &[&str])] = &[
    ("united states", &["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America", "the US", "the U.S.", "the United States"]),
    ("united kingdom", &["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the UK", "the U.K.", "the United Kingdom"]),
    ("european union", &["EU", "E.U.", "European Union", "the EU", "the European Union"]),
    ("united nations", &["UN", "U.N.", "United Nations", "the UN", "the U.N.", "the United Nations"]),
    ("north korea", &["North Korea", "DPRK", "the DPRK", "Democratic People's Republic of Korea", "the Democratic People's Republic of Korea"]),
    ("south korea", &["South Korea", "ROK", "the ROK", "Republic of Korea", "the Republic of Korea"]),
    ("china", &["China", "PRC", "the PRC", "People's Republic of China", "the People's Republic of China", "mainland China"]),
    ("taiwan", &["Taiwan", "Republic of China", "the Republic of China"]),
    ("russia", &["Russia", "Russian Federation", "the Russian Federation"]),
    ("iran", &["Iran", "Islamic Republic of Iran", "the Islamic Republic of Iran", "the Islamic Republic"]),
    ("soviet union", &["USSR", "the USSR", "Soviet Union", "the Soviet Union"]),
    ("united arab emirates", &["UAE", "the UAE", "United Arab Emirates", "the United Arab Emirates"]),
    ("netherlands", &["Netherlands", "the Netherlands", "Holland"]),
    ("myanmar", &["Myanmar", "Burma"]),
    ("czechia", &["Czechia", "Czech Republic", "the Czech Republic"]),
    ("turkey", &["Turkey", "Türkiye", "Turkiye"]),
    ("ivory coast", &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"]),
    ("dr congo", &["DRC", "the DRC", "DR Congo", "Democratic Republic of Congo", "the Democratic Republic of Congo", "Democratic Republic of the Congo", "the Democratic Republic of the Congo"]),
    ("eswatini", &["Eswatini", "Swaziland"]),
    ("vatican", &["Vatican", "the Vatican", "Holy See", "the Holy See"]),
    ("nato", &["NATO", "Nato", "North Atlantic Treaty Organization", "the North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"]),
    ("world health organization", &["WHO", "the WHO", "World Health Organization", "World Health Organisation", "the World Health Organization", "the World Health Organisation"]),
    ("international monetary fund", &["IMF", "the IMF", "International Monetary Fund", "the International Monetary Fund"]),
    ("world trade organization", &["WTO", "the WTO", "World Trade Organization", "the World Trade Organization"]),
    ("international atomic energy agency", &["IAEA", "the IAEA", "International Atomic Energy Agency", "the International Atomic Energy Agency", "UN nuclear watchdog", "the UN nuclear watchdog"]),
    ("international criminal court", &["ICC", "the ICC", "International Criminal Court", "the International Criminal Court"]),
    ("african union", &["AU", "the AU", "African Union", "the African Union"]),
    ("opec", &["OPEC", "Opec", "Organization of the Petroleum Exporting Countries"]),
    ("asean", &["ASEAN", "Asean", "Association of Southeast Asian Nations"]),
    ("world bank", &["World Bank", "the World Bank"]),
    ("european central bank", &["ECB", "the ECB", "European Central Bank", "the European Central Bank"]),
    ("federal reserve", &["Fed", "the Fed", "Federal Reserve", "the Federal Reserve"]),
    ("g7", &["G7", "G-7", "Group of Seven", "the Group of Seven"]),
    ("g20", &["G20", "G-20", "Group of 20", "Group of Twenty", "the Group of 20"]),
];

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
