//! What every reader hands on to the cleaning: a [`Draft`] (paragraphs that know their
//! original bytes, plus title, metadata and warnings), built by `formats/` and `html/`, taken
//! by `cleanup::finish`.

use super::annotated::AnnotatedText;
use crate::model::{ArticleMeta, SourceFormat};
use std::ops::Range;

/// One paragraph as a reader found it.
#[derive(Clone, Debug)]
pub(crate) struct Paragraph {
    /// The text, trimmed, not empty.
    pub text: AnnotatedText,
    /// The original bytes of the break after it (an empty range where there is none).
    pub break_after: Range<usize>,
}

/// What a reader hands to [`finish`](super::cleanup::finish).
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
