//! Saved pages, PDFs and Word files read into articles: text, metadata, offsets, language.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use crate::support::files as make;

use verbatim::ingest::{IngestError, ingest_bytes, load_path};
use verbatim::model::SourceFormat;

const PAGE: &str = "tests/fixtures/formats/harbour.html";

fn page() -> verbatim::Article {
    load_path(std::path::Path::new(PAGE)).unwrap()
}

#[test]
fn a_saved_page_keeps_the_article_paragraphs_only() {
    let a = page();
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(a.paragraphs.len(), 7);
    assert!(a.text.starts_with("The town council voted on Thursday"));
    assert!(
        a.text
            .ends_with("publish the contract for the work next month.")
    );
    for furniture in [
        "cookies",
        "Home",
        "Most read",
        "Photo:",
        "Related",
        "Ferry",
        "Read more",
        "rights reserved",
        "By Ines",
    ] {
        assert!(!a.text.contains(furniture), "{furniture} left in the text");
    }
}

#[test]
fn a_saved_page_gives_headline_and_metadata() {
    let a = page();
    assert_eq!(a.title, "Harbour wall to be rebuilt after storm");
    assert_eq!(a.meta.outlet.as_deref(), Some("The Coast Ledger"));
    assert_eq!(a.meta.author.as_deref(), Some("Ines Calder"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-11-02T09:30:00Z"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://ledger.example/news/harbour-wall")
    );
    assert_eq!(a.meta.language.as_deref(), Some("en"));
}

#[test]
fn q_and_blockquote_become_quotation_marks() {
    let a = page();
    assert!(
        a.text
            .contains("warned that \u{201c}the boats need a safe berth long before March\u{201d},")
    );
    assert!(
        a.text
            .contains("\u{201c}Every week without a wall is a week the boats are at risk.\u{201d}")
    );
}

#[test]
fn page_offsets_lead_back_to_the_same_words_in_the_file() {
    let a = page();
    let source = std::fs::read_to_string(PAGE).unwrap();
    let word = "stranded on the rocks";
    let at = a.text.find(word).unwrap();
    let range = a.original_range(&(at..at + word.len()));
    assert_eq!(&source[range], word);
    // an entity in the text maps to the whole reference in the file
    let pound = a.text.find('\u{a3}').unwrap();
    let range = a.original_range(&(pound..pound + 2));
    assert_eq!(&source[range], "&pound;");
}

#[test]
fn a_legacy_page_is_decoded_by_its_declared_charset() {
    let mut bytes = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 closes</title></head><body><article>".to_vec();
    for _ in 0..4 {
        bytes.extend_from_slice(b"<p>The caf\xe9 on the square will close in June, its owner said on Monday, after forty years of trade and a long dispute over the rent.</p>");
    }
    bytes.extend_from_slice(b"</article></body></html>");
    let a = ingest_bytes("old.htm", &bytes).unwrap();
    assert_eq!(a.title, "Caf\u{e9} closes");
    assert!(a.text.starts_with("The caf\u{e9} on the square"));
    let at = a.text.find('\u{e9}').unwrap();
    let range = a.original_range(&(at..at + 2));
    assert_eq!(&bytes[range], b"\xe9");
}

#[test]
fn a_pdf_text_layer_keeps_paragraphs_and_repairs_hyphens() {
    let bytes = make::pdf_with_lines(&[
        "Quarry expansion refused",
        "",
        "The planning board refused the quarry operator request to",
        "expand on Tuesday, citing noise and dust com-",
        "plaints from nearby villages.",
        "",
        "The company said it would appeal.",
    ]);
    let a = ingest_bytes("quarry.pdf", &bytes).unwrap();
    assert_eq!(a.format, SourceFormat::Pdf);
    assert_eq!(a.title, "Quarry expansion refused");
    let paragraphs: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(p)).collect();
    assert_eq!(
        paragraphs,
        [
            "The planning board refused the quarry operator request to expand on Tuesday, citing noise and dust complaints from nearby villages.",
            "The company said it would appeal."
        ]
    );
}

#[test]
fn a_pdf_without_text_says_it_may_be_a_scan() {
    let err = ingest_bytes("scan.pdf", &make::pdf_without_text()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable { .. }));
    assert_eq!(
        err.to_string(),
        "scan.pdf: this PDF has no text layer (a scanned document?)"
    );
}

#[test]
fn a_docx_gives_its_paragraphs_and_headline() {
    let bytes = make::docx_with_paragraphs(&[
        "Library opening hours extended",
        "The city library will open on Sundays from May, the culture office said.",
        "\u{201c}People asked for it,\u{201d} said librarian Oda Berg.",
    ]);
    let a = ingest_bytes("library.docx", &bytes).unwrap();
    assert_eq!(a.format, SourceFormat::Docx);
    assert_eq!(a.title, "Library opening hours extended");
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.text.ends_with("said librarian Oda Berg."));
    assert!(a.original_range(&a.paragraphs[1]).end <= bytes.len());
}

#[test]
fn a_french_article_is_detected_and_not_warned_about() {
    let text = "Le maire a d\u{e9}clar\u{e9} mardi que le vieux pont serait ferm\u{e9} pendant trois mois.\n\
                \u{ab} Nous n'avons pas le choix \u{bb}, a-t-il ajout\u{e9} devant le conseil municipal r\u{e9}uni en s\u{e9}ance extraordinaire.\n";
    let a = ingest_bytes("pont.txt", text.as_bytes()).unwrap();
    assert_eq!(a.meta.language.as_deref(), Some("fr"));
    assert!(a.warnings.iter().all(|w| !w.starts_with("language")));
}

#[test]
fn an_article_in_another_language_is_warned_about() {
    let text = "Burmistrz powiedzia\u{142} we wtorek, \u{17c}e stary most zostanie zamkni\u{119}ty na trzy miesi\u{105}ce.\n\
                Mieszka\u{144}cy b\u{119}d\u{105} musieli korzysta\u{107} z promu, dop\u{f3}ki prace si\u{119} nie zako\u{144}cz\u{105}.\n";
    let a = ingest_bytes("most.txt", text.as_bytes()).unwrap();
    assert_eq!(a.meta.language.as_deref(), Some("pl"));
    assert!(
        a.warnings
            .iter()
            .any(|w| w.starts_with("language \u{201c}pl\u{201d}"))
    );
}

#[test]
fn quotations_in_a_page_point_at_their_words_in_the_file() {
    let analysis = verbatim::analyze(vec![page()], &verbatim::AnalyzeOptions::default());
    let source = std::fs::read_to_string(PAGE).unwrap();
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We cannot leave the harbour"))
        .expect("the council leader's quotation is found");
    assert!(source[quote.start..quote.end].starts_with("We cannot leave the harbour"));
    assert_eq!(
        quote
            .speaker_as_written
            .as_deref()
            .map(|s| s.contains("Olsen")),
        Some(true)
    );
    let inline = analysis
        .quotes
        .iter()
        .find(|q| q.text.starts_with("the boats need a safe berth"))
        .expect("the <q> quotation is found");
    assert!(source[inline.start..inline.end].starts_with("the boats need a safe berth"));
}

#[test]
fn a_spanish_page_keeps_its_quotation_and_speaker() {
    let html = "<html lang=\"es\"><head><title>El puente cierra</title></head><body><article>\
        <p>El ayuntamiento cerrará el puente viejo durante tres meses para reparar los pilares, \
        según anunció el martes tras una reunión con los vecinos del barrio.</p>\
        <p>\u{ab}No tenemos otra opción\u{bb}, dijo el alcalde Pablo Durán ante el pleno municipal.</p>\
        </article></body></html>";
    let a = ingest_bytes("puente.html", html.as_bytes()).unwrap();
    assert_eq!(a.meta.language.as_deref(), Some("es"));
    assert!(a.warnings.iter().all(|w| !w.starts_with("language")));
    let analysis = verbatim::analyze(vec![a], &verbatim::AnalyzeOptions::default());
    let quote = analysis.quotes.first().expect("the quotation is found");
    assert_eq!(quote.text, "No tenemos otra opción");
    assert_eq!(quote.speaker.as_deref(), Some("Pablo Durán"));
    assert_eq!(&html[quote.start..quote.end], "No tenemos otra opción");
}

#[test]
fn a_pdf_page_tree_that_loops_is_refused() {
    // found by the fuzzer: a page whose /Parent is itself sent pdf-extract into endless recursion
    let data = std::fs::read("tests/fixtures/fuzz/pdf_parent_loop").unwrap();
    let err = ingest_bytes("loop.pdf", &data[1..]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "loop.pdf: the PDF's page tree is damaged (it loops)"
    );
}
