//! Text that remembers where it came from: [`AnnotatedText`] is a `String` plus, for every
//! byte, the byte range of the original file it was read from.
//!
//! Every cleaning step (decoding, newline folding, mojibake repair, trimming, dropping lines)
//! takes an `AnnotatedText` and builds a new one with [`AnnotatedText::push_slice`] for what it
//! keeps and [`AnnotatedText::push_mapped`] for what it replaces, so the final
//! `OffsetMap` stays exact without any step reasoning about offsets.
//!
//! Storage is a list of runs, like `OffsetMap`: a copied run maps byte for byte, a mapped run
//! (one repaired or decoded character) maps as a whole. A UTF-8 file is one run, so memory stays
//! proportional to the number of changes, not to the file size.

use crate::model::OffsetMap;
use std::ops::Range;

/// A run of cleaned bytes and the original bytes they came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    clean: usize,
    clean_len: usize,
    orig: usize,
    orig_len: usize,
    /// Byte-for-byte copy (else the run maps only as a whole).
    copied: bool,
}

/// Text where each byte knows the original byte range it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct AnnotatedText {
    text: String,
    runs: Vec<Run>,
}

impl AnnotatedText {
    /// Empty text.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// `text` copied unchanged from the original, starting at original byte `orig`.
    pub(crate) fn copied(text: &str, orig: usize) -> Self {
        let mut out = Self::new();
        out.push_copied(text, orig);
        out
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `s`, copied unchanged from original bytes starting at `orig`.
    pub(crate) fn push_copied(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.runs.last_mut()
            && last.copied
            && last.clean + last.clean_len == clean
            && last.orig + last.orig_len == orig
        {
            last.clean_len += s.len();
            last.orig_len += s.len();
            return;
        }
        self.runs.push(Run {
            clean,
            clean_len: s.len(),
            orig,
            orig_len: s.len(),
            copied: true,
        });
    }

    /// Appends `s`, which replaces the original bytes `orig` as a whole.
    pub(crate) fn push_mapped(&mut self, s: &str, orig: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(s);
        self.runs.push(Run {
            clean,
            clean_len: s.len(),
            orig: orig.start,
            orig_len: orig.end.saturating_sub(orig.start),
            copied: false,
        });
    }

    /// Index of the run holding cleaned byte `at`.
    fn run_index(&self, at: usize) -> usize {
        self.runs
            .partition_point(|r| r.clean <= at)
            .saturating_sub(1)
    }

    /// Appends `range` of `other`, keeping its origins. `range` must lie on char boundaries of
    /// `other`; a range that does not is ignored.
    pub(crate) fn push_slice(&mut self, other: &AnnotatedText, range: Range<usize>) {
        if range.start >= range.end || other.text.get(range.clone()).is_none() {
            return;
        }
        let mut i = other.run_index(range.start);
        while let Some(run) = other.runs.get(i) {
            if run.clean >= range.end {
                break;
            }
            let a = range.start.max(run.clean);
            let b = range.end.min(run.clean + run.clean_len);
            if let Some(s) = other.text.get(a..b) {
                if run.copied {
                    self.push_copied(s, run.orig + (a - run.clean));
                } else {
                    self.push_mapped(s, run.orig..run.orig + run.orig_len);
                }
            }
            i += 1;
        }
    }

    /// A new text holding `range` of this one.
    pub(crate) fn slice(&self, range: Range<usize>) -> AnnotatedText {
        let mut out = AnnotatedText::new();
        out.push_slice(self, range);
        out
    }

    /// The original byte range that `range` of this text came from.
    pub(crate) fn orig_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.orig_at(range.start);
        let end = if range.end > range.start {
            self.orig_end_at(range.end)
        } else {
            start
        };
        start..end.max(start)
    }

    /// Original offset of cleaned byte `at` (or just past the text when `at` is at the end).
    fn orig_at(&self, at: usize) -> usize {
        let Some(run) = self.runs.get(self.run_index(at)) else {
            return 0;
        };
        let d = at.saturating_sub(run.clean);
        if d >= run.clean_len {
            run.orig + run.orig_len
        } else if run.copied {
            run.orig + d
        } else {
            run.orig
        }
    }

    /// Original offset just past what the cleaned bytes before `end` came from.
    fn orig_end_at(&self, end: usize) -> usize {
        let Some(run) = self.runs.get(self.run_index(end.saturating_sub(1))) else {
            return 0;
        };
        let d = end.saturating_sub(run.clean);
        if run.copied && d < run.clean_len {
            run.orig + d
        } else {
            run.orig + run.orig_len
        }
    }

    /// Applies `edits` (sorted, non-overlapping byte ranges of this text, each with its
    /// replacement); every replacement maps to the original bytes of the range it replaces.
    pub(crate) fn replace_ranges(
        &self,
        edits: impl IntoIterator<Item = (Range<usize>, String)>,
    ) -> AnnotatedText {
        let mut out = AnnotatedText::new();
        let mut pos = 0;
        for (range, replacement) in edits {
            if range.start < pos || self.text.get(range.clone()).is_none() {
                continue;
            }
            out.push_slice(self, pos..range.start);
            out.push_mapped(&replacement, self.orig_range(range.clone()));
            pos = range.end;
        }
        out.push_slice(self, pos..self.text.len());
        out
    }

    /// Appends this text to `text`, recording its origins in `map`.
    pub(crate) fn write_into(&self, text: &mut String, map: &mut OffsetMap) {
        let base = text.len();
        text.push_str(&self.text);
        for run in &self.runs {
            map.push_run(base + run.clean, run.clean_len, run.orig, run.orig_len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_keep_byte_for_byte_origins() {
        let t = AnnotatedText::copied("hello world", 10);
        let s = t.slice(6..11);
        assert_eq!(s.as_str(), "world");
        assert_eq!(s.orig_range(0..5), 16..21);
        assert_eq!(s.orig_range(1..2), 17..18);
    }

    #[test]
    fn replacements_map_to_the_whole_replaced_range() {
        // "a\r\nb" with CRLF folded to "\n"
        let t = AnnotatedText::copied("a\r\nb", 0);
        let folded = t.replace_ranges([(1..3, "\n".to_string())]);
        assert_eq!(folded.as_str(), "a\nb");
        assert_eq!(folded.orig_range(1..2), 1..3);
        assert_eq!(folded.orig_range(2..3), 3..4);
        // a later replacement over the folded newline still spans both original bytes
        let again = folded.replace_ranges([(0..2, "A\n".to_string())]);
        assert_eq!(again.orig_range(0..2), 0..3);
    }

    #[test]
    fn write_into_builds_an_exact_offset_map() {
        let mut t = AnnotatedText::copied("ab", 0);
        t.push_mapped("\u{201c}", 2..5);
        t.push_copied("c", 5);
        let mut text = String::new();
        let mut map = OffsetMap::new(6);
        t.write_into(&mut text, &mut map);
        assert_eq!(text, "ab\u{201c}c");
        assert_eq!(map.original(2), 2);
        assert_eq!(map.original_end(5), 5);
        assert_eq!(map.original(5), 5);
    }
}
