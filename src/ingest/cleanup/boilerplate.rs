//! Site furniture inside an article's text: lines in, a keep/drop decision per line and one
//! warning per kind of line dropped out.
//!
//! The rules are general: phrase lists (all in [`phrases`](super::phrases)) plus line shapes.
//! - [`LINK_PREFIXES`] followed by `:`, `|` or a dash make a whole line a link ("Read also: …").
//! - [`STANDALONE`] lines (and [`END_HEADINGS`] anywhere) are furniture when they are the whole
//!   line ("Advertisement").
//! - [`PROMPT_PREFIXES`] start subscribe/follow prompts ("Sign up for our newsletter …").
//! - [`END_HEADINGS`] standing alone in the second half of the text end the body: the heading
//!   and the short headline-like lines after it go ("Most read", then a list of headlines).
//! - Photo captions: a short line ending in a parenthesised credit that names an agency from
//!   [`CREDIT_WORDS`] or has a `Name/Agency` shape, or a line that starts or ends with a
//!   [`CREDIT_LABELS`] label ("Photo: …").
//! - Trailing junk: at the very end, a few-word line with no sentence punctuation that is all
//!   lower case or has a token mixing letters and digits ("source site-29").
//!
//! Written by hand: no crate recognises in-article boilerplate outside GPL-licensed site configs.

use super::phrases::{
    CLOSING_LABELS, CREDIT_LABELS, CREDIT_WORDS, END_HEADINGS, LINK_PREFIXES, PROMPT_PREFIXES,
    SECTION_LINK_PREFIXES, STANDALONE,
};
use crate::ingest::notes::plural;
use std::sync::LazyLock;

/// A caption or furniture line is at most this many words.
const SHORT_LINE_WORDS: usize = 60;

/// A headline in a list after an end heading is at most this many words.
const HEADLINE_WORDS: usize = 25;

/// Why a line was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drop {
    Furniture,
    Caption,
    EndList,
    Junk,
}

/// Decides which of `lines` are kept (`true`) and returns one warning per kind dropped.
pub(crate) fn boilerplate_mask(lines: &[&str]) -> (Vec<bool>, Vec<String>) {
    let mut dropped: Vec<Option<Drop>> = vec![None; lines.len()];
    mark_end_lists(lines, &mut dropped);
    for (line, slot) in lines.iter().zip(dropped.iter_mut()) {
        if slot.is_none() {
            *slot = classify(line);
        }
    }
    mark_trailing_junk(lines, &mut dropped);
    let count = |kind| dropped.iter().filter(|d| **d == Some(kind)).count();
    let mut warnings = Vec::new();
    let (furniture, captions, list, junk) = (
        count(Drop::Furniture),
        count(Drop::Caption),
        count(Drop::EndList),
        count(Drop::Junk),
    );
    if furniture > 0 {
        let lines = plural(furniture, "line", "lines");
        warnings.push(format!("dropped {furniture} boilerplate {lines}"));
    }
    if captions > 0 {
        let lines = plural(captions, "line", "lines");
        warnings.push(format!("dropped {captions} photo caption {lines}"));
    }
    if list > 0 {
        let lines = plural(list, "line", "lines");
        warnings.push(format!(
            "dropped the list of other headlines that ends the article ({list} {lines})"
        ));
    }
    if junk > 0 {
        let lines = plural(junk, "line", "lines");
        warnings.push(format!("dropped {junk} trailing junk {lines}"));
    }
    (dropped.iter().map(Option::is_none).collect(), warnings)
}

/// Lower case, trailing `:` `.` `!` and spaces removed: the form phrase lists are matched on.
fn key(line: &str) -> String {
    line.trim()
        .trim_end_matches([':', '.', '!', ' ', '\u{a0}'])
        .to_lowercase()
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Furniture or caption, from the line alone.
fn classify(line: &str) -> Option<Drop> {
    if word_count(line) > SHORT_LINE_WORDS {
        return None;
    }
    let key = key(line);
    let standalone = STANDALONE.contains(&key.as_str()) || END_HEADINGS.contains(&key.as_str());
    if standalone || is_link(line, &key) || is_prompt(&key) {
        Some(Drop::Furniture)
    } else if is_caption(line, &key) {
        Some(Drop::Caption)
    } else {
        None
    }
}

/// A link line: a [`LINK_PREFIXES`] phrase, then a colon, or a dash, bar or arrow before a
/// headline (no final period, so "More — and better — jobs are needed." stays).
fn is_link(line: &str, key: &str) -> bool {
    let headline = !line.trim_end().ends_with('.');
    let section_link = SECTION_LINK_PREFIXES.iter().any(|p| {
        key.strip_prefix(p).is_some_and(|rest| {
            rest.split_once(':')
                .is_some_and(|(section, _)| (1..=3).contains(&section.split_whitespace().count()))
        })
    });
    if section_link {
        return true;
    }
    LINK_PREFIXES.iter().any(|p| {
        key.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(':')
                || (headline && rest.starts_with(['|', '-', '\u{2013}', '\u{2014}', '>', '\u{bb}']))
        })
    })
}

fn is_prompt(key: &str) -> bool {
    PROMPT_PREFIXES.iter().any(|p| key.starts_with(p))
}

/// A photo caption: a credit label at the start, a `Photo: Name` credit at the end, or a credit
/// in the closing parenthesis. Lines that quote someone are reporting, not captions.
fn is_caption(line: &str, key: &str) -> bool {
    if CREDIT_LABELS.iter().any(|l| key.starts_with(l)) {
        return true;
    }
    if line.contains(['"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    closing_label(line) || closing_credit(line)
}

/// Whether `line` ends with a [`CLOSING_LABELS`] label and a few capitalised words
/// ("… at dusk. Photo: Sam Ortiz", "… on Monday. Pic from Harbour Archive"). A label without a
/// colon must follow a sentence end or a separator.
fn closing_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let first = words.len().saturating_sub(10);
    // Each of the last words lowered once, not once per label.
    let lowered: Vec<String> = words
        .get(first..)
        .unwrap_or_default()
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    (first..words.len()).any(|k| {
        let Some(word) = lowered.get(k - first) else {
            return false;
        };
        LABEL_WORDS.iter().any(|(label, label_words)| {
            // The first word settles most labels at once.
            if label_words.first() != Some(&word.as_str()) {
                return false;
            }
            let label_len = label_words.len();
            let matches = lowered
                .get(k - first..k - first + label_len)
                .is_some_and(|ws| ws.iter().zip(label_words).all(|(w, l)| w == l));
            if !matches {
                return false;
            }
            let tail = words.get(k + label_len..).unwrap_or_default();
            let after_break = label.ends_with(':')
                || k == 0
                || words
                    .get(k - 1)
                    .is_some_and(|w| w.ends_with(['.', '|', '-', '\u{2013}', '\u{2014}']));
            after_break && (1..=6).contains(&tail.len()) && tail.iter().all(capitalised)
        })
    })
}

/// Each [`CLOSING_LABELS`] label with its words, split once.
static LABEL_WORDS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    CLOSING_LABELS
        .iter()
        .map(|label| (*label, label.split(' ').collect()))
        .collect()
});

/// Whether `line` ends with up to three `(…)` groups, one of them naming a photo agency or
/// shaped `Name/Agency` ("… spokesman (REUTERS/Ana Vidal) (ANA VIDAL /)").
fn closing_credit(line: &str) -> bool {
    let mut body = line.trim_end().trim_end_matches('.');
    for _ in 0..3 {
        let Some(inner) = body.strip_suffix(')') else {
            return false;
        };
        let Some(open) = inner.rfind('(') else {
            return false;
        };
        if is_credit(inner.get(open + 1..).unwrap_or_default()) {
            return true;
        }
        body = inner.get(..open).unwrap_or_default().trim_end();
    }
    false
}

/// Whether the inside of a parenthesis is a photo credit.
fn is_credit(credit: &str) -> bool {
    if credit.len() > 80 {
        return false;
    }
    let lower = credit.to_lowercase();
    let names_agency = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CREDIT_WORDS.contains(&w));
    let slash_shape = credit.contains('/')
        && credit
            .split('/')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .all(|part| part.chars().next().is_some_and(char::is_uppercase));
    names_agency || slash_shape
}

/// Whether `line` looks like a headline in a list of links: short, one sentence at most.
fn headline_like(line: &str) -> bool {
    let sentences = line
        .split_inclusive(['.', '!', '?'])
        .filter(|part| part.trim().chars().count() > 1)
        .count();
    word_count(line) <= HEADLINE_WORDS && sentences <= 1
}

/// Drops end headings in the second half and the headline-like lines after each.
fn mark_end_lists(lines: &[&str], dropped: &mut [Option<Drop>]) {
    let half = lines.len() / 2;
    let mut i = half.max(1);
    while i < lines.len() {
        let heading = lines.get(i).map(|l| key(l));
        if heading.is_some_and(|k| END_HEADINGS.contains(&k.as_str())) {
            let mut j = i;
            while j < lines.len() && (j == i || lines.get(j).is_some_and(|l| headline_like(l))) {
                if let Some(slot) = dropped.get_mut(j) {
                    *slot = Some(Drop::EndList);
                }
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// A few-word line with no sentence in it, of a machine-made shape.
fn junk_shaped(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let sentence_end = line
        .trim_end()
        .ends_with(['.', '!', '?', '"', '\u{201d}', ')', ':']);
    let mixed = |w: &&str| {
        w.chars().any(char::is_alphabetic) && w.chars().any(|c| c.is_ascii_digit() || c == '_')
    };
    let lower = line.chars().any(char::is_lowercase) && !line.chars().any(char::is_uppercase);
    words.len() <= 4 && !sentence_end && (words.iter().any(mixed) || lower)
}

/// Drops junk-shaped lines at the very end (at most three), never the first kept line.
fn mark_trailing_junk(lines: &[&str], dropped: &mut [Option<Drop>]) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| dropped.get(i).is_some_and(Option::is_none))
        .collect();
    for &i in kept.iter().skip(1).rev().take(3) {
        if !lines.get(i).is_some_and(|l| junk_shaped(l)) {
            break;
        }
        if let Some(slot) = dropped.get_mut(i) {
            *slot = Some(Drop::Junk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Vec<String>) {
        let (mask, warnings) = boilerplate_mask(lines);
        let kept = lines.iter().zip(mask).filter(|(_, k)| *k).map(|(l, _)| *l);
        (kept.collect(), warnings)
    }

    const BODY: &str = "The council approved the new budget on Tuesday after a long debate.";

    #[test]
    fn link_and_standalone_furniture_lines_are_dropped() {
        let (k, w) = kept(&[
            BODY,
            "Read also: Harbour town elects its first mayor",
            "Advertisement",
            "RELATED ARTICLES",
            "Sign up for our morning newsletter",
            "More \u{2014} and better \u{2014} jobs are needed, she said.",
            "Recommended changes to the plan were published in May.",
            BODY,
            BODY,
            BODY,
            BODY,
        ]);
        assert_eq!(k.len(), 7);
        assert!(
            k.get(1)
                .is_some_and(|l| l.starts_with("More \u{2014} and better"))
        );
        assert!(
            k.get(2)
                .is_some_and(|l| l.starts_with("Recommended changes"))
        );
        assert_eq!(w, ["dropped 4 boilerplate lines"]);
    }

    #[test]
    fn captions_with_agency_credits_are_dropped() {
        let (k, w) = kept(&[
            BODY,
            "Residents queue for water in the old town on Monday (REUTERS/Jane Doe)",
            "The new bridge at dusk. (AFP)",
            "Photo: Marta Lind",
            "A protester holds a sign outside the court. Image: Sam Ortiz",
            "The envoy at the summit (REUTERS / Ana Vidal) (ANA VIDAL /)",
            "The old harbour from the air. Pic from Coastal Archive",
            "The bill was passed by the upper house (the senate).",
            "She shared the picture: a burning car.",
            BODY,
        ]);
        assert_eq!(
            k,
            [
                BODY,
                "The bill was passed by the upper house (the senate).",
                "She shared the picture: a burning car.",
                BODY
            ]
        );
        assert_eq!(w, ["dropped 6 photo caption lines"]);
    }

    #[test]
    fn end_heading_in_last_part_drops_the_headline_list() {
        let (k, w) = kept(&[
            BODY,
            BODY,
            BODY,
            "Most read",
            "Storm closes mountain pass for a week",
            "Local bakery wins national prize.",
            "The committee will meet again in March. A spokesperson said so on Friday.",
        ]);
        assert_eq!(k.len(), 4);
        assert_eq!(
            k.last(),
            Some(&"The committee will meet again in March. A spokesperson said so on Friday.")
        );
        assert_eq!(
            w,
            ["dropped the list of other headlines that ends the article (3 lines)"]
        );
    }

    #[test]
    fn section_link_lines_are_dropped() {
        let (keep, _) = boilerplate_mask(&[
            "Also in Opinion: “We were warned” – the piece",
            "The council met.",
        ]);
        assert_eq!(keep, [false, true]);
    }

    #[test]
    fn trailing_junk_tokens_are_dropped_but_sentences_stay() {
        let (k, w) = kept(&[BODY, "Reporting by Ana Vidal.", "source site-29"]);
        assert_eq!(k, [BODY, "Reporting by Ana Vidal."]);
        assert_eq!(w, ["dropped 1 trailing junk line"]);
        let (k, _) = kept(&[BODY, "Lisbon"]);
        assert_eq!(k, [BODY, "Lisbon"]);
    }
}
