//! Sentence boundaries that know news abbreviations, and ellipsis splices.
//!
//! UAX #29 sentence breaking splits after "Mr." and "U.S.", so boundaries are found here: a `.`,
//! `!`, `?` or `…` followed by a space and a capital (or an opening mark), unless the word before
//! is an abbreviation, a title or an initial.

use crate::model::Span;

/// Titles and abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "brig", "gov", "sen", "rep", "rev", "hon", "pres", "st", "sr", "jr", "mt", "ft", "no", "nos",
    "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "ltd", "co", "dept", "univ", "approx", "est", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "mme", "mlle", "sra", "sr", "dra",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.contains(&w.as_str())
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || "“\"«„‘'(".contains(c)
}

/// Byte ranges of the sentences in `text[span]`, trimmed of spaces.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let Some(s) = text.get(span.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // take the run of closing punctuation and marks
            let mut j = i + 1;
            while j < chars.len() && ".!?…”’\"»)".contains(chars[j].1) {
                j += 1;
            }
            let ws_end = {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                k
            };
            let next = chars.get(ws_end).map(|x| x.1);
            let spaced = ws_end > j;
            let word_before = s[start..off].split_whitespace().last().unwrap_or("");
            let ends = spaced
                && next.is_some_and(starts_sentence)
                && !(c == '.' && is_abbreviation(word_before));
            if ends {
                let end_off = chars.get(j).map_or(s.len(), |x| x.0);
                push_trimmed(&mut out, span.start, s, start, end_off);
                start = chars.get(ws_end).map_or(s.len(), |x| x.0);
                i = ws_end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(&mut out, span.start, s, start, s.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, base: usize, s: &str, start: usize, end: usize) {
    let Some(part) = s.get(start..end) else {
        return;
    };
    let lead = part.len() - part.trim_start().len();
    let trimmed = part.trim();
    if !trimmed.is_empty() {
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

/// Splits `text[span]` at ellipses that join two statements: `…` or `...` directly followed (after
/// an optional period and spaces) by a capital letter, outside brackets. Returns the parts.
pub fn splice_parts(text: &str, span: Span) -> Vec<Span> {
    let Some(s) = text.get(span.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        let ellipsis_len = if rest.starts_with('…') {
            '…'.len_utf8()
        } else if rest.starts_with("...") {
            3
        } else {
            0
        };
        if ellipsis_len > 0 && depth <= 0 {
            let mut j = i + ellipsis_len;
            while j < s.len() && (bytes[j] == b'.' || bytes[j] == b' ') {
                j += 1;
            }
            let before_is_text = s[..i]
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',');
            let after_capital = s[j..].chars().next().is_some_and(char::is_uppercase);
            if before_is_text && after_capital {
                push_trimmed(&mut out, span.start, s, start, i);
                start = j;
                i = j;
                continue;
            }
        }
        i += c.len_utf8();
    }
    push_trimmed(&mut out, span.start, s, start, s.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends() {
        assert_eq!(
            split("We came. We saw! Did we win?"),
            ["We came.", "We saw!", "Did we win?"]
        );
    }

    #[test]
    fn keeps_titles_and_abbreviations() {
        assert_eq!(
            split("Mr. Lee met Gen. Ruiz in the U.S. Capitol. Then he left."),
            [
                "Mr. Lee met Gen. Ruiz in the U.S. Capitol.",
                "Then he left."
            ]
        );
        assert_eq!(split("J. Alvarez spoke."), ["J. Alvarez spoke."]);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It rose 4.5 percent. a typo"),
            ["It rose 4.5 percent. a typo"]
        );
    }

    #[test]
    fn splice_without_space_splits() {
        let s = "we offered grain…As part of this deal, they pay";
        let parts: Vec<&str> = splice_parts(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(
            parts,
            ["we offered grain", "As part of this deal, they pay"]
        );
    }

    #[test]
    fn splice_with_period_after_ellipsis_splits() {
        let s = "to replace them….Prices will rise";
        let parts: Vec<&str> = splice_parts(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(parts, ["to replace them", "Prices will rise"]);
    }

    #[test]
    fn bracketed_elision_does_not_split() {
        let s = "between May and June, (…) Lee worked with officials";
        assert_eq!(splice_parts(s, 0..s.len()).len(), 1);
        let s = "we will … continue to work";
        assert_eq!(splice_parts(s, 0..s.len()).len(), 1);
    }
}
