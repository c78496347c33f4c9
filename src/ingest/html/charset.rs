//! The bytes of a saved page → text, in the encoding the page uses.
//!
//! Order of evidence: a byte-order mark, then valid UTF-8, then the encoding the page declares
//! (`<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` within the
//! first 1,024 bytes, as browsers look), then the shared decoder's guess (`chardetng`). Every
//! character keeps the original bytes it came from.

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::repair::decode;
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How far into the file a declaration is looked for.
const PRESCAN_BYTES: usize = 1024;

/// `charset=NAME` inside a `<meta …>` tag.
const META_CHARSET_PATTERN: &str = r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#;

/// [`META_CHARSET_PATTERN`] compiled. The pattern is a literal, so it either always compiles
/// or never does; a unit test compiles it, so a broken pattern fails the tests instead of
/// silently switching the declaration off.
#[expect(
    clippy::expect_used,
    reason = "a literal pattern, compiled by a unit test"
)]
static META_CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(META_CHARSET_PATTERN).expect("META_CHARSET_PATTERN compiles"));

/// The decoded page and notes on how it was decoded.
pub(crate) struct DecodedPage {
    /// The page's text; offsets lead back to the original bytes.
    pub text: AnnotatedText,
    /// Notes for the article's warnings.
    pub warnings: Vec<String>,
}

/// Decodes a page (see the module doc for the order of evidence).
pub(crate) fn decode_page(bytes: &[u8]) -> DecodedPage {
    let plain = Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok();
    match declared_encoding(bytes) {
        Some(encoding) if !plain && encoding != UTF_8 && encoding.is_ascii_compatible() => {
            DecodedPage {
                text: decode_as(bytes, encoding),
                warnings: vec![format!(
                    "read as {}, the encoding the page declares",
                    encoding.name()
                )],
            }
        }
        _ => {
            let decoded = decode::decode(bytes);
            DecodedPage {
                text: decoded.text,
                warnings: decoded.warnings,
            }
        }
    }
}

/// The encoding a `<meta>` tag near the start declares, if encoding_rs knows its label.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// Decodes all of `bytes` as `encoding` (ASCII-compatible), tying each character to the bytes
/// it came from: ASCII runs are copied, every other character is mapped from the bytes the
/// decoder consumed for it.
fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> AnnotatedText {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = AnnotatedText::new();
    let mut pending_start = 0;
    let mut buf = String::with_capacity(16);
    let mut pos = 0;
    while pos < bytes.len() {
        let ascii = bytes
            .get(pos..)
            .map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii()).count());
        if ascii > 0 && pending_start == pos {
            let run = bytes.get(pos..pos + ascii).unwrap_or_default();
            out.push_copied(std::str::from_utf8(run).unwrap_or_default(), pos);
            pos += ascii;
            pending_start = pos;
            continue;
        }
        let byte = bytes.get(pos..=pos).unwrap_or_default();
        let last = pos + 1 == bytes.len();
        buf.clear();
        let (_, _, _) = decoder.decode_to_string(byte, &mut buf, last);
        pos += 1;
        if !buf.is_empty() {
            out.push_mapped(&buf, pending_start..pos);
            pending_start = pos;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_charset_pattern_compiles_and_finds_the_label() {
        assert!(Regex::new(META_CHARSET_PATTERN).is_ok());
        let caps =
            META_CHARSET.captures(b"<META http-equiv=x content='text/html; charset=KOI8-R'>");
        let label = caps.and_then(|c| c.get(1)).map(|m| m.as_bytes());
        assert_eq!(label, Some(&b"KOI8-R"[..]));
    }

    #[test]
    fn a_meta_charset_is_found_in_either_form() {
        let a = b"<html><head><meta charset=\"windows-1251\"></head>";
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(declared_encoding(a).map(|e| e.name()), Some("windows-1251"));
        assert_eq!(declared_encoding(b).map(|e| e.name()), Some("windows-1252"));
    }

    #[test]
    fn the_declared_encoding_decodes_a_legacy_page() {
        let bytes = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let page = decode_page(bytes);
        assert!(
            page.text
                .as_str()
                .contains("<p>\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}</p>")
        );
        let p = page.text.as_str().find("<p>").unwrap_or(0) + 3;
        assert_eq!(page.text.orig_range(p..p + 2), 30..31);
        assert_eq!(page.warnings.len(), 1);
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let src = "<meta charset=windows-1252><p>caf\u{e9}</p>";
        let page = decode_page(src.as_bytes());
        assert_eq!(page.text.as_str(), src);
        assert!(page.warnings.is_empty());
    }
}
