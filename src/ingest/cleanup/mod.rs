//! The cleaning every reader shares: a [`Draft`] (paragraphs that know their original bytes,
//! plus title and metadata) in, a finished [`Article`] out.
//!
//! [`finish`] drops boilerplate ([`boilerplate`], matching the phrase lists in [`phrases`]),
//! then repeated bodies and captions ([`repeats`]), joins what is left with `"\n\n"` and
//! builds the exact [`OffsetMap`]: copied bytes map to themselves, repaired characters to the
//! bytes they replaced, and each inserted separator to the original line break after the
//! paragraph before it. The readers take the title out first with the rules in [`headline`].
//! The language is settled afterwards, once, by `ingest::language`.

mod boilerplate;
pub(crate) mod headline;
mod phrases;
mod repeats;

use crate::ingest::annotated::AnnotatedText;
use crate::ingest::draft::{Draft, Paragraph};
use crate::model::{Article, OffsetMap};
use std::ops::Range;

/// Applies the shared cleaning to `draft` and builds the article. `original` is the bytes
/// the draft's offsets point into.
pub(crate) fn finish(draft: Draft, original: &[u8]) -> Article {
    let Draft {
        path,
        format,
        title,
        meta,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::formats::text::split_lines;
    use crate::model::{ArticleMeta, SourceFormat};

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
    fn the_language_is_left_to_the_language_stage() {
        let src =
            "The council voted on Tuesday to close the old bridge for repairs, the mayor said.\n";
        let a = finish(draft(src), src.as_bytes());
        assert_eq!(a.meta.language, None);
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
