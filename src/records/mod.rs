//! The analysis split at its natural seam: extraction (per article, on any machine) writes
//! JSON Lines records; grouping reads the merged records and runs the stages that look
//! across articles.
//!
//! In ([`write`]): an [`Article`] read by [`crate::ingest`]. Out: one article record, then one
//! record per quotation, each a line of JSON tagged by `"record"`. In ([`read`]): record lines
//! from any number of files, in any order, shards concatenated. Out: the articles, each
//! article's quotations and the articles' stories, ready for
//! [`crate::pipeline::analyze_extracted`], whose result is that of [`crate::analyze`].
//!
//! An article record carries what the result says of the article (path, title, metadata,
//! warnings, content hash) and its story keys: every entity it names ([`crate::group::story_keys`]).
//! Which of those are rare depends on the whole corpus, so grouping decides it. A quotation
//! record carries its article's id and path, its position among the article's quotations,
//! offsets, text, speaker as resolved and as written, the evidence, and its content terms
//! (the grouping key a distributed shuffle partitions by; grouping recomputes the full
//! signature from the text). Every record holds the format version, [`FORMAT_VERSION`].
//!
//! Article ids must be unique over all shards: [`write::article_id`] derives them from the
//! path, or numbers them after a prefix the caller chooses per shard.

use serde::{Deserialize, Serialize};

use crate::model::{Article, ArticleMeta, Quote, QuoteKind, SourceFormat, SpeakerEvidence};

pub mod read;
pub mod write;

pub use read::{Gathered, Problem, RecordError, Records};
pub use write::{article_id, article_lines, records_of};

/// The record format this build writes and reads. A record of a newer version is refused
/// with a message naming it, never misread.
pub const FORMAT_VERSION: u32 = 1;

/// One line of a records file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record {
    /// An article, once, before its quotations when one extractor wrote both.
    Article(ArticleRecord),
    /// One quotation of an article.
    Quote(QuoteRecord),
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What the result and grouping need of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The record format version.
    pub v: u32,
    /// Unique over all shards; quotation records name their article by it.
    pub id: String,
    /// The path or URL the article was read from.
    pub path: String,
    /// The headline, or the file name.
    pub title: String,
    /// The outlet or site name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Canonical or fetched URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// ISO 639-1 code of the detected language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When the page was fetched (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
    /// How the source was read.
    pub format: SourceFormat,
    /// Notes on the repairs made while reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// xxh3-64 of the original bytes, hex.
    pub content_hash: String,
    /// Size of the original file in bytes.
    pub byte_len: usize,
    /// How many quotation records belong to this article (grouping checks they all came).
    pub quotes: usize,
    /// Every entity the article names, case-folded and sorted ([`crate::group::story_keys`]).
    pub story_keys: Vec<String>,
}

/// One quotation as extraction found it (speaker resolved within its article only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The record format version.
    pub v: u32,
    /// The id of its article's record.
    pub article: String,
    /// Its article's path, so that a record moved away from its article still says where
    /// it is from.
    pub path: String,
    /// Its position among the article's quotations, from 0.
    pub index: usize,
    /// The quotation as printed, without its marks.
    pub text: String,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// Byte range in the article's cleaned text.
    pub span: [usize; 2],
    /// Byte offset in the original file where it starts.
    pub start: usize,
    /// Byte offset just past it in the original file.
    pub end: usize,
    /// The speaker resolved within the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The words the article used for the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_as_written: Option<String>,
    /// Byte range of the attribution in the cleaned text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<[usize; 2]>,
    /// Quotations split from one printed quotation share this number.
    pub passage: usize,
    /// The printed quotation joined this part to another with an ellipsis.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spliced: bool,
    /// The quotation starts or ends mid-sentence.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
    /// Added by hand.
    #[serde(default, skip_serializing_if = "is_false")]
    pub manual: bool,
    /// The attributing words, where they are, and how they became the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_evidence: Option<SpeakerEvidence>,
    /// Content terms (stems, `#numbers`, `@names`), sorted and without repeats.
    pub terms: Vec<String>,
}

impl ArticleRecord {
    /// The record of `article` under `id`, with `quotes` quotations.
    pub fn new(id: &str, article: &Article, quotes: usize) -> Self {
        let meta = article.meta.clone();
        Self {
            v: FORMAT_VERSION,
            id: id.to_string(),
            path: article.path.clone(),
            title: article.title.clone(),
            outlet: meta.outlet,
            author: meta.author,
            published: meta.published,
            url: meta.url,
            language: meta.language,
            fetched_at: meta.fetched_at,
            format: article.format,
            warnings: article.warnings.clone(),
            content_hash: article.content_hash.clone(),
            byte_len: article.byte_len,
            quotes,
            story_keys: crate::group::story_keys(article),
        }
    }

    /// The article (without its text, which later stages do not read) under `article_id`,
    /// and its story keys.
    pub fn into_article(self, article_id: String) -> (Article, Vec<String>) {
        let article = Article {
            article_id,
            path: self.path,
            title: self.title,
            meta: ArticleMeta {
                outlet: self.outlet,
                author: self.author,
                published: self.published,
                url: self.url,
                language: self.language,
                fetched_at: self.fetched_at,
            },
            format: self.format,
            warnings: self.warnings,
            content_hash: self.content_hash,
            byte_len: self.byte_len,
            offsets: crate::model::OffsetMap::new(self.byte_len),
            ..Article::default()
        };
        (article, self.story_keys)
    }
}

impl QuoteRecord {
    /// The record of `quote`, the `index`-th quotation of the article recorded as `article`
    /// at `path`.
    pub fn new(article: &str, path: &str, index: usize, quote: &Quote) -> Self {
        let mut terms = crate::normalize::signature(&quote.text).terms;
        terms.sort_unstable();
        terms.dedup();
        Self {
            v: FORMAT_VERSION,
            article: article.to_string(),
            path: path.to_string(),
            index,
            text: quote.text.clone(),
            kind: quote.kind,
            span: [quote.span.start, quote.span.end],
            start: quote.start,
            end: quote.end,
            speaker: quote.speaker.clone(),
            speaker_as_written: quote.speaker_as_written.clone(),
            attribution: quote.attribution.as_ref().map(|a| [a.start, a.end]),
            passage: quote.passage,
            spliced: quote.spliced,
            truncated: quote.truncated,
            manual: quote.manual,
            speaker_evidence: quote.speaker_evidence.clone(),
            terms,
        }
    }

    /// The quotation, in the article with id `article_id` (its own id is given later, when
    /// all quotations are in order).
    pub fn into_quote(self, article_id: String) -> Quote {
        let [start, end] = self.span;
        Quote {
            quote_id: String::new(),
            article_id,
            text: self.text,
            kind: self.kind,
            span: start..end,
            start: self.start,
            end: self.end,
            speaker: self.speaker,
            speaker_as_written: self.speaker_as_written,
            attribution: self.attribution.map(|[s, e]| s..e),
            passage: self.passage,
            spliced: self.spliced,
            truncated: self.truncated,
            manual: self.manual,
            speaker_evidence: self.speaker_evidence,
        }
    }
}

#[cfg(test)]
mod tests;
