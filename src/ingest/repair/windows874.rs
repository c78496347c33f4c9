//! UTF-8 punctuation read as windows-874 (Thai): text in, repairs ([`Edit`]s) out.
//!
//! UTF-8 `“` is E2 80 9C; windows-874 reads E2 as `โ` (U+0E42), 80 as `€` and 9C as the
//! invisible C1 control U+009C. Two forms occur:
//! - Full: `โ` + two characters windows-874 writes as continuation bytes (`โ€œ`-like, with the C1
//!   control kept; `โ€”` for —, `โ€ฆ` for …). Re-encoding and decoding as UTF-8 is exact. A
//!   genuine Thai word never has `€` or a C1 control after `โ`, and the result must be
//!   punctuation, so real Thai cannot match.
//! - Stripped: a scraper dropped the C1 control (`โ€` alone) or both trailing characters (a lone
//!   `โ`). The quote mark is then chosen from context
//!   ([`quote_by_context`]). This is only done when the
//!   article's letters are Latin and neither neighbour is a Thai letter: in Thai, `โ` is a vowel
//!   sign written before a consonant and must stay.
//!
//! No crate handles this family (ftfy/plsfix cover only the windows-1252 family).

use super::utf8_bytes::{Edit, continuation_count, single_byte};
use encoding_rs::WINDOWS_874;

/// The Thai vowel sign that UTF-8's E2 lead byte becomes.
const SARA_O: char = '\u{e42}';

/// Whether `c` is a Thai letter or sign.
fn is_thai(c: char) -> bool {
    ('\u{e01}'..='\u{e5b}').contains(&c)
}

/// Whether the letters of `text` are mostly Latin (under one in twenty Thai), not counting the
/// characters that mojibake itself produces.
fn latin_context(text: &str) -> bool {
    let (mut latin, mut thai) = (0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        } else if is_thai(c) && c != SARA_O && prev != '\u{20ac}' {
            thai += 1;
        }
        prev = c;
    }
    latin > 0 && thai * 20 < latin
}

/// The full form at the start of `rest` (which begins with `โ`): its byte length and the
/// punctuation it stands for.
fn full_form(rest: &str) -> Option<(usize, char)> {
    let mut chars = rest.char_indices();
    let (_, lead_char) = chars.next()?;
    let lead = single_byte(WINDOWS_874, lead_char)?;
    let need = continuation_count(lead)?;
    let mut bytes = vec![lead];
    let mut end = lead_char.len_utf8();
    for (j, c) in chars.take(need) {
        match single_byte(WINDOWS_874, c) {
            Some(b @ 0x80..=0xbf) => bytes.push(b),
            _ => return None,
        }
        end = j + c.len_utf8();
    }
    let fixed = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    let punctuation =
        ('\u{2000}'..='\u{20cf}').contains(&fixed) || ('\u{2100}'..='\u{214f}').contains(&fixed);
    (bytes.len() == need + 1 && punctuation).then_some((end, fixed))
}

/// The stripped form at the start of `rest`: `โ€` or a lone `โ`, its byte length and the
/// character after it.
fn stripped_form(rest: &str) -> (usize, Option<char>) {
    let mut chars = rest.chars().skip(1);
    match chars.next() {
        Some('\u{20ac}') => (SARA_O.len_utf8() + '\u{20ac}'.len_utf8(), chars.next()),
        next => (SARA_O.len_utf8(), next),
    }
}

/// The curly quote a stripped quote-mark mojibake stands for, from the characters around it:
/// opening after start/space/bracket before a word, closing after a word or punctuation before
/// space/punctuation/end, an apostrophe between two letters.
fn quote_by_context(prev: Option<char>, next: Option<char>) -> Option<char> {
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

/// The windows-874 mojibake in `text`, with its repairs.
pub(crate) fn find_windows_874(text: &str) -> Vec<Edit> {
    if !text.contains(SARA_O) {
        return Vec::new();
    }
    let latin = latin_context(text);
    let mut edits = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        let rest = text.get(i..).unwrap_or_default();
        if c == SARA_O {
            if let Some((len, fixed)) = full_form(rest) {
                edits.push((i..i + len, fixed.to_string()));
                skip_to = i + len;
                prev = Some(fixed);
                continue;
            }
            let (len, next) = stripped_form(rest);
            let thai_around = prev.is_some_and(is_thai) || next.is_some_and(is_thai);
            if latin
                && !thai_around
                && let Some(quote) = quote_by_context(prev, next)
            {
                edits.push((i..i + len, quote.to_string()));
                skip_to = i + len;
                prev = Some(quote);
                continue;
            }
        }
        prev = Some(c);
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::quote_by_context;
    use crate::ingest::repair::tests::fix;

    #[test]
    fn full_form_with_c1_controls_is_repaired() {
        let (text, warnings) = fix(
            "He said \u{e42}\u{20ac}\u{9c}No\u{e42}\u{20ac}\u{9d} \u{e42}\u{20ac}\u{201d} it\u{e42}\u{20ac}\u{99}s over\u{e42}\u{20ac}\u{e06}",
        );
        assert_eq!(
            text,
            "He said \u{201c}No\u{201d} \u{2014} it\u{2019}s over\u{2026}"
        );
        assert!(warnings.contains(&"repaired 3 mis-decoded quotation marks".to_string()));
    }

    #[test]
    fn stripped_forms_are_resolved_from_context() {
        let (text, _) = fix(
            "She said \u{e42}\u{20ac}We will stay.\u{e42}\u{20ac} Then \u{e42}fine\u{e42}, he said.",
        );
        assert_eq!(
            text,
            "She said \u{201c}We will stay.\u{201d} Then \u{201c}fine\u{201d}, he said."
        );
    }

    #[test]
    fn genuine_thai_text_is_untouched() {
        // Thai words with the vowel sign "โ" before consonants, plus a Latin name.
        let s = "\u{e42}\u{e23}\u{e07}\u{e40}\u{e23}\u{e35}\u{e22}\u{e19} Nara \u{e42}\u{e14}\u{e22} \u{e42}\u{e25}\u{e01}";
        let (text, warnings) = fix(s);
        assert_eq!(text, s);
        assert!(warnings.is_empty());
    }

    #[test]
    fn lone_sara_o_next_to_thai_in_a_latin_article_stays() {
        let s =
            "The restaurant sign read \u{e42}\u{e23}\u{e07} in Thai, said the owner, Mr Anan Sato.";
        let (text, _) = fix(s);
        assert_eq!(text, s);
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
