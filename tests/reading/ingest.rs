//! Integration tests for `verbatim::ingest` on the fixture articles in `tests/fixtures/ingest/`
//! (invented news) and on byte strings built here (legacy encodings and mojibake).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use encoding_rs::{WINDOWS_874, WINDOWS_1252};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use verbatim::Article;
use verbatim::ingest::{self, IngestError, MAX_FILE_BYTES};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn load(name: &str) -> (Article, Vec<u8>) {
    let path = fixture(name);
    let article = ingest::load_path(&path).unwrap();
    (article, std::fs::read(path).unwrap())
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| a.slice(p)).collect()
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}'..='\u{201f}' | '\u{ab}' | '\u{bb}'
    )
}

/// Whether `orig` (the original bytes a cleaned char maps to) is `c` itself or a form `c` is
/// legitimately repaired or decoded from.
fn origin_explains(c: char, orig: &[u8]) -> bool {
    let mut buf = [0u8; 4];
    if orig == c.encode_utf8(&mut buf).as_bytes() {
        return true;
    }
    let (legacy, _) = WINDOWS_1252.decode_without_bom_handling(orig);
    if legacy.chars().eq([c]) {
        return true;
    }
    let Ok(s) = std::str::from_utf8(orig) else {
        return false;
    };
    let mojibake_of = |enc: &'static encoding_rs::Encoding| {
        let (bytes, _, unmappable) = enc.encode(s);
        !unmappable && std::str::from_utf8(&bytes).is_ok_and(|t| t.chars().eq([c]))
    };
    let stripped_quote = matches!(s, "\u{e42}" | "\u{e42}\u{20ac}")
        && matches!(c, '\u{201c}' | '\u{201d}' | '\u{2019}');
    let cut_cp1252 = s == "\u{e2}\u{20ac}" && c == '\u{201d}';
    let newline = c == '\n' && matches!(s, "\r\n" | "\r");
    mojibake_of(WINDOWS_1252) || mojibake_of(WINDOWS_874) || stripped_quote || cut_cp1252 || newline
}

/// Checks the offset map char by char: copied or repaired chars map to bytes that explain
/// them; separators map to a line break.
fn assert_offsets_exact(a: &Article, original: &[u8]) {
    let mut prev_sep = false;
    for (i, c) in a.text.char_indices() {
        let range = a.original_range(&(i..i + c.len_utf8()));
        let orig = original.get(range.clone()).unwrap_or_default();
        if c == '\n' && (prev_sep || a.text.get(i + 1..).is_some_and(|r| r.starts_with('\n'))) {
            let at = original.get(range.start).copied();
            assert!(
                matches!(at, Some(b'\n' | b'\r') | None),
                "separator at {i} maps to {at:?}"
            );
            prev_sep = !prev_sep;
            continue;
        }
        prev_sep = false;
        assert!(
            origin_explains(c, orig),
            "{c:?} at {i} maps to {orig:?} ({range:?})"
        );
    }
}

#[test]
fn clean_utf8_article_drops_furniture_and_keeps_body() {
    let (a, original) = load("news_clean.txt");
    assert_eq!(
        a.title,
        "Harbour city opens new ferry line after two-year delay"
    );
    let p = paragraphs(&a);
    assert_eq!(p.len(), 5, "{p:#?}");
    assert!(p[0].starts_with("PORTVALE \u{2014} The new ferry line"));
    assert!(p[1].starts_with("\u{201c}We kept our promise"));
    assert!(
        p[2].contains("J\u{fc}rgen M\u{fc}ller")
            && p[2].contains("\u{41e}\u{43b}\u{44c}\u{433}\u{430}")
    );
    assert!(p[4].starts_with("Tickets cost 4 euros"));
    assert!(
        a.warnings
            .contains(&"dropped 3 boilerplate lines".to_string()),
        "{:?}",
        a.warnings
    );
    assert!(
        a.warnings
            .contains(&"dropped 1 photo caption line".to_string())
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.starts_with("dropped the list of other headlines"))
    );
    assert_eq!(a.text.matches("\n\n").count(), 4);
    assert_eq!(a.byte_len, original.len());
    assert_eq!(
        a.content_hash,
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&original))
    );
    assert_offsets_exact(&a, &original);
}

#[test]
fn copied_text_maps_to_the_same_characters() {
    let (a, original) = load("news_clean.txt");
    let orig = std::str::from_utf8(&original).unwrap();
    for (i, c) in a.text.char_indices().filter(|(_, c)| *c != '\n') {
        assert!(
            orig[a.offsets.original(i)..].starts_with(c),
            "char {c:?} at {i}"
        );
    }
}

#[test]
fn repeated_body_and_caption_are_removed_once() {
    let (a, original) = load("repeated_body.txt");
    assert_eq!(paragraphs(&a).len(), 5);
    assert!(a.warnings.contains(
        &"removed a repeated copy of the article body (paragraphs 7\u{2013}10)".to_string()
    ));
    assert!(
        a.warnings
            .contains(&"dropped 1 line printed twice in a row".to_string())
    );
    assert_offsets_exact(&a, &original);
}

#[test]
fn thai_article_survives_untouched() {
    let (a, original) = load("thai_article.txt");
    let src = std::str::from_utf8(&original).unwrap();
    assert!(src.starts_with(&a.title));
    for p in paragraphs(&a) {
        assert!(src.contains(p));
    }
    // the only note is that speakers are not recognised in Thai
    assert!(
        a.warnings
            .iter()
            .all(|w| w.starts_with("language \u{201c}th\u{201d}")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn crlf_file_is_folded_and_mapped() {
    let (a, original) = load("crlf.txt");
    assert_eq!(a.title, "Bridge to reopen in May");
    assert_eq!(paragraphs(&a).len(), 2);
    assert!(!a.text.contains('\r'));
    assert_offsets_exact(&a, &original);
}

#[test]
fn windows_1252_curly_quotes_decode_and_map_to_single_bytes() {
    let bytes = b"Port fees rise\r\nThe harbour master said \x93fees will rise\x94 in June.\r\nShe added: \x91soon\x92 \x96 and that was all.\r\n";
    let a = ingest::ingest_bytes("fees.txt", bytes).unwrap();
    assert_eq!(a.title, "Port fees rise");
    assert!(a.text.contains("\u{201c}fees will rise\u{201d}"));
    assert!(a.text.contains("\u{2018}soon\u{2019} \u{2013}"));
    assert!(a.warnings.iter().any(|w| w.contains("windows-1252")));
    let open = a.text.find('\u{201c}').unwrap();
    assert_eq!(a.original_range(&(open..open + 3)), 40..41);
    assert_offsets_exact(&a, bytes);
}

#[test]
fn utf8_read_as_windows_1252_is_repaired_with_a_counted_warning() {
    let src = "Mayor quits\n\u{e2}\u{20ac}\u{153}I am done,\u{e2}\u{20ac}\u{9d} the mayor said. \u{e2}\u{20ac}\u{153}It\u{e2}\u{20ac}\u{2122}s time.\u{e2}\u{20ac}\u{9d} The caf\u{c3}\u{a9} closed.\n";
    let a = ingest::ingest_bytes("quits.txt", src.as_bytes()).unwrap();
    assert_eq!(
        a.text,
        "\u{201c}I am done,\u{201d} the mayor said. \u{201c}It\u{2019}s time.\u{201d} The caf\u{e9} closed."
    );
    assert!(
        a.warnings
            .contains(&"repaired 5 mis-decoded quotation marks".to_string()),
        "{:?}",
        a.warnings
    );
    assert_offsets_exact(&a, src.as_bytes());
}

#[test]
fn utf8_read_as_windows_874_is_repaired_in_both_forms() {
    let full = "Talks resume\nThe envoy said \u{e42}\u{20ac}\u{9c}we are close\u{e42}\u{20ac}\u{9d} on Monday.\n";
    let a = ingest::ingest_bytes("talks.txt", full.as_bytes()).unwrap();
    assert_eq!(
        a.text,
        "The envoy said \u{201c}we are close\u{201d} on Monday."
    );
    assert_offsets_exact(&a, full.as_bytes());

    let stripped = "Talks resume\nThe envoy said \u{e42}\u{20ac}we are close\u{e42}\u{20ac} and \u{e42}ready\u{e42}.\n";
    let a = ingest::ingest_bytes("talks.txt", stripped.as_bytes()).unwrap();
    assert_eq!(
        a.text,
        "The envoy said \u{201c}we are close\u{201d} and \u{201c}ready\u{201d}."
    );
    assert!(
        a.warnings
            .contains(&"repaired 4 mis-decoded quotation marks".to_string())
    );
    assert_offsets_exact(&a, stripped.as_bytes());
}

#[test]
fn accented_cyrillic_and_cjk_text_is_never_changed() {
    let body = "Z\u{fc}rich, S\u{e3}o Paulo, \u{c9}mile \u{e9}t\u{e9}, \u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}, \u{6771}\u{4eac}, \u{2018}\u{e0} la\u{2019} \u{ab}oui\u{bb} \u{201e}ja\u{201c}.";
    let src = format!("Cities\n{body}\n");
    let a = ingest::ingest_bytes("cities.txt", src.as_bytes()).unwrap();
    assert_eq!(a.text, body);
    assert!(a.warnings.is_empty());
}

#[test]
fn pasted_text_is_cleaned_and_labelled() {
    let a = ingest::read(&ingest::Input::Pasted {
        title: "Ferry".into(),
        outlet: "Island Times".into(),
        text: "First line.\r\nAdvertisement\r\nSecond line.".into(),
    })
    .unwrap();
    assert_eq!(a.format, verbatim::model::SourceFormat::Pasted);
    assert_eq!(a.path, "pasted: Ferry");
    assert_eq!(a.title, "Ferry");
    assert_eq!(a.meta.outlet.as_deref(), Some("Island Times"));
    assert_eq!(a.text, "First line.\n\nSecond line.");
    assert_eq!(a.offsets.original(13), 28);
}

#[test]
fn every_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing-article.txt");
    let err = ingest::load_path(&missing).unwrap_err();
    assert!(matches!(err, IngestError::Io { .. }));
    assert!(err.to_string().contains("missing-article.txt"));
    assert_eq!(err.path(), missing.display().to_string());

    let huge = dir.path().join("huge-article.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let err = ingest::load_path(&huge).unwrap_err();
    assert!(matches!(err, IngestError::TooLarge { .. }));
    assert!(err.to_string().contains("huge-article.txt") && err.to_string().contains("too large"));

    let cases: [(&str, &[u8], &str); 4] = [
        ("empty-article.txt", b"", "empty"),
        ("spaces-article.txt", b"  \n\t\r\n", "empty"),
        (
            "image-article.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary",
        ),
        ("page-article.pdf", b"<p>Hello</p>", "not a readable PDF"),
    ];
    for (name, bytes, reason) in cases {
        let err = ingest::ingest_bytes(name, bytes).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(name), "{message}");
        assert!(message.contains(reason), "{message}");
        assert_eq!(err.path(), name);
    }
}

#[test]
fn huge_single_line_and_many_quote_marks_stay_fast() {
    let budget = Duration::from_secs(20);
    let line = "word \u{201c}quoted\u{201d} ".repeat(5_000_000 / 20);
    let started = Instant::now();
    let a = ingest::ingest_bytes("long.txt", line.as_bytes()).unwrap();
    assert_eq!(a.paragraphs.len(), 1);
    assert!(started.elapsed() < budget, "{:?}", started.elapsed());

    for mark in [
        "\u{201c}",
        "\u{e2}\u{20ac}\u{153}",
        "\u{e42}\u{20ac}",
        "\u{e42}",
    ] {
        let text = format!("Quotes\na{}\n", mark.repeat(100_000));
        let started = Instant::now();
        let a = ingest::ingest_bytes("marks.txt", text.as_bytes()).unwrap();
        assert!(!a.text.is_empty());
        assert!(
            started.elapsed() < budget,
            "{mark:?}: {:?}",
            started.elapsed()
        );
    }
}

/// Pieces random articles are made of: words, quote marks, mojibake forms, line breaks,
/// non-Latin letters and furniture.
const PIECES: &[&str] = &[
    "Ana",
    "said",
    "the",
    "port",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    ".",
    ",",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "\u{e2}\u{20ac}\u{153}",
    "\u{e2}\u{20ac}\u{9d}",
    "\u{e2}\u{20ac}\u{2122}",
    "\u{e2}\u{20ac}",
    "\u{c3}\u{a9}",
    "\u{e9}",
    "\u{fc}",
    "\u{e42}\u{20ac}\u{9c}",
    "\u{e42}\u{20ac}\u{9d}",
    "\u{e42}\u{20ac}",
    "\u{e42}",
    "\u{e42}\u{e23}\u{e07}",
    "\u{41c}\u{438}\u{440}",
    "\u{a0}",
    "\nAdvertisement\n",
    "(AFP)",
    "\nRead more: x\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_cleaned_char_maps_back_to_its_original(
        picks in proptest::collection::vec(0..PIECES.len(), 1..80)
    ) {
        let src: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
        if let Ok(a) = ingest::ingest_bytes("p.txt", src.as_bytes()) {
            assert_offsets_exact(&a, src.as_bytes());
            for span in &a.paragraphs {
                prop_assert!(a.text.get(span.clone()).is_some());
            }
            for (i, c) in a.text.char_indices().filter(|(_, c)| is_quote(*c)) {
                let r = a.original_range(&(i..i + c.len_utf8()));
                prop_assert!(r.start < r.end);
            }
        }
    }
}
