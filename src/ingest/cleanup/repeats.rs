//! Repeated material: paragraphs in, a keep/drop decision per paragraph and warnings out.
//!
//! - A repeated body: a run of at least [`MIN_BLOCK`] consecutive paragraphs that appears again
//!   later (compared after folding whitespace and case, by xxh3 hash). The later copy goes.
//!   Scraped pages print the body twice (page text plus an AMP or print copy).
//! - A line printed twice in a row (most often a caption: under the image and again in its
//!   alt text). The second goes; no article repeats a paragraph back to back on purpose.
//!
//! Each paragraph is compared only with a few earlier paragraphs of the same hash
//! ([`MAX_CANDIDATES`]), so a text of many identical lines stays linear.

use crate::ingest::notes::plural;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// The shortest run of paragraphs that counts as a repeated body.
pub(crate) const MIN_BLOCK: usize = 3;

/// How many earlier paragraphs with the same hash a paragraph is compared with.
const MAX_CANDIDATES: usize = 8;

/// The comparison key of a paragraph: words joined by one space, lower case, final period or
/// other closing punctuation dropped (a copy often differs only there), hashed.
fn paragraph_key(text: &str) -> u64 {
    let text =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    xxh3_64(folded.as_bytes())
}

/// Decides which of `paragraphs` are kept. `numbers` holds each paragraph's 1-based number in
/// the article as read (before anything was dropped), for the warnings.
pub(crate) fn repeat_mask(paragraphs: &[&str], numbers: &[usize]) -> (Vec<bool>, Vec<String>) {
    let keys: Vec<u64> = paragraphs.iter().map(|p| paragraph_key(p)).collect();
    let mut keep = vec![true; keys.len()];
    let mut warnings = Vec::new();
    let mut seen: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut j = 0;
    while let Some(&key) = keys.get(j) {
        let candidates = seen.get(&key).map(Vec::as_slice).unwrap_or_default();
        let run = candidates
            .iter()
            .map(|&i| common_run(&keys, i, j))
            .max()
            .unwrap_or(0);
        if run >= MIN_BLOCK {
            keep.iter_mut().skip(j).take(run).for_each(|k| *k = false);
            let first = numbers.get(j).copied().unwrap_or(j + 1);
            let last = numbers.get(j + run - 1).copied().unwrap_or(j + run);
            warnings.push(format!(
                "removed a repeated copy of the article body (paragraphs {first}\u{2013}{last})"
            ));
            j += run;
            continue;
        }
        let slot = seen.entry(key).or_default();
        if slot.len() < MAX_CANDIDATES {
            slot.push(j);
        }
        j += 1;
    }
    let twice = drop_back_to_back(&keys, &mut keep);
    if twice > 0 {
        let lines = plural(twice, "line", "lines");
        warnings.push(format!("dropped {twice} {lines} printed twice in a row"));
    }
    (keep, warnings)
}

/// How many paragraphs from `i` equal those from `j` (`i < j`), without the runs overlapping.
fn common_run(keys: &[u64], i: usize, j: usize) -> usize {
    let limit = j - i;
    keys.iter()
        .skip(i)
        .zip(keys.iter().skip(j))
        .take(limit)
        .take_while(|(a, b)| a == b)
        .count()
}

/// Drops a paragraph equal to the kept paragraph just before it; returns how many.
fn drop_back_to_back(keys: &[u64], keep: &mut [bool]) -> usize {
    let mut dropped = 0;
    let mut prev: Option<u64> = None;
    for (key, kept) in keys.iter().zip(keep.iter_mut()) {
        if !*kept {
            continue;
        }
        if prev == Some(*key) {
            *kept = false;
            dropped += 1;
        } else {
            prev = Some(*key);
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(n: usize) -> Vec<usize> {
        (1..=n).collect()
    }

    #[test]
    fn a_repeated_body_keeps_the_first_copy() {
        let p = [
            "Headline-free intro paragraph about the flood.",
            "Second paragraph, with a quote.",
            "Third paragraph ends here.",
            "Fourth paragraph.",
            "Comments are closed.",
            "Headline-free  intro paragraph about the FLOOD.",
            "Second paragraph, with a quote.",
            "Third paragraph ends here.",
            "Fourth paragraph.",
        ];
        let (keep, warnings) = repeat_mask(&p, &numbered(p.len()));
        assert_eq!(
            keep,
            [true, true, true, true, true, false, false, false, false]
        );
        assert_eq!(
            warnings,
            ["removed a repeated copy of the article body (paragraphs 6\u{2013}9)"]
        );
    }

    #[test]
    fn two_repeated_paragraphs_are_not_a_body() {
        let p = ["One.", "Two.", "Three.", "One.", "Two."];
        let (keep, warnings) = repeat_mask(&p, &numbered(p.len()));
        assert!(keep.iter().all(|k| *k));
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_caption_printed_twice_is_dropped_once() {
        let p = [
            "Body text.",
            "The harbour at dawn",
            "The harbour at dawn",
            "More body.",
        ];
        let (keep, warnings) = repeat_mask(&p, &numbered(p.len()));
        assert_eq!(keep, [true, true, false, true]);
        assert_eq!(warnings, ["dropped 1 line printed twice in a row"]);
    }

    #[test]
    fn many_identical_lines_stay_fast_and_collapse() {
        let p = vec!["Same line."; 20_000];
        let (keep, _) = repeat_mask(&p, &numbered(p.len()));
        assert!(keep.iter().filter(|k| **k).count() <= 3);
    }
}
