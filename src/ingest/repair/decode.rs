//! Bytes → [`AnnotatedText`]: picks the encoding, decodes, and folds CRLF / CR to `"\n"`,
//! keeping for every character the original bytes it came from.
//!
//! - A byte-order mark wins (UTF-8, UTF-16LE/BE).
//! - Valid UTF-8 is copied as is (one run, positions are direct).
//! - Invalid UTF-8 that still holds more well-formed multi-byte characters than broken ones is
//!   UTF-8 with a few bad bytes: decoded lossily (each bad sequence becomes U+FFFD), with a warning.
//! - Anything else is a legacy encoding guessed by `chardetng` and decoded by `encoding_rs`. The
//!   streaming decoder is fed one non-ASCII byte at a time so every output character is tied to
//!   the bytes consumed since the previous output.

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::notes::plural;
use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes the binary check looks at.
const SNIFF_BYTES: usize = 8 * 1024;

/// The decoded text and what was noticed on the way.
pub(crate) struct Decoded {
    /// The text, newlines folded to `"\n"`.
    pub text: AnnotatedText,
    /// Human-readable notes (legacy encoding, replaced bytes).
    pub warnings: Vec<String>,
}

/// Whether `bytes` look like a binary file rather than text: a NUL byte in the first 8 KiB, or
/// more than a tenth of control characters there. Files with a UTF-16 byte-order mark are text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if let Some((encoding, _)) = Encoding::for_bom(bytes)
        && encoding != UTF_8
    {
        return false;
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// Decodes `bytes` (see the module doc for how the encoding is chosen).
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding == UTF_8 => decode_utf8(bytes, bom, &mut warnings),
        Some((encoding, bom)) => decode_stream(bytes, bom, encoding, &mut warnings),
        None if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) => {
            decode_utf8(bytes, 0, &mut warnings)
        }
        None => {
            let encoding = guess_legacy(bytes);
            warnings.push(format!(
                "read as {}: the file is not UTF-8",
                encoding.name()
            ));
            decode_stream(bytes, 0, encoding, &mut warnings)
        }
    };
    Decoded {
        text: fold_newlines(&text),
        warnings,
    }
}

/// Whether invalid UTF-8 has more well-formed multi-byte characters than broken sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// The legacy encoding chardetng guesses for `bytes`.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// UTF-8 from `start` (past a BOM); broken sequences become U+FFFD with a warning.
fn decode_utf8(bytes: &[u8], start: usize, warnings: &mut Vec<String>) -> AnnotatedText {
    let mut out = AnnotatedText::new();
    let mut pos = start;
    let mut replaced = 0usize;
    for chunk in bytes.get(start..).unwrap_or_default().utf8_chunks() {
        out.push_copied(chunk.valid(), pos);
        pos += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            out.push_mapped("\u{fffd}", pos..pos + bad);
            pos += bad;
            replaced += 1;
        }
    }
    if replaced > 0 {
        warnings.push(format!(
            "replaced {} invalid UTF-8 byte {} with \u{fffd}",
            replaced,
            plural(replaced, "sequence", "sequences")
        ));
    }
    out
}

/// Decodes with a streaming `encoding` decoder, tying each output to the bytes it consumed.
fn decode_stream(
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
    warnings: &mut Vec<String>,
) -> AnnotatedText {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let ascii_fast = encoding.is_ascii_compatible();
    let mut out = AnnotatedText::new();
    let mut buf = [0u8; 64];
    let mut pending = start;
    let mut errors = false;
    let mut i = start;
    while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
        // With no byte pending in the decoder, ASCII in an ASCII-compatible encoding is itself.
        let ascii = rest.iter().take_while(|b| b.is_ascii()).count();
        if ascii_fast && pending == i && ascii > 0 {
            out.push_copied(as_str(rest.get(..ascii)), i);
            i += ascii;
            pending = i;
            continue;
        }
        let (_, _, written, had_errors) =
            decoder.decode_to_utf8(rest.get(..1).unwrap_or_default(), &mut buf, false);
        errors |= had_errors;
        i += 1;
        if written > 0 {
            out.push_mapped(as_str(buf.get(..written)), pending..i);
            pending = i;
        }
    }
    let (_, _, written, had_errors) = decoder.decode_to_utf8(&[], &mut buf, true);
    errors |= had_errors;
    if written > 0 {
        out.push_mapped(as_str(buf.get(..written)), pending..bytes.len());
    }
    if errors {
        warnings.push(format!(
            "some bytes are not valid {} and were replaced with \u{fffd}",
            encoding.name()
        ));
    }
    out
}

/// The bytes as text (they are known to be UTF-8 here; anything else gives `""`).
fn as_str(bytes: Option<&[u8]>) -> &str {
    bytes
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default()
}

/// CRLF and lone CR become `"\n"`, mapped to the original line break.
pub(crate) fn fold_newlines(text: &AnnotatedText) -> AnnotatedText {
    let s = text.as_str();
    if !s.contains('\r') {
        return text.clone();
    }
    let bytes = s.as_bytes();
    let edits = s.match_indices('\r').map(|(i, _)| {
        let len = if bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        (i..i + len, "\n".to_string())
    });
    text.replace_ranges(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_skipped_and_offsets_stay_direct() {
        let d = decode("\u{feff}caf\u{e9} ok".as_bytes());
        assert_eq!(d.text.as_str(), "caf\u{e9} ok");
        assert_eq!(d.text.orig_range(0..1), 3..4);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn crlf_and_cr_fold_to_lf_mapped_to_the_break() {
        let d = decode(b"a\r\nb\rc\n");
        assert_eq!(d.text.as_str(), "a\nb\nc\n");
        assert_eq!(d.text.orig_range(1..2), 1..3);
        assert_eq!(d.text.orig_range(2..3), 3..4);
        assert_eq!(d.text.orig_range(4..5), 5..6);
    }

    #[test]
    fn windows_1252_curly_quotes_are_detected_and_mapped() {
        let bytes = b"The minister said \x93we will build the bridge next year\x94 on Monday.";
        let d = decode(bytes);
        assert_eq!(d.warnings, ["read as windows-1252: the file is not UTF-8"]);
        let open = d.text.as_str().find('\u{201c}').unwrap_or(usize::MAX);
        assert_eq!(d.text.orig_range(open..open + 3), 18..19);
        assert!(d.text.as_str().contains("year\u{201d} on"));
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_is_decoded_lossily() {
        let mut bytes = "R\u{e9}sum\u{e9} na\u{ef}ve \u{201c}ok\u{201d} "
            .as_bytes()
            .to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(b" end");
        let d = decode(&bytes);
        assert!(d.text.as_str().contains("\u{201c}ok\u{201d} \u{fffd} end"));
        assert!(d.warnings.iter().any(|w| w.contains("invalid UTF-8")));
    }

    #[test]
    fn utf16_with_bom_is_text_not_binary() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hi \u{e9}".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(!looks_binary(&bytes));
        let d = decode(&bytes);
        assert_eq!(d.text.as_str(), "Hi \u{e9}");
        assert_eq!(d.text.orig_range(3..5), 8..10);
    }

    #[test]
    fn nul_bytes_or_control_soup_look_binary() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00rest"));
        assert!(looks_binary(&[0x01, 0x02, 0x03, b'a', 0x05, 0x06]));
        assert!(!looks_binary(b"plain text\twith tabs\n"));
    }
}
