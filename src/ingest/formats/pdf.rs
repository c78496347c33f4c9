//! The PDF reader: `.pdf` bytes in, a [`Draft`] out, from the text layer.
//!
//! 1. `lopdf` loads the file with its decompression limit, and every stream is inflated once
//!    under a cap: together they may inflate to at most [`MAX_PDF_INFLATED`] bytes, so a PDF
//!    bomb is refused before any text is extracted.
//!    A page tree whose `/Parent` links loop is refused too (pdf-extract would recurse forever).
//! 2. `pdf-extract` reads the text layer (it lays text out best); when it fails or finds
//!    nothing, `lopdf`'s own extraction is tried. Both are third-party parsers that may panic on
//!    a damaged file, so each runs under `catch_unwind` and a panic becomes a per-file error.
//! 3. No letters at all means no text layer: "this PDF has no text layer (a scanned document?)".
//! 4. Paragraphs: blank lines and page breaks separate them; the lines of one paragraph are
//!    joined with a space, and a word hyphenated across a line break is rejoined. At most
//!    [`MAX_PDF_TEXT`] bytes of text are kept. Offsets count the extracted text (`extracted`).

use super::extracted;
use crate::ingest::IngestError;
use crate::ingest::cleanup::headline;
use crate::ingest::draft::Draft;
use crate::model::{ArticleMeta, SourceFormat};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The most bytes all of a PDF's streams may inflate to (64 MiB).
pub const MAX_PDF_INFLATED: usize = 64 * 1024 * 1024;

/// The deepest page tree accepted (real files have a handful of levels).
const MAX_TREE_DEPTH: usize = 64;

/// The most bytes of text kept from a PDF (4 MiB); the rest is dropped with a warning.
pub const MAX_PDF_TEXT: usize = 4 * 1024 * 1024;

/// Reads the text layer of a PDF.
pub(crate) fn read_pdf(path: &str, bytes: &[u8]) -> Result<Draft, IngestError> {
    let refuse = |reason: String| IngestError::Unreadable {
        path: path.to_string(),
        reason,
    };
    let doc = load(bytes).map_err(refuse)?;
    check_page_tree(&doc).map_err(refuse)?;
    let mut text = text_layer(bytes, &doc);
    if !text.chars().any(char::is_alphanumeric) {
        return Err(refuse(
            "this PDF has no text layer (a scanned document?)".to_string(),
        ));
    }
    let mut warnings = Vec::new();
    if text.len() > MAX_PDF_TEXT {
        let mut end = MAX_PDF_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        warnings.push(format!("kept only the first {MAX_PDF_TEXT} bytes of text"));
    }
    let mut paragraphs = extracted::paragraphs(&paragraph_texts(&text));
    let title = headline::take_extracted_title(&mut paragraphs, path);
    Ok(Draft {
        path: path.to_string(),
        format: SourceFormat::Pdf,
        title,
        meta: ArticleMeta::default(),
        paragraphs,
        warnings,
    })
}

/// Loads the document and checks what its streams inflate to.
fn load(bytes: &[u8]) -> Result<lopdf::Document, String> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_PDF_INFLATED),
        ..lopdf::LoadOptions::default()
    };
    let doc = catch_unwind(|| lopdf::Document::load_mem_with_options(bytes, options))
        .map_err(|_| "not a readable PDF (the parser failed)".to_string())?
        .map_err(|e| format!("not a readable PDF ({e})"))?;
    let mut total = 0usize;
    for object in doc.objects.values() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let left = MAX_PDF_INFLATED.saturating_sub(total);
        let inflated = catch_unwind(AssertUnwindSafe(|| {
            stream.decompressed_content_with_limit(left)
        }));
        match inflated {
            Ok(Ok(content)) => total = total.saturating_add(content.len()),
            Ok(Err(lopdf::Error::Decompress(_))) | Err(_) => {
                return Err(format!(
                    "the PDF's streams inflate to more than {MAX_PDF_INFLATED} bytes or are damaged: refused"
                ));
            }
            Ok(Err(_)) => {}
        }
    }
    Ok(doc)
}

/// Refuses a page tree where a page's `/Parent` chain loops or runs deeper than
/// [`MAX_TREE_DEPTH`]: pdf-extract follows that chain by recursion without a guard, so a loop
/// would overflow the stack (an abort no `catch_unwind` can catch).
fn check_page_tree(doc: &lopdf::Document) -> Result<(), String> {
    for page in doc.get_pages().into_values() {
        let mut seen = vec![page];
        let mut current = page;
        while let Some(parent) = parent_of(doc, current) {
            if seen.contains(&parent) || seen.len() > MAX_TREE_DEPTH {
                return Err("the PDF's page tree is damaged (it loops)".to_string());
            }
            seen.push(parent);
            current = parent;
        }
    }
    Ok(())
}

/// The `/Parent` reference of object `id`, if it has one.
fn parent_of(doc: &lopdf::Document, id: lopdf::ObjectId) -> Option<lopdf::ObjectId> {
    doc.get_object(id)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"Parent")
        .ok()?
        .as_reference()
        .ok()
}

/// The text layer: pdf-extract's, else lopdf's, else empty.
fn text_layer(bytes: &[u8], doc: &lopdf::Document) -> String {
    let primary = catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .ok()
        .and_then(Result::ok)
        .filter(|t| t.chars().any(char::is_alphanumeric));
    primary.unwrap_or_else(|| {
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        catch_unwind(AssertUnwindSafe(|| {
            doc.extract_text_with_limit(&pages, MAX_PDF_INFLATED)
        }))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
    })
}

/// Splits extracted text into paragraphs (blank lines and form feeds) and joins each one's
/// lines, rejoining hyphenated words.
fn paragraph_texts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.replace('\x0c', "\n\n").split('\n') {
        push_line(&mut out, &mut current, line.trim());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Adds one line to the paragraph being built; a blank line ends it.
fn push_line(out: &mut Vec<String>, current: &mut String, line: &str) {
    if line.is_empty() {
        if !current.is_empty() {
            out.push(std::mem::take(current));
        }
        return;
    }
    join_line(current, line);
}

/// Appends `line` to the paragraph `current`: after a letter and a hyphen at the end of the
/// previous line, a line starting with a lower-case letter continues the word (the hyphen was
/// a line-break hyphen); any other line after such a hyphen keeps it (`North-East`).
fn join_line(current: &mut String, line: &str) {
    let mut tail = current.chars().rev();
    let hyphen = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
    if hyphen && line.chars().next().is_some_and(char::is_lowercase) {
        current.pop();
    } else if !current.is_empty() && !hyphen {
        current.push(' ');
    }
    current.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_split_and_lines_join() {
        let t = paragraph_texts("First line\nsecond line.\n\nNext para-\ngraph here.\x0cPage two.");
        assert_eq!(
            t,
            [
                "First line second line.",
                "Next paragraph here.",
                "Page two."
            ]
        );
    }

    #[test]
    fn a_hyphen_before_a_capital_is_kept() {
        assert_eq!(paragraph_texts("North-\nEast"), ["North-East"]);
    }

    #[test]
    fn garbage_is_not_a_pdf() {
        let err = read_pdf("x.pdf", b"%PDF-1.4 nothing else")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("x.pdf: not a readable PDF")));
    }
}
