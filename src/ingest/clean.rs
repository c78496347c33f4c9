//! The cleaning every reader shares: a [`Draft`] (paragraphs that know their original bytes,
//! plus title and metadata) in, a finished [`Article`] out.
//!
//! [`finish`] drops boilerplate ([`super::boilerplate`]), then repeated bodies and captions
//! ([`super::repeats`]), joins what is left with `"\n\n"`, detects the language when the
//! reader did not know it, and builds the exact [`OffsetMap`]: copied bytes map to
//! themselves, repaired characters to the bytes they replaced, and each inserted separator to
//! the original line break after the paragraph before it.

use super::annotated::AnnotatedText;
use super::{boilerplate, language, repeats};
use crate::model::{Article, ArticleMeta, OffsetMap, SourceFormat};
use std::ops::Range;

/// One paragraph as a reader found it.
#[derive(Clone, Debug)]
pub(crate) struct Paragraph {
    /// The text, trimmed, not empty.
    pub text: AnnotatedText,
    /// The original bytes of the break after it (an empty range where there is none).
    pub break_after: Range<usize>,
}

/// What a reader hands to [`finish`].
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    /// The path or URL as given.
    pub path: String,
    /// How the source was read.
    pub format: SourceFormat,
    /// The headline (or the file name when there is none).
    pub title: String,
    /// Metadata the reader found.
    pub meta: ArticleMeta,
    /// The body paragraphs in reading order, the title not among them.
    pub paragraphs: Vec<Paragraph>,
    /// Notes from reading (decoding, repairs).
    pub warnings: Vec<String>,
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

/// Applies the shared cleaning to `draft` and builds the article. `original` is the bytes
/// the draft's offsets point into.
pub(crate) fn finish(draft: Draft, original: &[u8]) -> Article {
    let Draft {
        path,
        format,
        title,
        mut meta,
        paragraphs,
        mut warnings,
    } = draft;
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let (keep, notes) = boilerplate::boilerplate_mask(&texts);
    warnings.extend(notes);
    let survivors: Vec<usize> = (0..texts.len())
        .filter(|&i| keep.get(i).copied().unwrap_or(true))
        .collect();
    let kept_texts: Vec<&str> = survivors
        .iter()
        .filter_map(|&i| texts.get(i).copied())
        .collect();
    let numbers: Vec<usize> = survivors.iter().map(|i| i + 1).collect();
    let (keep, notes) = repeats::repeat_mask(&kept_texts, &numbers);
    warnings.extend(notes);
    let kept = survivors
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .filter_map(|(&i, _)| paragraphs.get(i));
    let (text, spans, offsets) = join(kept, original.len());
    if spans.is_empty() {
        warnings.push("no article text is left after cleaning".to_string());
    }
    if meta.language.is_none() {
        meta.language = language::detect_language(&text);
    }
    Article {
        path,
        title,
        meta,
        format,
        text,
        paragraphs: spans,
        offsets,
        warnings,
        content_hash: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(original)),
        byte_len: original.len(),
        ..Article::default()
    }
}

/// Joins paragraphs with `"\n\n"`, returning the text, the paragraph spans and the offset map.
fn join<'a>(
    paragraphs: impl Iterator<Item = &'a Paragraph>,
    original_len: usize,
) -> (String, Vec<Range<usize>>, OffsetMap) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut map = OffsetMap::new(original_len);
    let mut prev_break: Option<Range<usize>> = None;
    for paragraph in paragraphs {
        if let Some(brk) = prev_break.take() {
            let mut sep = AnnotatedText::new();
            sep.push_mapped("\n\n", brk);
            sep.write_into(&mut text, &mut map);
        }
        let start = text.len();
        paragraph.text.write_into(&mut text, &mut map);
        spans.push(start..text.len());
        prev_break = Some(paragraph.break_after.clone());
    }
    (text, spans, map)
}

/// The title of an article with no headline: the file name without its extension (or the path
/// itself when it has none).
pub(crate) fn title_from_path(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(src: &str) -> Draft {
        Draft {
            path: "t.txt".into(),
            format: SourceFormat::Text,
            title: "T".into(),
            meta: ArticleMeta::default(),
            paragraphs: split_lines(&AnnotatedText::copied(src, 0)),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn every_non_blank_line_is_a_trimmed_paragraph() {
        let p = split_lines(&AnnotatedText::copied("  One two.\n\n\u{a0}\nThree\t\n", 0));
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One two.", "Three"]);
        assert_eq!(p.first().map(|p| p.text.orig_range(0..3)), Some(2..5));
        assert_eq!(p.first().map(|p| p.break_after.clone()), Some(10..11));
    }

    #[test]
    fn finish_joins_with_blank_lines_mapped_to_the_breaks() {
        let src = "First line.\nSecond line.\r\n";
        let a = finish(draft(src), src.as_bytes());
        assert_eq!(a.text, "First line.\n\nSecond line.");
        assert_eq!(a.paragraphs, [0..11, 13..25]);
        assert_eq!(a.offsets.original(11), 11);
        assert_eq!(a.offsets.original(13), 12);
        assert_eq!(&src[a.offsets.original(13)..], "Second line.\r\n");
    }
}
