//! Properties over arbitrary input: reading and analysing never panics, and every offset the
//! engine reports lies inside the file and, when the file is UTF-8, on a character boundary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use proptest::prelude::*;
use verbatim::ingest::ingest_bytes;
use verbatim::{AnalyzeOptions, Article, analyze};

/// File names that pick each reader.
const NAMES: [&str; 4] = ["p.txt", "p.html", "p.docx", "p.pdf"];

/// Pieces that make text and pages interesting: tags, references, quotation marks, multi-byte
/// characters, line breaks, boilerplate words.
const PIECES: [&str; 32] = [
    "<p>",
    "</p>",
    "<q>",
    "</q>",
    "<blockquote>",
    "</blockquote>",
    "<div class=\"related\">",
    "</div>",
    "<a href=\"/x\">",
    "</a>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<br>",
    "&amp;",
    "&ldquo;",
    "&#8221;",
    "&",
    "\u{201c}",
    "\u{201d}",
    "\u{ab}",
    "\u{bb}",
    "\"",
    "\u{e9}",
    "\u{20ac}",
    "\u{1f600}",
    " said Ana Ruiz",
    " the council ",
    "\n",
    "\r\n",
    "Advertisement\n",
];

fn page_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..60).prop_map(|v| v.concat())
}

/// Checks the offsets of one article read from `original`.
fn offsets_are_sound(article: &Article, original: &[u8]) -> Result<(), TestCaseError> {
    let utf8 = std::str::from_utf8(original).ok();
    for span in &article.paragraphs {
        let range = article.original_range(span);
        prop_assert!(range.start <= range.end && range.end <= original.len());
        if let Some(s) = utf8 {
            prop_assert!(s.is_char_boundary(range.start) && s.is_char_boundary(range.end));
        }
    }
    for (i, _) in article.text.char_indices() {
        let o = article.offsets.original(i);
        prop_assert!(o <= original.len());
        if let Some(s) = utf8 {
            prop_assert!(
                s.is_char_boundary(o),
                "offset {o} of {i} splits a character"
            );
        }
    }
    Ok(())
}

/// Reads, analyses and checks everything the analysis points into the original.
fn run(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(article) = ingest_bytes(name, bytes) else {
        return Ok(());
    };
    offsets_are_sound(&article, bytes)?;
    let analysis = analyze(vec![article], &AnalyzeOptions::default());
    let utf8 = std::str::from_utf8(bytes).ok();
    for q in &analysis.quotes {
        prop_assert!(q.start <= q.end && q.end <= bytes.len());
        if let Some(s) = utf8 {
            prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_under_any_name_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        name in prop::sample::select(NAMES.to_vec()),
    ) {
        run(name, &bytes)?;
    }

    #[test]
    fn page_like_text_keeps_offsets_on_char_boundaries(
        text in page_like(),
        name in prop::sample::select(vec!["p.txt", "p.html"]),
    ) {
        run(name, text.as_bytes())?;
    }

    #[test]
    fn damaged_utf8_never_panics(
        text in page_like(),
        cut in any::<prop::sample::Index>(),
        junk in prop::collection::vec(0x80u8..=0xff, 1..4),
        name in prop::sample::select(vec!["p.txt", "p.html"]),
    ) {
        let mut bytes = text.into_bytes();
        let at = if bytes.is_empty() { 0 } else { cut.index(bytes.len()) };
        bytes.splice(at..at, junk);
        run(name, &bytes)?;
    }
}
