//! Paragraph texts pulled out of a container format (PDF, DOCX) → the paragraphs of a
//! `Draft`.
//!
//! The bytes of those files are compressed, so no position in them holds a character of the
//! text. Offsets therefore count bytes of the extracted text, paragraphs laid end to end with
//! one separator byte between them, and are capped at the file's size by the offset map: they
//! are stable for one file (quotation keys stay the same across analyses) and always inside it,
//! but they do not point at the characters in the file.

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::draft::Paragraph;

/// Builds paragraphs from extracted texts, in extracted-text coordinates. Empty texts are
/// skipped; white space inside a paragraph is left as extracted.
pub(crate) fn paragraphs(texts: &[String]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for text in texts {
        let trimmed = text.trim();
        let lead = text.len() - text.trim_start().len();
        if !trimmed.is_empty() {
            let start = pos + lead;
            let end = start + trimmed.len();
            out.push(Paragraph {
                text: AnnotatedText::copied(trimmed, start),
                break_after: end..end + 1,
            });
        }
        pos += text.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_the_extracted_text() {
        let p = paragraphs(&[" One.".to_string(), String::new(), "Two.".to_string()]);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One.", "Two."]);
        assert_eq!(p.first().map(|p| p.text.orig_range(0..4)), Some(1..5));
        assert_eq!(p.get(1).map(|p| p.text.orig_range(0..4)), Some(7..11));
    }
}
