//! UTF-8 bytes seen through a single-byte encoding: which byte a character is in windows-1252
//! or windows-874, and how many continuation bytes a UTF-8 lead byte needs. Both mojibake
//! families are found by reading characters back as the bytes they were mis-decoded from.

use encoding_rs::Encoding;
use std::ops::Range;

/// One repair: the bytes of the text it replaces and the repaired character.
pub(crate) type Edit = (Range<usize>, String);

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

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_874, WINDOWS_1252};

    #[test]
    fn the_range_shortcut_misses_no_single_byte_character() {
        for enc in [WINDOWS_1252, WINDOWS_874] {
            for c in ('\u{80}'..='\u{ffff}').filter(|c| single_byte(enc, *c).is_none()) {
                let mut buf = [0u8; 4];
                let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
                assert!(unmappable || bytes.len() != 1, "{} {c:?}", enc.name());
            }
        }
    }

    #[test]
    fn lead_bytes_say_how_many_follow() {
        assert_eq!(continuation_count(0xc3), Some(1));
        assert_eq!(continuation_count(0xe2), Some(2));
        assert_eq!(continuation_count(0xf0), Some(3));
        assert_eq!(continuation_count(0x80), None);
        assert_eq!(single_byte(WINDOWS_1252, '\u{e2}'), Some(0xe2));
        assert_eq!(single_byte(WINDOWS_874, '\u{e42}'), Some(0xe2));
    }
}
