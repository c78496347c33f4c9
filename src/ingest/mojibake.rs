//! Mojibake repair: [`AnnotatedText`] in, repaired `AnnotatedText` and warnings out.
//!
//! Two families are handled:
//! - UTF-8 read as windows-1252 / Latin-1 (`â€œ` for “, `Ã©` for é): a character that
//!   windows-1252 encodes as a UTF-8 lead byte, followed by the right number of characters that
//!   it encodes as continuation bytes, is re-encoded and decoded as UTF-8. The result is kept
//!   only when it is a character such mojibake plausibly hides (Latin, Greek, Cyrillic,
//!   punctuation, currency, emoji), so real text such as `ESPAÑA»` or `Gruß“` stays as it is.
//!   `â€` followed by no continuation character is a closing quote whose last byte (0x9D,
//!   undefined in windows-1252) was dropped.
//! - UTF-8 read as windows-874 (Thai): see [`super::thai`].
//!
//! Written here rather than with `plsfix` because every repair must keep the offset map to the
//! original bytes (plsfix returns only the fixed string) and plsfix knows nothing of Thai.
//! Each repair is tied to the original bytes of the characters it replaces.

use super::annotated::AnnotatedText;
use super::decode::plural;
use super::thai;
use encoding_rs::{Encoding, WINDOWS_1252};
use std::ops::Range;

/// One repair: the bytes of the text it replaces and the repaired character.
pub(crate) type Edit = (Range<usize>, String);

/// What kind of character a repair restored, for the warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Quote,
    Dash,
    Ellipsis,
    Letter,
    Other,
}

/// How many repairs of each kind were made.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    counts: [usize; 5],
}

impl Tally {
    /// Counts one repair that restored `c`.
    pub(crate) fn add(&mut self, c: char) {
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
    pub(crate) fn warnings(&self) -> Vec<String> {
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
    let mut edits = find_cp1252(text.as_str());
    edits.extend(thai::find_windows_874(text.as_str()));
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

/// The single byte `encoding` writes for `c`, if it has one (ASCII excluded).
/// Only for windows-1252 and windows-874: outside the ranges checked first, neither writes a
/// character as one byte, which spares most of the text the encoder call.
pub(crate) fn single_byte(encoding: &'static Encoding, c: char) -> Option<u8> {
    let candidate = ('\u{80}'..='\u{2dc}').contains(&c)
        || ('\u{e01}'..='\u{e5b}').contains(&c)
        || ('\u{2013}'..='\u{2122}').contains(&c);
    if !candidate {
        return None;
    }
    let mut tmp = [0u8; 4];
    let mut out = [0u8; 4];
    let mut encoder = encoding.new_encoder();
    let (result, _, written) =
        encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut tmp), &mut out, true);
    match (result, written) {
        (encoding_rs::EncoderResult::InputEmpty, 1) => out.first().copied(),
        _ => None,
    }
}

/// How many continuation bytes a UTF-8 lead byte needs.
pub(crate) fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xc2..=0xdf => Some(1),
        0xe0..=0xef => Some(2),
        0xf0..=0xf4 => Some(3),
        _ => None,
    }
}

/// Whether a character decoded from mojibake is one such mojibake plausibly hides.
pub(crate) fn plausible(c: char) -> bool {
    matches!(c,
        '\u{a0}'..='\u{24f}'      // Latin-1 letters and signs, Latin Extended-A/B
        | '\u{370}'..='\u{3ff}'   // Greek
        | '\u{400}'..='\u{45f}'   // basic Cyrillic
        | '\u{1e00}'..='\u{1eff}' // Latin Extended Additional
        | '\u{2000}'..='\u{20cf}' // general punctuation, currency
        | '\u{2100}'..='\u{214f}' // letterlike (™)
        | '\u{1f300}'..='\u{1faff}')
}

/// The windows-1252 mojibake sequences in `text`, with their repairs.
fn find_cp1252(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut it = text.char_indices();
    while let Some((i, c)) = it.next() {
        let Some(lead) = single_byte(WINDOWS_1252, c) else {
            continue;
        };
        let Some(need) = continuation_count(lead) else {
            continue;
        };
        let mut look = it.clone();
        let mut bytes = vec![lead];
        let mut end = i + c.len_utf8();
        while bytes.len() <= need {
            let Some((j, d)) = look.next() else { break };
            match single_byte(WINDOWS_1252, d) {
                Some(b @ 0x80..=0xbf) => {
                    bytes.push(b);
                    end = j + d.len_utf8();
                }
                _ => break,
            }
        }
        let decoded = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.chars().next());
        if bytes.len() == need + 1
            && let Some(fixed) = decoded.filter(|&d| plausible(d))
        {
            edits.push((i..end, fixed.to_string()));
            for _ in 0..need {
                it.next();
            }
        } else if bytes == [0xe2, 0x80] {
            // "â€" cut short: the dropped byte can only be 0x9D, making a closing quote.
            edits.push((i..end, '\u{201d}'.to_string()));
            it.next();
        }
    }
    edits
}

/// The curly quote a stripped quote-mark mojibake stands for, from the characters around it:
/// opening after start/space/bracket before a word, closing after a word or punctuation before
/// space/punctuation/end, an apostrophe between two letters.
pub(crate) fn quote_by_context(prev: Option<char>, next: Option<char>) -> Option<char> {
    let opens_after = |p: Option<char>| {
        p.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
        })
    };
    let word = |c: char| c.is_alphanumeric();
    let closing_punct = |c: char| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '\u{2026}'
                | '-'
                | '\u{2014}'
                | '\u{2013}'
        )
    };
    match (prev, next) {
        (p, Some(n))
            if opens_after(p) && (word(n) || matches!(n, '\u{2018}' | '\'' | '\u{2026}' | '.')) =>
        {
            Some('\u{201c}')
        }
        (Some(p), n)
            if (word(p) || closing_punct(p))
                && n.is_none_or(|n| n.is_whitespace() || closing_punct(n)) =>
        {
            Some('\u{201d}')
        }
        (Some(p), Some(n)) if p.is_alphabetic() && n.is_alphabetic() => Some('\u{2019}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> (String, Vec<String>) {
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

    #[test]
    fn the_range_shortcut_misses_no_single_byte_character() {
        for enc in [WINDOWS_1252, encoding_rs::WINDOWS_874] {
            for c in ('\u{80}'..='\u{ffff}').filter(|c| single_byte(enc, *c).is_none()) {
                let mut buf = [0u8; 4];
                let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
                assert!(unmappable || bytes.len() != 1, "{} {c:?}", enc.name());
            }
        }
    }

    #[test]
    fn context_picks_opening_closing_or_apostrophe() {
        assert_eq!(quote_by_context(None, Some('W')), Some('\u{201c}'));
        assert_eq!(quote_by_context(Some(' '), Some('W')), Some('\u{201c}'));
        assert_eq!(quote_by_context(Some('.'), Some(' ')), Some('\u{201d}'));
        assert_eq!(quote_by_context(Some('d'), None), Some('\u{201d}'));
        assert_eq!(quote_by_context(Some('n'), Some('t')), Some('\u{2019}'));
        assert_eq!(quote_by_context(Some(' '), Some(' ')), None);
    }
}
