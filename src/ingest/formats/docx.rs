//! The Word reader: `.docx` bytes in, a [`Draft`] out, one paragraph per `<w:p>` of
//! `word/document.xml`, read with `zip` and `roxmltree` (docx-rs inflates every part of the
//! archive without a limit, so it cannot be trusted with a hostile file).
//!
//! Zip-bomb protection, before anything is inflated: at most [`MAX_DOCX_ENTRIES`] entries, and
//! their declared uncompressed sizes may add up to at most [`MAX_DOCX_INFLATED`] bytes. Since a
//! declared size can lie, the document part is then inflated through a reader capped at the
//! same limit. XML with a DTD is refused (entity expansion), and the node count is capped.
//!
//! Text: `<w:t>` runs, `<w:tab/>` as a tab, `<w:br/>` / `<w:cr/>` as a space,
//! `<w:noBreakHyphen/>` as a hyphen; deleted text (`<w:delText>`) is left out. Offsets count
//! the extracted text (see `extracted`). The title is the first paragraph when it reads as a
//! headline, else the file name, as for plain text.

use super::extracted;
use crate::ingest::IngestError;
use crate::ingest::cleanup::headline;
use crate::ingest::draft::Draft;
use crate::model::{ArticleMeta, SourceFormat};
use std::io::{Cursor, Read};

/// The most entries an archive may hold.
pub const MAX_DOCX_ENTRIES: usize = 10_000;

/// The most bytes the archive may inflate to (64 MiB), declared or actual.
pub const MAX_DOCX_INFLATED: u64 = 64 * 1024 * 1024;

/// The most XML nodes parsed.
const MAX_XML_NODES: u32 = 2_000_000;

/// How far up from a text run its paragraph is looked for.
const MAX_RUN_DEPTH: usize = 64;

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Reads a Word document.
pub(crate) fn read_docx(path: &str, bytes: &[u8]) -> Result<Draft, IngestError> {
    let refuse = |reason: String| IngestError::Unreadable {
        path: path.to_string(),
        reason,
    };
    let xml = document_xml(bytes).map_err(refuse)?;
    let texts = paragraph_texts(&xml).map_err(refuse)?;
    let mut paragraphs = extracted::paragraphs(&texts);
    let title = headline::take_extracted_title(&mut paragraphs, path);
    Ok(Draft {
        path: path.to_string(),
        format: SourceFormat::Docx,
        title,
        meta: ArticleMeta::default(),
        paragraphs,
        warnings: Vec::new(),
    })
}

/// The text of `word/document.xml`, after the zip-bomb checks.
fn document_xml(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (the zip archive cannot be read: {e})"))?;
    if archive.len() > MAX_DOCX_ENTRIES {
        return Err(format!(
            "the archive holds {} entries (the limit is {MAX_DOCX_ENTRIES}): refused as a zip bomb",
            archive.len()
        ));
    }
    let mut declared = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| format!("damaged zip archive: {e}"))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_DOCX_INFLATED {
        return Err(bomb_message());
    }
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document (no word/document.xml inside)".to_string())?;
    let mut xml = Vec::new();
    entry
        .take(MAX_DOCX_INFLATED + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("damaged zip archive: {e}"))?;
    if xml.len() as u64 > MAX_DOCX_INFLATED {
        return Err(bomb_message());
    }
    String::from_utf8(xml).map_err(|_| "word/document.xml is not UTF-8 text".to_string())
}

fn bomb_message() -> String {
    format!("the archive inflates to more than {MAX_DOCX_INFLATED} bytes: refused as a zip bomb")
}

/// One string per `<w:p>`, in document order.
fn paragraph_texts(xml: &str) -> Result<Vec<String>, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, options)
        .map_err(|e| format!("word/document.xml is damaged: {e}"))?;
    let mut texts: Vec<(roxmltree::NodeId, String)> = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let piece = match (node.tag_name().namespace(), node.tag_name().name()) {
            (Some(W), "t") => node.text().unwrap_or(""),
            (Some(W), "tab") => "\t",
            (Some(W), "br" | "cr") => " ",
            (Some(W), "noBreakHyphen") => "-",
            (Some(W), "p") => "",
            _ => continue,
        };
        let Some(paragraph) = enclosing_paragraph(node) else {
            continue;
        };
        match texts.last_mut() {
            Some((id, text)) if *id == paragraph => text.push_str(piece),
            _ => texts.push((paragraph, piece.to_string())),
        }
    }
    Ok(texts.into_iter().map(|(_, t)| t).collect())
}

/// The nearest `<w:p>` at or above `node`, looked for a bounded way up.
fn enclosing_paragraph(node: roxmltree::Node<'_, '_>) -> Option<roxmltree::NodeId> {
    node.ancestors()
        .take(MAX_RUN_DEPTH)
        .find(|n| n.tag_name().namespace() == Some(W) && n.tag_name().name() == "p")
        .map(|n| n.id())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx holding `body` as the content of `<w:body>`.
    pub(crate) fn docx_with(body: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
        );
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let _ = zip.start_file("word/document.xml", options);
        let _ = zip.write_all(xml.as_bytes());
        let _ = zip.finish();
        out.into_inner()
    }

    #[test]
    fn paragraphs_and_runs_are_read_in_order() {
        let body = "<w:p><w:r><w:t>Quay plan</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space=\"preserve\">The council </w:t></w:r><w:r><w:t>agreed.</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Second</w:t><w:br/><w:t>line</w:t><w:delText>gone</w:delText></w:r></w:p>";
        let draft = read_docx("a.docx", &docx_with(body)).ok();
        let texts: Vec<String> = draft
            .iter()
            .flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str().to_string()))
            .collect();
        assert_eq!(texts, ["The council agreed.", "Second line"]);
        assert_eq!(draft.map(|d| d.title), Some("Quay plan".to_string()));
    }

    #[test]
    fn a_zip_without_a_document_part_is_refused() {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let _ = zip.start_file("other.txt", zip::write::SimpleFileOptions::default());
        let _ = zip.write_all(b"hello");
        let _ = zip.finish();
        let err = read_docx("b.docx", &out.into_inner())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("b.docx: not a Word document (no word/document.xml inside)")
        );
    }

    #[test]
    fn a_dtd_is_refused() {
        let err = paragraph_texts("<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>").err();
        assert!(err.is_some_and(|e| e.starts_with("word/document.xml is damaged")));
    }
}
