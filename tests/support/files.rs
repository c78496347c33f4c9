//! Builders for test files: a PDF with a text layer (or without one) and a DOCX, made here so
//! no binary fixture has to be checked in.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use std::io::{Cursor, Write};

/// A one-page PDF whose text layer holds `lines` (an empty string leaves a blank line),
/// set in Courier 11 pt from the top of the page.
pub fn pdf_with_lines(lines: &[&str]) -> Vec<u8> {
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![60.into(), 780.into()]),
    ];
    for line in lines {
        operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    pdf_with_content(Content { operations })
}

/// A one-page PDF that only paints a rectangle: what a scan without OCR looks like to a text
/// extractor.
pub fn pdf_without_text() -> Vec<u8> {
    pdf_with_content(Content {
        operations: vec![
            Operation::new("re", vec![50.into(), 50.into(), 400.into(), 600.into()]),
            Operation::new("f", vec![]),
        ],
    })
}

fn pdf_with_content(content: Content) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let encoded = content.encode().unwrap_or_default();
    let content_id = doc.add_object(Stream::new(dictionary! {}, encoded));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    let pages = dictionary! {
        "Type" => "Pages",
        "Kids" => vec![page_id.into()],
        "Count" => 1,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

/// A .docx whose body holds one paragraph per string.
pub fn docx_with_paragraphs(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(p)
            )
        })
        .collect();
    docx_with_parts(&[("word/document.xml", document_xml(&body).as_bytes())])
}

/// The XML of a document whose `<w:body>` holds `body`.
pub fn document_xml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
}

/// A zip archive of `parts`, deflated.
pub fn docx_with_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in parts {
        let _ = zip.start_file(*name, options);
        let _ = zip.write_all(data);
    }
    let _ = zip.finish();
    out.into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
