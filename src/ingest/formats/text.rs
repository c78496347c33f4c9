//! The plain-text reader: bytes in, a [`Draft`] out (decoded, mojibake repaired, one paragraph
//! per non-blank line, the headline taken out as the title).

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::cleanup::headline;
use crate::ingest::draft::{Draft, Paragraph};
use crate::ingest::repair::{self, decode};
use crate::model::{ArticleMeta, SourceFormat};

/// Reads a plain-text file.
pub(crate) fn read_text(path: &str, bytes: &[u8]) -> Draft {
    let decoded = decode::decode(bytes);
    let mut warnings = decoded.warnings;
    let (mut draft, notes) = draft_from(path, decoded.text, SourceFormat::Text);
    warnings.extend(notes);
    draft.title = headline::take_text_title(&mut draft.paragraphs, path);
    if headline::drop_repeated_headline(&mut draft.paragraphs, &draft.title) {
        warnings.push("dropped the headline printed again above the body".to_string());
    }
    draft.warnings = warnings;
    draft
}

/// Text pasted into the app under `path`: not decoded (it is already text), but repaired and
/// split. The title is the one the user gave, so every line is body, except a first line
/// that repeats the title.
pub(crate) fn read_pasted(path: &str, title: &str, outlet: &str, text: &str) -> Draft {
    let folded = decode::fold_newlines(&AnnotatedText::copied(text, 0));
    let (mut draft, mut warnings) = draft_from(path, folded, SourceFormat::Pasted);
    draft.title = title.to_string();
    draft.meta.outlet = Some(outlet.trim().to_string()).filter(|o| !o.is_empty());
    if headline::drop_repeated_headline(&mut draft.paragraphs, &draft.title) {
        warnings.push("dropped the headline printed again above the body".to_string());
    }
    draft.warnings = warnings;
    draft
}

/// Repairs mojibake and splits into paragraphs; the title is left empty.
fn draft_from(path: &str, text: AnnotatedText, format: SourceFormat) -> (Draft, Vec<String>) {
    let (text, warnings) = repair::repair(text);
    let draft = Draft {
        path: path.to_string(),
        format,
        title: String::new(),
        meta: ArticleMeta::default(),
        paragraphs: split_lines(&text),
        warnings: Vec::new(),
    };
    (draft, warnings)
}

/// Splits `text` into paragraphs: every non-blank line is one, trimmed of surrounding white
/// space (the characters inside are kept, so offsets stay exact).
pub(crate) fn split_lines(text: &AnnotatedText) -> Vec<Paragraph> {
    let s = text.as_str();
    let mut paragraphs = Vec::new();
    let mut start = 0;
    while start <= s.len() {
        let end = s
            .get(start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(s.len(), |i| start + i);
        let line = s.get(start..end).unwrap_or_default();
        let trimmed = line.trim_start_matches(is_blank);
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(is_blank);
        if !trimmed.is_empty() {
            let from = start + lead;
            paragraphs.push(Paragraph {
                text: text.slice(from..from + trimmed.len()),
                break_after: text.orig_range(end..(end + 1).min(s.len())),
            });
        }
        start = end + 1;
    }
    paragraphs
}

/// White space and invisible characters that may pad a line.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_blank_line_is_a_trimmed_paragraph() {
        let p = split_lines(&AnnotatedText::copied("  One two.\n\n\u{a0}\nThree\t\n", 0));
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One two.", "Three"]);
        assert_eq!(p.first().map(|p| p.text.orig_range(0..3)), Some(2..5));
        assert_eq!(p.first().map(|p| p.break_after.clone()), Some(10..11));
    }

    #[test]
    fn a_headline_first_line_becomes_the_title() {
        let d = read_text(
            "news/a.txt",
            b"Harbour bridge to close for repairs\nThe bridge will close.\n",
        );
        assert_eq!(d.title, "Harbour bridge to close for repairs");
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn a_dateline_sentence_is_kept_and_the_file_stem_is_the_title() {
        let first = "LISBON, March 3 - The harbour bridge will close for three weeks of repairs \
                     from Monday, the city council said in a statement on Friday.";
        let src = format!("{first}\nTraffic will be diverted.\n");
        let d = read_text("news/bridge-story.txt", src.as_bytes());
        assert_eq!(d.title, "bridge-story");
        assert_eq!(d.paragraphs.first().map(|p| p.text.as_str()), Some(first));
    }

    #[test]
    fn a_headline_printed_twice_is_kept_once() {
        let d = read_text(
            "a.txt",
            b"Ferry line opens
Ferry  line opens
It opened today.
",
        );
        assert_eq!(d.title, "Ferry line opens");
        let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["It opened today."]);
        assert_eq!(
            d.warnings,
            ["dropped the headline printed again above the body"]
        );
    }

    #[test]
    fn a_single_line_is_body_not_title() {
        let d = read_text(
            "one.txt",
            "\u{201c}We will not stop,\u{201d} Ana Ruiz said.".as_bytes(),
        );
        assert_eq!(d.title, "one");
        assert_eq!(d.paragraphs.len(), 1);
    }
}
