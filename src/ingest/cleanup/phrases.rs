//! The phrase lists the boilerplate rules match on, each a data file in `phrases/` (one phrase
//! a line, lower case; lines starting with `#` say how the list is used). A line is matched
//! after lower-casing and trimming trailing `:` `.` `!`. Add phrases to the files, not to the
//! rules; the tests below check that every file parses into phrases the rules can match.

use std::sync::LazyLock;

/// A list read from its data file.
type Phrases = LazyLock<Vec<&'static str>>;

/// Phrases that, followed by `:`, `|` or a dash, make the line a link to another article.
pub(crate) static LINK_PREFIXES: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/link_prefixes.txt")));

/// Phrases that, followed by a section name of at most three words and a colon, make the line a
/// link to another article ("Also in Opinion: …", "More from Business: …").
pub(crate) static SECTION_LINK_PREFIXES: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/section_link_prefixes.txt")));

/// Lines that are furniture when they are all there is (trailing `:`/`.`/`!` ignored).
pub(crate) static STANDALONE: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/standalone.txt")));

/// Beginnings of subscribe and follow prompts (a whole short line).
pub(crate) static PROMPT_PREFIXES: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/prompt_prefixes.txt")));

/// Headings that, standing alone in the last part of the text, end the article body.
pub(crate) static END_HEADINGS: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/end_headings.txt")));

/// Words that name a photo agency or mark a photo credit inside a closing parenthesis.
pub(crate) static CREDIT_WORDS: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/credit_words.txt")));

/// Labels that start a caption or credit line ("Photo: …", "Pic from …").
pub(crate) static CREDIT_LABELS: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/credit_labels.txt")));

/// Labels that, followed by a few capitalised words, end a caption line with its credit
/// ("… at dusk. Photo: Sam Ortiz"). Labels without a colon must follow a sentence end.
pub(crate) static CLOSING_LABELS: Phrases =
    LazyLock::new(|| parse(include_str!("phrases/closing_labels.txt")));

/// The phrases of a list file: every line that is neither blank nor a `#` note, trimmed.
fn parse(file: &'static str) -> Vec<&'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list by name.
    fn lists() -> [(&'static str, &'static [&'static str]); 8] {
        [
            ("link_prefixes", &LINK_PREFIXES),
            ("section_link_prefixes", &SECTION_LINK_PREFIXES),
            ("standalone", &STANDALONE),
            ("prompt_prefixes", &PROMPT_PREFIXES),
            ("end_headings", &END_HEADINGS),
            ("credit_words", &CREDIT_WORDS),
            ("credit_labels", &CREDIT_LABELS),
            ("closing_labels", &CLOSING_LABELS),
        ]
    }

    #[test]
    fn every_list_parses_into_lower_case_single_spaced_phrases_without_repeats() {
        for (name, list) in lists() {
            assert!(!list.is_empty(), "{name} is empty");
            for phrase in list {
                assert_eq!(*phrase, phrase.to_lowercase(), "{name}: {phrase:?}");
                let spaced = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(*phrase, spaced, "{name}: {phrase:?}");
            }
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{name} repeats a phrase");
        }
    }

    #[test]
    fn whole_line_phrases_can_match_a_trimmed_line() {
        // Lines are matched with trailing `:` `.` `!` removed, so such a phrase never matches.
        for phrase in STANDALONE.iter().chain(END_HEADINGS.iter()) {
            assert!(!phrase.ends_with([':', '.', '!']), "{phrase:?}");
        }
    }

    #[test]
    fn credit_words_are_single_words() {
        // The inside of a parenthesis is split at every non-alphanumeric character.
        for word in CREDIT_WORDS.iter() {
            assert!(word.chars().all(char::is_alphanumeric), "{word:?}");
        }
    }

    #[test]
    fn notes_and_blank_lines_are_not_phrases() {
        assert_eq!(
            parse("# how it is used\n\n  read more \nwatch\n"),
            ["read more", "watch"]
        );
    }
}
