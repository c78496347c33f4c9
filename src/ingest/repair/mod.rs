//! Repair of the text as read: bytes decoded ([`decode`]) and mojibake undone, each character
//! still tied to the original bytes it came from.
//!
//! [`repair`] takes decoded [`AnnotatedText`] and gives back the repaired text and one warning
//! per kind of character repaired. Two mojibake families are found, each in its own module
//! that only proposes repairs ([`Edit`]s); this module applies them:
//! - UTF-8 read as windows-1252 / Latin-1 (`â€œ` for “): [`cp1252`].
//! - UTF-8 read as windows-874 (Thai; `โ€œ` for “): [`windows874`].
//!
//! Written here rather than with `plsfix` because every repair must keep the offset map to the
//! original bytes (plsfix returns only the fixed string) and plsfix knows nothing of Thai.

pub(crate) mod decode;

mod cp1252;
mod utf8_bytes;
mod windows874;

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::notes::plural;
use utf8_bytes::Edit;

/// What kind of character a repair restored, for the warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Quote,
    Dash,
    Ellipsis,
    Letter,
    Other,
}

/// How many repairs of each kind were made.
#[derive(Debug, Default)]
struct Tally {
    counts: [usize; 5],
}

impl Tally {
    /// Counts one repair that restored `c`.
    fn add(&mut self, c: char) {
        let kind = match c {
            '\u{2018}'..='\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2039}' | '\u{203a}' => Kind::Quote,
            '\u{2010}'..='\u{2015}' => Kind::Dash,
            '\u{2026}' => Kind::Ellipsis,
            c if c.is_alphabetic() => Kind::Letter,
            _ => Kind::Other,
        };
        if let Some(n) = self.counts.get_mut(kind as usize) {
            *n += 1;
        }
    }

    /// One sentence per kind that was repaired.
    fn warnings(&self) -> Vec<String> {
        const NAMES: [(&str, &str); 5] = [
            ("quotation mark", "quotation marks"),
            ("dash", "dashes"),
            ("ellipsis", "ellipses"),
            (
                "accented or non-Latin letter",
                "accented or non-Latin letters",
            ),
            ("other character", "other characters"),
        ];
        self.counts
            .iter()
            .zip(NAMES)
            .filter(|(n, _)| **n > 0)
            .map(|(&n, (one, many))| format!("repaired {n} mis-decoded {}", plural(n, one, many)))
            .collect()
    }
}

/// Repairs both mojibake families in `text`; returns the repaired text and one warning per kind
/// of character repaired. Both families are found on the same input in one pass, so one repair
/// never feeds another (a repaired `”` is not read again as part of a windows-874 sequence).
pub(crate) fn repair(text: AnnotatedText) -> (AnnotatedText, Vec<String>) {
    let mut edits: Vec<Edit> = cp1252::find_cp1252(text.as_str());
    edits.extend(windows874::find_windows_874(text.as_str()));
    if edits.is_empty() {
        return (text, Vec::new());
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut tally = Tally::default();
    let mut end = 0;
    edits.retain(|(range, fixed)| {
        let keep = range.start >= end;
        if keep {
            end = range.end;
            fixed.chars().for_each(|c| tally.add(c));
        }
        keep
    });
    (text.replace_ranges(edits), tally.warnings())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The repaired text and warnings for `s` (shared with the family modules' tests).
    pub(crate) fn fix(s: &str) -> (String, Vec<String>) {
        let (t, w) = repair(AnnotatedText::copied(s, 0));
        (t.as_str().to_string(), w)
    }

    #[test]
    fn utf8_read_as_windows_1252_is_repaired_and_counted() {
        let (text, warnings) = fix("â€œWe wonâ€™t waitâ€\u{9d} â€” she said â€¦ cafÃ©");
        assert_eq!(
            text,
            "\u{201c}We won\u{2019}t wait\u{201d} \u{2014} she said \u{2026} caf\u{e9}"
        );
        assert!(warnings.contains(&"repaired 3 mis-decoded quotation marks".to_string()));
        assert!(warnings.contains(&"repaired 1 mis-decoded dash".to_string()));
        assert!(
            warnings.contains(&"repaired 1 mis-decoded accented or non-Latin letter".to_string())
        );
    }

    #[test]
    fn cut_short_closing_quote_is_repaired() {
        let (text, _) = fix("he said â€œsoonâ€ and left");
        assert_eq!(text, "he said \u{201c}soon\u{201d} and left");
    }

    #[test]
    fn real_latin_greek_and_cyrillic_text_is_untouched() {
        for s in [
            "Caf\u{e9} na\u{ef}ve \u{fc}ber Stra\u{df}e \u{201e}Gru\u{df}\u{201c}",
            "ESPA\u{d1}A\u{bb} \u{ab}Se\u{f1}or\u{bb} \u{c0} la cr\u{e8}me",
            "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430} \u{3b1}\u{3b8}\u{3ae}\u{3bd}\u{3b1} \u{6771}\u{4eac}",
        ] {
            let (text, warnings) = fix(s);
            assert_eq!(text, s);
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn repairs_map_to_all_the_mojibake_bytes() {
        let src = "a â€œb";
        let (t, _) = repair(AnnotatedText::copied(src, 0));
        assert_eq!(t.as_str(), "a \u{201c}b");
        // â (2 bytes) + € (3) + œ (2) = bytes 2..9 of the source
        assert_eq!(t.orig_range(2..5), 2..9);
        assert_eq!(t.orig_range(5..6), 9..10);
    }
}
