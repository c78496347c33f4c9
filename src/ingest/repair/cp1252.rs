//! UTF-8 read as windows-1252 / Latin-1 (`â€œ` for “, `Ã©` for é): text in, repairs out.
//!
//! A character that windows-1252 encodes as a UTF-8 lead byte, followed by the right number of
//! characters that it encodes as continuation bytes, is re-encoded and decoded as UTF-8. The
//! result is kept only when it is a character such mojibake plausibly hides (Latin, Greek,
//! Cyrillic, punctuation, currency, emoji), so real text such as `ESPAÑA»` or `Gruß“` stays as
//! it is. `â€` followed by no continuation character is a closing quote whose last byte (0x9D,
//! undefined in windows-1252) was dropped.

use super::utf8_bytes::{Edit, continuation_count, single_byte};
use encoding_rs::WINDOWS_1252;

/// Whether a character decoded from mojibake is one such mojibake plausibly hides.
fn plausible(c: char) -> bool {
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
pub(crate) fn find_cp1252(text: &str) -> Vec<Edit> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plausible_characters_count_as_repairs() {
        // "Ã©" hides é; "ß“" would decode to an N'Ko letter, so real German stays as it is.
        assert_eq!(
            find_cp1252("caf\u{c3}\u{a9}"),
            [(3..7, "\u{e9}".to_string())]
        );
        assert!(find_cp1252("Gru\u{df}\u{201c}").is_empty());
        assert!(find_cp1252("plain ASCII text").is_empty());
    }
}
